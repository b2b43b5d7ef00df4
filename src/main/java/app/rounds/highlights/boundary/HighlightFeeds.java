package app.rounds.highlights.boundary;

import app.rounds.highlights.control.Highlights;
import app.rounds.highlights.control.Renditions;
import app.rounds.highlights.entity.Publication;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The published highlights as an Atom feed (RFC 4287, written by ROME) and a JSON Feed 1.1, with the same entry ids
 * in both ({@code urn:uuid:<highlight id>}) and absolute links, so a reader can follow them from anywhere.
 */
final class HighlightFeeds {

    static final String JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

    private HighlightFeeds() {
    }

    static String entryId(String highlightId) {
        return "urn:uuid:" + highlightId;
    }

    static String atom(List<Publication> live, String base, String siteName) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(base + "/highlights/");
        feed.setTitle(siteName + " highlights");
        feed.setUpdated(Date.from(updated(live)));
        feed.setAlternateLinks(List.of(link("alternate", base + "/highlights/", "text/html")));
        feed.setOtherLinks(List.of(link("self", base + "/highlights/feed.atom", "application/atom+xml")));
        Person author = new Person();
        author.setName(siteName);
        feed.setAuthors(List.of(author));
        List<Entry> entries = new ArrayList<>();
        for (Publication p : live) {
            Entry entry = new Entry();
            entry.setId(entryId(p.highlightId()));
            entry.setTitle(p.title());
            entry.setPublished(Date.from(p.publishedAt()));
            entry.setUpdated(Date.from(p.updatedAt()));
            entry.setAlternateLinks(List.of(link("alternate", base + Highlights.publicPath(p.highlightId()),
                    "text/html")));
            if (p.summary() != null) {
                Content summary = new Content();
                summary.setType(Content.TEXT);
                summary.setValue(p.summary());
                entry.setSummary(summary);
            }
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(absolute(p.html(), base));
            entry.setContents(List.of(content));
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return new WireFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("the Atom feed cannot be written", e);
        }
    }

    static String json(List<Publication> live, String base, String siteName) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (Publication p : live) {
            JsonObjectBuilder item = Json.createObjectBuilder()
                    .add("id", entryId(p.highlightId()))
                    .add("url", base + Highlights.publicPath(p.highlightId()))
                    .add("title", p.title())
                    .add("content_html", absolute(p.html(), base))
                    .add("date_published", p.publishedAt().toString())
                    .add("date_modified", p.updatedAt().toString());
            if (p.summary() != null) {
                item.add("summary", p.summary());
            }
            if (p.imageMediaId() != null) {
                item.add("image", base + Renditions.mediaPath(p.highlightId(), p.imageMediaId(), "large"));
            }
            items.add(item);
        }
        return Json.createObjectBuilder()
                .add("version", JSON_FEED_VERSION)
                .add("title", siteName + " highlights")
                .add("home_page_url", base + "/highlights/")
                .add("feed_url", base + "/highlights/feed.json")
                .add("language", "en")
                .add("authors", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", siteName)))
                .add("items", items)
                .build().toString();
    }

    private static Instant updated(List<Publication> live) {
        return live.stream().map(Publication::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    /** The rendition with its site-relative links and pictures made absolute. */
    static String absolute(String html, String base) {
        Document doc = Jsoup.parseBodyFragment(html, base + "/");
        doc.outputSettings().prettyPrint(false);
        for (Element element : doc.select("[src], [href]")) {
            for (String attribute : List.of("src", "href")) {
                if (element.hasAttr(attribute)) {
                    element.attr(attribute, element.absUrl(attribute));
                }
            }
        }
        return doc.body().html();
    }
}
