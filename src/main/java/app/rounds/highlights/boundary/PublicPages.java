package app.rounds.highlights.boundary;

import app.rounds.highlights.control.Highlights;
import app.rounds.highlights.control.Renditions;
import app.rounds.highlights.entity.Publication;
import app.rounds.platform.control.MessageBundle;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The public HTML: a page per highlight with Open Graph and Twitter card tags, the index, the embeddable version,
 * and the page of a highlight that is gone. Built as jsoup trees, so every text and attribute is encoded; the
 * rendition inside is Rounds' own, sanitised when it was made. Only this site's stylesheet and scripts are loaded.
 */
final class PublicPages {

    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    private PublicPages() {
    }

    static String page(Publication p, String base, String siteName, MessageBundle words) {
        String url = base + Highlights.publicPath(p.highlightId());
        Document doc = shell(p.title() + " · " + siteName, base, words);
        Element head = doc.head();
        if (p.summary() != null) {
            meta(head, "name", "description", p.summary());
        }
        head.appendElement("link").attr("rel", "canonical").attr("href", url);
        meta(head, "property", "og:type", "article");
        meta(head, "property", "og:site_name", siteName);
        meta(head, "property", "og:title", p.title());
        meta(head, "property", "og:url", url);
        meta(head, "property", "article:published_time", p.publishedAt().toString());
        meta(head, "property", "article:modified_time", p.updatedAt().toString());
        meta(head, "name", "twitter:title", p.title());
        if (p.summary() != null) {
            meta(head, "property", "og:description", p.summary());
            meta(head, "name", "twitter:description", p.summary());
        }
        if (p.imageMediaId() != null) {
            String image = base + Renditions.mediaPath(p.highlightId(), p.imageMediaId(), "large");
            meta(head, "property", "og:image", image);
            meta(head, "property", "og:image:alt", p.imageAlt());
            meta(head, "name", "twitter:card", "summary_large_image");
            meta(head, "name", "twitter:image", image);
            meta(head, "name", "twitter:image:alt", p.imageAlt());
        } else {
            meta(head, "name", "twitter:card", "summary");
        }
        head.appendElement("link").attr("rel", "alternate").attr("type", "application/json+oembed")
                .attr("href", base + "/api/public/oembed?format=json&url=" + URLEncoder.encode(url, StandardCharsets.UTF_8))
                .attr("title", p.title());
        Element main = body(doc, siteName, words, Highlights.publicPath(p.highlightId()));
        main.append(p.html());
        published(main.appendElement("p").addClass("published"), p, words);
        return html(doc);
    }

    static String index(List<Publication> live, String base, String siteName, MessageBundle words) {
        String title = words.text("public.highlights") + " · " + siteName;
        Document doc = shell(title, base, words);
        meta(doc.head(), "name", "description", words.text("public.indexDescription", "site", siteName));
        meta(doc.head(), "property", "og:title", title);
        meta(doc.head(), "property", "og:url", base + "/highlights/");
        Element main = body(doc, siteName, words, "/highlights/");
        main.appendElement("h1").text(words.text("public.highlights"));
        if (live.isEmpty()) {
            main.appendElement("p").text(words.text("public.nothingPublished"));
        }
        Element list = main.appendElement("ul").addClass("highlight-index");
        for (Publication p : live) {
            Element item = list.appendElement("li");
            if (p.imageMediaId() != null) {
                item.appendElement("img").attr("src", Renditions.mediaPath(p.highlightId(), p.imageMediaId(), "small"))
                        .attr("alt", "").attr("loading", "lazy").attr("width", "160");
            }
            Element text = item.appendElement("div");
            text.appendElement("h2").appendElement("a").attr("href", Highlights.publicPath(p.highlightId()))
                    .text(p.title());
            if (p.summary() != null) {
                text.appendElement("p").text(p.summary());
            }
            text.appendElement("p").addClass("published").appendElement("time")
                    .attr("datetime", p.publishedAt().toString()).text(day(p, words));
        }
        return html(doc);
    }

    /** The highlight alone, to sit in another site's iframe; links open in a new tab. */
    static String embed(Publication p, String base, String siteName, MessageBundle words) {
        Document doc = shell(p.title() + " · " + siteName, base, words);
        doc.head().appendElement("base").attr("target", "_blank");
        doc.head().appendElement("script").attr("src", "/js/embed-frame.js").attr("defer", true);
        Element main = doc.body().addClass("embedded").appendElement("main").attr("id", "main");
        main.append(p.html());
        main.appendElement("p").addClass("published").appendElement("a")
                .attr("href", base + Highlights.publicPath(p.highlightId())).text(words.text("public.publishedBy", "site", siteName));
        return html(doc);
    }

    static String gone(String siteName, MessageBundle words, String path) {
        Document doc = shell(words.text("public.withdrawnTitle") + " · " + siteName, "", words);
        meta(doc.head(), "name", "robots", "noindex");
        Element main = body(doc, siteName, words, path);
        main.appendElement("h1").text(words.text("public.withdrawnTitle"));
        main.appendElement("p").text(words.text("public.withdrawnText"));
        main.appendElement("p").appendElement("a").attr("href", "/highlights/").text(words.text("public.seeAll"));
        return html(doc);
    }

    static String notFound(String siteName, MessageBundle words, String path) {
        Document doc = shell(words.text("public.notFoundTitle") + " · " + siteName, "", words);
        meta(doc.head(), "name", "robots", "noindex");
        Element main = body(doc, siteName, words, path);
        main.appendElement("h1").text(words.text("public.notFoundTitle"));
        main.appendElement("p").appendElement("a").attr("href", "/highlights/").text(words.text("public.seeAll"));
        return html(doc);
    }

    /** "Published 4 December 2026", the day in the reader's language (UTC, as the feeds have it). */
    private static void published(Element paragraph, Publication p, MessageBundle words) {
        String[] around = words.text("public.published", "date", "\u0000").split("\u0000", -1);
        paragraph.appendText(around[0]);
        paragraph.appendElement("time").attr("datetime", p.publishedAt().toString()).text(day(p, words));
        if (around.length > 1) {
            paragraph.appendText(around[1]);
        }
    }

    private static String day(Publication p, MessageBundle words) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(words.locale()).withZone(ZoneOffset.UTC)
                .format(p.publishedAt());
    }

    private static Document shell(String title, String base, MessageBundle words) {
        Document doc = Jsoup.parse("<html><head></head><body></body></html>");
        doc.selectFirst("html").attr("lang", words.language());
        doc.outputSettings(COMPACT);
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(title);
        head.appendElement("link").attr("rel", "stylesheet").attr("href", "/css/rounds.css");
        head.appendElement("link").attr("rel", "icon").attr("href", "/favicon.svg").attr("type", "image/svg+xml");
        head.appendElement("link").attr("rel", "alternate").attr("type", "application/atom+xml")
                .attr("title", "Highlights (Atom)").attr("href", base + "/highlights/feed.atom");
        head.appendElement("link").attr("rel", "alternate").attr("type", "application/feed+json")
                .attr("title", "Highlights (JSON Feed)").attr("href", base + "/highlights/feed.json");
        return doc;
    }

    /** The bar: the site, its feeds, and the languages, each a link to this page ({@code path}) in it. */
    private static Element body(Document doc, String siteName, MessageBundle words, String path) {
        Element body = doc.body().addClass("public");
        body.appendElement("a").addClass("skip-link").attr("href", "#main").text(words.text("common.skipToContent"));
        Element bar = body.appendElement("header").addClass("bar");
        bar.appendElement("a").addClass("brand").attr("href", "/highlights/")
                .text(words.text("public.siteHighlights", "site", siteName));
        bar.appendElement("nav").attr("aria-label", words.text("public.feeds")).appendElement("a")
                .attr("href", "/highlights/feed.atom").text(words.text("public.atomFeed")).parent().appendElement("a")
                .attr("href", "/highlights/feed.json").text(words.text("public.jsonFeed"));
        Element languages = bar.appendElement("nav").addClass("languages")
                .attr("aria-label", words.text("common.language")).appendElement("ul");
        MessageBundle.LANGUAGES.forEach((code, name) -> {
            Element link = languages.appendElement("li").appendElement("a").attr("href", path + "?lang=" + code)
                    .attr("hreflang", code).attr("lang", code).text(name);
            if (code.equals(words.language())) {
                link.attr("aria-current", "true");
            }
        });
        return body.appendElement("main").attr("id", "main").addClass("article");
    }

    private static void meta(Element head, String keyAttribute, String key, String content) {
        head.appendElement("meta").attr(keyAttribute, key).attr("content", content == null ? "" : content);
    }

    private static String html(Document doc) {
        return "<!DOCTYPE html>" + doc.html();
    }
}
