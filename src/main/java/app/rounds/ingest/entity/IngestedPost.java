package app.rounds.ingest.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An original post taken into a session, once, whichever way it came: the contribution it became, its last content.
 * Rows are inserted by {@code Ingestion}'s claim ({@code INSERT IGNORE}), never persisted as new entities.
 */
@Entity
@Table(name = "ingested_post")
@IdClass(IngestedPost.Key.class)
public class IngestedPost {

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

    /** What it became: a question or feedback; null when the session ignores such posts. */
    @Column(name = "contribution_kind", length = 16)
    private String contributionKind;

    @Column(name = "contribution_id", length = 36)
    private String contributionId;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    @Column(nullable = false)
    private boolean deleted;

    @Column(name = "first_seen_at", nullable = false)
    private Instant firstSeenAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected IngestedPost() {
    }

    public static final String QUESTION = "QUESTION";
    public static final String FEEDBACK = "FEEDBACK";

    /** What it became, once the post is claimed for the session (see Ingestion). */
    public void became(String contributionKind, String contributionId) {
        this.contributionKind = contributionKind;
        this.contributionId = contributionId;
    }

    public void edited(String contentHash, Instant now) {
        this.contentHash = contentHash;
        this.updatedAt = now;
    }

    public void delete(Instant now) {
        this.deleted = true;
        this.updatedAt = now;
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

    public boolean deleted() {
        return deleted;
    }
}
