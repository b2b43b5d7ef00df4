package app.rounds.highlights.control;

import app.rounds.contributions.entity.Origin;
import app.rounds.highlights.entity.PartKind;
import app.rounds.highlights.entity.QuoteMode;
import app.rounds.highlights.entity.QuotePermission;
import app.rounds.media.control.Consents;

import java.util.List;

/**
 * A highlight exactly as the public would see it ({@code html}, and {@code hash}, its SHA-256, which an approval is
 * bound to), with what a reviewer needs beside it: each part's source and status, the texts to screen, and the
 * {@code blockers} that keep it from being submitted or published whatever anyone says (a picture without consent,
 * a verbatim quote without its author's permission).
 */
public record Rendition(String title, String summary, String html, String hash, List<Part> parts,
                        List<ScreenedField> texts, List<String> blockers, String imageMediaId, String imageAlt) {

    /** A quote or picture as shown, with its source and what allows it to be shown. */
    public record Part(int position, PartKind kind, String refId, String shownText, String originalText,
                       String attribution, Origin origin, QuoteMode quoteMode, QuotePermission permission,
                       String permissionEvidence, String originalUrl, String mediaKind, String altText,
                       String caption, Boolean publishable, List<Consents.ConsentView> consents,
                       String previewUrl, List<String> problems) {
    }

    /** A text the screener reads: where it is shown ({@code field}, e.g. "title", "parts[2].text") and what it says. */
    public record ScreenedField(String field, String text) {
    }

    public List<String> mediaIds() {
        return parts.stream().filter(p -> p.kind() == PartKind.MEDIA).map(Part::refId).toList();
    }
}
