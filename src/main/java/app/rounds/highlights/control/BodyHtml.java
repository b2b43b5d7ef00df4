package app.rounds.highlights.control;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The limited rich text a highlight's body may carry: paragraphs, emphasis, lists, sub-headings, quotes and web
 * links, sanitised with jsoup's allow-list so no script, style, image, frame or event handler gets through.
 */
public final class BodyHtml {

    private static final Safelist ALLOWED = new Safelist()
            .addTags("p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "h2", "h3", "blockquote")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "https", "http", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");
    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    private BodyHtml() {
    }

    /** The allowed part of the HTML; null for null or markup with no text. */
    public static String sanitised(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String clean = Jsoup.clean(html, "", ALLOWED, COMPACT).strip();
        return text(clean).isBlank() ? null : clean;
    }

    /** What a reader reads of it: the text, for screening. */
    public static String text(String html) {
        return html == null ? "" : Jsoup.parseBodyFragment(html).text();
    }
}
