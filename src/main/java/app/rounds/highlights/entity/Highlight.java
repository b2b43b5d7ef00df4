package app.rounds.highlights.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A story made from a session: its own text and the quotes and pictures it shows, on its way through review. The
 * approval holds the hash of the exact rendition the reviewer saw; anything that changes the rendition after that
 * needs a new approval.
 */
@Entity
@Table(name = "highlight")
@NamedQuery(name = Highlight.FIND_BY_SESSION,
        query = "SELECT h FROM Highlight h WHERE h.sessionId = :session ORDER BY h.createdAt DESC")
@NamedQuery(name = Highlight.FIND_BY_STATUS,
        query = "SELECT h FROM Highlight h WHERE h.status = :status ORDER BY h.submittedAt")
@NamedQuery(name = Highlight.FIND_SHOWING, query = "SELECT DISTINCT h FROM Highlight h JOIN h.parts p "
        + "WHERE p.kind = :kind AND p.refId = :ref")
@NamedQuery(name = Highlight.FIND_QUOTED, query = "SELECT DISTINCT p.refId FROM Highlight h JOIN h.parts p "
        + "WHERE p.kind IN (app.rounds.highlights.entity.PartKind.QUESTION, "
        + "app.rounds.highlights.entity.PartKind.FEEDBACK) AND p.refId IN :refs")
public class Highlight {

    public static final String FIND_BY_SESSION = "Highlight.findBySession";
    public static final String FIND_BY_STATUS = "Highlight.findByStatus";
    public static final String FIND_SHOWING = "Highlight.findShowing";
    /** Of some contributions, those quoted by a highlight, whatever its status. */
    public static final String FIND_QUOTED = "Highlight.findQuoted";
    public static final int MAX_TITLE = 200;
    public static final int MAX_SUMMARY = 500;
    public static final int MAX_BODY = 20_000;
    public static final int MAX_NOTES = 2000;
    public static final int MAX_PARTS = 30;

    @Id
    private String id;

    @Column(name = "session_id", nullable = false, length = 36)
    private String sessionId;

    @Column(nullable = false, length = MAX_TITLE)
    private String title;

    @Column(length = MAX_SUMMARY)
    private String summary;

    @Column(name = "body_html")
    private String bodyHtml;

    @Column(name = "author_notes", length = MAX_NOTES)
    private String authorNotes;

    @Column(name = "author_id", nullable = false, length = 36)
    private String authorId;

    @Column(name = "author_name", nullable = false, length = 120)
    private String authorName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private HighlightStatus status;

    @Column(name = "publish_on_approval", nullable = false)
    private boolean publishOnApproval;

    @Column
    private String screening;

    /** Everyone who edited or submitted it since its last review decision: none of them may decide on it. */
    @Column(length = 2000)
    private String contributors;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "submitted_hash", length = 64)
    private String submittedHash;

    @Column(name = "approved_hash", length = 64)
    private String approvedHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "highlight_part", joinColumns = @JoinColumn(name = "highlight_id"))
    @OrderColumn(name = "position")
    private List<HighlightPart> parts = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Highlight() {
    }

    public Highlight(String sessionId, String title, String authorId, String authorName, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.sessionId = sessionId;
        this.title = title;
        this.authorId = authorId;
        this.authorName = authorName;
        this.status = HighlightStatus.DRAFT;
        this.publishOnApproval = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Replaces what the author controls; the caller decides what that does to a review under way. */
    public void edit(String title, String summary, String bodyHtml, String authorNotes, boolean publishOnApproval,
                     List<HighlightPart> parts, String editorId, Instant now) {
        contributedBy(editorId);
        this.title = title;
        this.summary = summary;
        this.bodyHtml = bodyHtml;
        this.authorNotes = authorNotes;
        this.publishOnApproval = publishOnApproval;
        this.parts.clear();
        this.parts.addAll(parts);
        this.updatedAt = now;
    }

    /** Sent to review with the rendition's hash and the screening the author saw (findings and their reasons). */
    public void submit(String renditionHash, String screeningJson, String submitterId, Instant now) {
        contributedBy(submitterId);
        this.status = HighlightStatus.IN_REVIEW;
        this.submittedHash = renditionHash;
        this.screening = screeningJson;
        this.approvedHash = null;
        this.submittedAt = now;
        this.updatedAt = now;
    }

    /** Back to the author: an edit a review cannot cover, or a picture that may no longer be shown. */
    public void backToDraft(Instant now) {
        this.status = HighlightStatus.DRAFT;
        this.approvedHash = null;
        this.updatedAt = now;
    }

    private void contributedBy(String staffId) {
        if (!contributedTo(staffId)) {
            contributors = contributors == null ? staffId : contributors + "," + staffId;
        }
    }

    /** The author, or someone who edited or submitted it since its last review decision. */
    public boolean contributedTo(String staffId) {
        return authorId.equals(staffId)
                || contributors != null && List.of(contributors.split(",")).contains(staffId);
    }

    public void approve(String renditionHash, Instant now) {
        this.contributors = null;
        this.status = HighlightStatus.APPROVED;
        this.approvedHash = renditionHash;
        this.updatedAt = now;
    }

    public void reject(Instant now) {
        this.contributors = null;
        this.status = HighlightStatus.REJECTED;
        this.approvedHash = null;
        this.updatedAt = now;
    }

    public void published(Instant now) {
        this.status = HighlightStatus.PUBLISHED;
        this.updatedAt = now;
    }

    public void unpublished(Instant now) {
        this.status = HighlightStatus.UNPUBLISHED;
        this.approvedHash = null;
        this.updatedAt = now;
    }

    /** Takes a picture out; true when it was there. */
    public boolean removeMedia(String mediaId, Instant now) {
        boolean removed = parts.removeIf(p -> p.kind() == PartKind.MEDIA && p.refId().equals(mediaId));
        if (removed) {
            updatedAt = now;
        }
        return removed;
    }

    public String id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public String bodyHtml() {
        return bodyHtml;
    }

    public String authorNotes() {
        return authorNotes;
    }

    public String authorId() {
        return authorId;
    }

    public String authorName() {
        return authorName;
    }

    public HighlightStatus status() {
        return status;
    }

    public boolean publishOnApproval() {
        return publishOnApproval;
    }

    public String screening() {
        return screening;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    /**
     * Whether reviewers who do not curate it may see it: once it was submitted to review, never as a draft that was
     * not (its author's notes, pictures whose consent is not settled yet).
     */
    public boolean shownToReviewers() {
        return submittedAt != null && status != HighlightStatus.DRAFT;
    }

    public String submittedHash() {
        return submittedHash;
    }

    public String approvedHash() {
        return approvedHash;
    }

    public List<HighlightPart> parts() {
        return List.copyOf(parts);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
