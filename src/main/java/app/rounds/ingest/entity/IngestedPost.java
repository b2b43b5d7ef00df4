package app.rounds.ingest.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An original post taken into a session, once, whichever way it came: the contribution it became, its last content,
 * and when Rounds asks its source again whether it still stands as it was. Rows are inserted by {@code Ingestion}'s
 * claim ({@code INSERT IGNORE}), never persisted as new entities.
 */
@Entity
@Table(name = "ingested_post")
@IdClass(IngestedPost.Key.class)
@NamedQuery(name = IngestedPost.FIND_DUE, query = "SELECT p FROM IngestedPost p WHERE p.sourceKind IN :kinds "
        + "AND p.deleted = FALSE AND p.contributionId IS NOT NULL AND p.watchEndedAt IS NULL "
        + "AND (p.nextCheckAt IS NULL OR p.nextCheckAt <= :now) ORDER BY p.nextCheckAt")
@NamedQuery(name = IngestedPost.FIND_DUE_FROM, query = "SELECT p FROM IngestedPost p WHERE p.sourceId = :source "
        + "AND p.sourceKind IN :kinds AND p.deleted = FALSE AND p.contributionId IS NOT NULL "
        + "AND p.watchEndedAt IS NULL AND (p.nextCheckAt IS NULL OR p.nextCheckAt <= :now) ORDER BY p.nextCheckAt")
@NamedQuery(name = IngestedPost.FIND_DUE_ELSEWHERE, query = "SELECT p FROM IngestedPost p WHERE p.sourceKind IN :kinds "
        + "AND (p.sourceId IS NULL OR p.sourceId NOT IN :sources) AND p.deleted = FALSE "
        + "AND p.contributionId IS NOT NULL AND p.watchEndedAt IS NULL "
        + "AND (p.nextCheckAt IS NULL OR p.nextCheckAt <= :now) ORDER BY p.nextCheckAt")
@NamedQuery(name = IngestedPost.FIND_BY_CONTRIBUTIONS, query = "SELECT p FROM IngestedPost p "
        + "WHERE p.contributionId IN :ids AND p.deleted = FALSE")
public class IngestedPost {

    public static final String FIND_DUE = "IngestedPost.findDue";
    /** Due, brought by one source. */
    public static final String FIND_DUE_FROM = "IngestedPost.findDueFrom";
    /** Due, brought by none of the given sources (stopped, removed). */
    public static final String FIND_DUE_ELSEWHERE = "IngestedPost.findDueElsewhere";
    public static final String FIND_BY_CONTRIBUTIONS = "IngestedPost.findByContributions";

    public record Key(String sessionId, String uriHash) {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "session_id", length = 36)
    private String sessionId;

    @Id
    @Column(name = "uri_hash", length = 64)
    private String uriHash;

    @Column(nullable = false, length = 2000)
    private String uri;

    @Column(name = "source_id", length = 36)
    private String sourceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_kind", length = 16)
    private SourceKind sourceKind;

    @Column(name = "local_id", length = 100)
    private String localId;

    /** What it became: a question or feedback; null when the session ignores such posts. */
    @Column(name = "contribution_kind", length = 16)
    private String contributionKind;

    @Column(name = "contribution_id", length = 36)
    private String contributionId;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(nullable = false)
    private boolean deleted;

    @Column(name = "first_seen_at", nullable = false)
    private Instant firstSeenAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "checked_at")
    private Instant checkedAt;

    @Column(name = "next_check_at")
    private Instant nextCheckAt;

    /** When Rounds stopped asking about it (its session ended long ago, nothing quotes it); null while it asks. */
    @Column(name = "watch_ended_at")
    private Instant watchEndedAt;

    protected IngestedPost() {
    }

    public static final String QUESTION = "QUESTION";
    public static final String FEEDBACK = "FEEDBACK";

    /** What it became, once the post is claimed for the session (see Ingestion). */
    public void became(String contributionKind, String contributionId) {
        this.contributionKind = contributionKind;
        this.contributionId = contributionId;
    }

    /** Whether this content differs from the last taken: other text, or a new {@code edited_at} from the source. */
    public boolean changedBy(String contentHash, Instant editedAt) {
        return !this.contentHash.equals(contentHash) || (editedAt != null && !editedAt.equals(this.editedAt));
    }

    public void edited(String contentHash, Instant editedAt, Instant now) {
        this.contentHash = contentHash;
        this.editedAt = editedAt != null ? editedAt : this.editedAt;
        this.updatedAt = now;
    }

    public void delete(Instant now) {
        this.deleted = true;
        this.updatedAt = now;
    }

    /**
     * Its source was asked (or, when nothing shows it, the question was put off); ask again at {@code next}. A post
     * asked about is watched again, should Rounds have stopped (a highlight quoting it is being confirmed).
     */
    public void checked(Instant now, Instant next, boolean asked) {
        if (asked) {
            this.checkedAt = now;
            this.watchEndedAt = null;
        }
        this.nextCheckAt = next;
    }

    /** Rounds no longer asks about it in the background: its session ended long ago and nothing quotes it. */
    public void stopWatching(Instant now) {
        this.watchEndedAt = now;
    }


    public Key key() {
        return new Key(sessionId, uriHash);
    }

    public String sessionId() {
        return sessionId;
    }

    public String uri() {
        return uri;
    }

    public String sourceId() {
        return sourceId;
    }

    public SourceKind sourceKind() {
        return sourceKind;
    }

    public String localId() {
        return localId;
    }

    public String contributionKind() {
        return contributionKind;
    }

    public String contributionId() {
        return contributionId;
    }

    public String contentHash() {
        return contentHash;
    }

    public Instant editedAt() {
        return editedAt;
    }

    public boolean deleted() {
        return deleted;
    }

    public Instant checkedAt() {
        return checkedAt;
    }

    public Instant nextCheckAt() {
        return nextCheckAt;
    }

    /** When Rounds stopped asking about it in the background; null while it asks. */
    public Instant watchEndedAt() {
        return watchEndedAt;
    }
}
