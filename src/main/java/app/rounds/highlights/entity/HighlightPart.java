package app.rounds.highlights.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One quote or picture in a highlight; {@code refId} names the question, feedback or media item. */
@Embeddable
public class HighlightPart {

    public static final int MAX_PARAPHRASE = 1000;
    public static final int MAX_EVIDENCE = 500;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private PartKind kind;

    @Column(name = "ref_id", nullable = false, length = 36)
    private String refId;

    @Enumerated(EnumType.STRING)
    @Column(name = "quote_mode", length = 12)
    private QuoteMode quoteMode;

    @Column(length = MAX_PARAPHRASE)
    private String paraphrase;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private QuotePermission permission;

    @Column(name = "permission_evidence", length = MAX_EVIDENCE)
    private String permissionEvidence;

    protected HighlightPart() {
    }

    public HighlightPart(PartKind kind, String refId, QuoteMode quoteMode, String paraphrase,
                         QuotePermission permission, String permissionEvidence) {
        this.kind = kind;
        this.refId = refId;
        boolean quote = kind.quotes();
        this.quoteMode = quote ? (quoteMode == null ? QuoteMode.VERBATIM : quoteMode) : null;
        this.paraphrase = quote && this.quoteMode == QuoteMode.PARAPHRASE ? blankToNull(paraphrase) : null;
        this.permission = quote ? permission : null;
        this.permissionEvidence = quote ? blankToNull(permissionEvidence) : null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public PartKind kind() {
        return kind;
    }

    public String refId() {
        return refId;
    }

    public QuoteMode quoteMode() {
        return quoteMode;
    }

    public String paraphrase() {
        return paraphrase;
    }

    public QuotePermission permission() {
        return permission;
    }

    public String permissionEvidence() {
        return permissionEvidence;
    }
}
