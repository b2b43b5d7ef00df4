package app.rounds.ingest.control;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/**
 * A post's HTML as plain text, parsed by jsoup: paragraphs and line breaks become new lines, links, hashtags and
 * mentions keep their visible text, entities are decoded, emoji and every script pass through untouched, and no markup
 * survives. The text is encoded again wherever it is shown.
 */
public final class PostText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "blockquote", "pre", "h1", "h2", "h3", "h4",
            "h5", "h6", "tr");

    private PostText() {
    }

    public static String of(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        Jsoup.parseBodyFragment(html).body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.getWholeText());
                } else if (node instanceof Element element && element.nameIs("br")) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append(element.nameIs("p") ? "\n\n" : "\n");
                }
            }
        });
        return text.toString()
                .replaceAll("[ \\t\\x0B\\f\\r\\u00A0]+", " ")
                .replaceAll(" *\\n *", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }
}
