package app.rounds.highlights.boundary;

import app.rounds.highlights.entity.Publication;
import app.rounds.testing.Bundles;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public pages and feeds from publications, without a container: encoding, required elements, same ids. */
class PublicRenderingTest {

    static final String BASE = "https://rounds.example.org";
    static final String ID = "0b8f3e0c-5a4e-4f57-9d7a-0d3c2f6e8a11";

    static Publication published(String title, String summary) {
        Publication p = new Publication(ID, "s", Instant.parse("2026-11-20T09:00:00Z"));
        p.show(title, summary, "<article class=\"highlight\"><h1>" + Jsoup.parse(title).text() + "</h1>"
                        + "<figure class=\"photo\"><img src=\"/api/public/highlights/" + ID + "/media/m1?variant=large\" "
                        + "alt=\"A manikin\"></figure></article>", "m1", "A manikin", "f".repeat(64),
                Instant.parse("2026-11-21T09:00:00Z"));
        return p;
    }

    @Test
    void aPageCarriesOpenGraphAndTwitterTagsWithEverythingEncoded() {
        String html = PublicPages.page(published("Gloves <script>alert(1)</script> & gowns", "Twelve \"nurses\""),
                BASE, "St Elsewhere", Bundles.of("en"));
        Document page = Jsoup.parse(html);
        assertTrue(html.startsWith("<!DOCTYPE html><html lang=\"en\">"), html.substring(0, 40));
        assertEquals("Gloves <script>alert(1)</script> & gowns",
                page.selectFirst("meta[property=og:title]").attr("content"));
        assertEquals(0, page.select("head script, meta + script").size(), "the title's markup stays text");
        assertEquals(BASE + "/highlights/" + ID, page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(BASE + "/api/public/highlights/" + ID + "/media/m1?variant=large",
                page.selectFirst("meta[property=og:image]").attr("content"));
        assertEquals("A manikin", page.selectFirst("meta[name=twitter:image:alt]").attr("content"));
        assertEquals("summary_large_image", page.selectFirst("meta[name=twitter:card]").attr("content"));
        assertTrue(page.selectFirst("link[type=application/json+oembed]").attr("href")
                .startsWith(BASE + "/api/public/oembed?format=json&url=https%3A%2F%2Frounds.example.org"));
        assertEquals("#main", page.selectFirst("a.skip-link").attr("href"), "keyboard users skip the header");
    }

    @Test
    void aPageSpeaksTheReadersLanguageAndOffersTheOthers() {
        Document page = Jsoup.parse(PublicPages.page(published("Händehygiene", null), BASE, "St. Elsewhere",
                Bundles.of("de")));
        assertEquals("de", page.selectFirst("html").attr("lang"));
        assertEquals("Veröffentlicht am 20. November 2026", page.selectFirst("p.published").text());
        assertEquals("Highlights von St. Elsewhere", page.selectFirst(".brand").text());
        assertEquals("Zum Inhalt springen", page.selectFirst("a.skip-link").text());
        assertEquals(List.of("English", "Deutsch", "Français", "Español", "Nederlands"),
                page.select("nav.languages a").eachText());
        assertEquals("/highlights/" + ID + "?lang=fr", page.selectFirst("nav.languages a[hreflang=fr]").attr("href"));
        assertEquals("true", page.selectFirst("nav.languages a[hreflang=de]").attr("aria-current"));
        assertEquals("Nicht gefunden", Jsoup.parse(PublicPages.notFound("St. Elsewhere", Bundles.of("de"),
                "/highlights/x")).selectFirst("h1").text());
    }

    @Test
    void atomAndJsonFeedCarryTheRequiredElementsAndTheSameIds() throws Exception {
        List<Publication> live = List.of(published("Gloves & gowns", "Twelve nurses"));
        SyndFeed atom = new SyndFeedInput().build(new StringReader(HighlightFeeds.atom(live, BASE, "St Elsewhere")));
        assertEquals("atom_1.0", atom.getFeedType());
        assertEquals(BASE + "/highlights/", atom.getUri());
        assertEquals("St Elsewhere highlights", atom.getTitle());
        assertEquals(Instant.parse("2026-11-21T09:00:00Z"), atom.getPublishedDate().toInstant(), "feed updated");
        SyndEntry entry = atom.getEntries().getFirst();
        assertEquals("urn:uuid:" + ID, entry.getUri());
        assertEquals("Gloves & gowns", entry.getTitle());
        assertEquals(BASE + "/highlights/" + ID, entry.getLink());
        assertEquals("Twelve nurses", entry.getDescription().getValue());
        String content = entry.getContents().getFirst().getValue();
        assertTrue(content.contains("src=\"" + BASE + "/api/public/highlights/" + ID + "/media/m1?variant=large\""),
                content);

        JsonObject json = Json.createReader(new StringReader(HighlightFeeds.json(live, BASE, "St Elsewhere")))
                .readObject();
        assertEquals("https://jsonfeed.org/version/1.1", json.getString("version"));
        assertEquals(BASE + "/highlights/feed.json", json.getString("feed_url"));
        JsonObject item = json.getJsonArray("items").getJsonObject(0);
        assertEquals(entry.getUri(), item.getString("id"), "the same id in both feeds");
        assertEquals(entry.getLink(), item.getString("url"));
        assertEquals("2026-11-20T09:00:00Z", item.getString("date_published"));
        assertFalse(item.getString("content_html").contains("src=\"/api"), "absolute URLs only");
    }
}
