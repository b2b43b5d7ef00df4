package app.rounds.ingest.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Where a session's posts come from, and how fetching from it goes: state, cursor, last success and error. */
@Entity
@Table(name = "ingest_source")
@NamedQuery(name = IngestSource.FIND_BY_SESSION,
        query = "SELECT s FROM IngestSource s WHERE s.sessionId = :session ORDER BY s.createdAt")
@NamedQuery(name = IngestSource.FIND_POLLED, query = "SELECT s FROM IngestSource s WHERE s.enabled = TRUE "
        + "AND s.kind <> app.rounds.ingest.entity.SourceKind.WEBHOOK")
@NamedQuery(name = IngestSource.FIND_ALL, query = "SELECT s FROM IngestSource s ORDER BY s.createdAt")
public class IngestSource {

    public static final String FIND_BY_SESSION = "IngestSource.findBySession";
    public static final String FIND_POLLED = "IngestSource.findPolled";
    public static final String FIND_ALL = "IngestSource.findAll";
    /** Failures in a row after which a source counts as failing rather than backing off. */
    public static final int FAILING_AFTER = 3;

    @Id
    private String id;

    @Column(name = "session_id", nullable = false, length = 36)
    private String sessionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SourceKind kind;

    @Column(nullable = false, length = 100)
    private String label;

    @Column(name = "base_url", length = 500)
    private String baseUrl;

    /** Encrypted; see SourceSecrets. */
    @Column(length = 1000)
    private String credential;

    /** The account a credential belongs to (a Bluesky handle), where the kind needs one. */
    @Column(length = 200)
    private String account;

    @Column(nullable = false)
    private boolean enabled;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SourceState state;

    @Column(name = "cursor_value", length = 1000)
    private String cursor;

    @Column(length = 500)
    private String etag;

    @Column(name = "last_modified", length = 100)
    private String lastModified;

    @Column(nullable = false)
    private int failures;

    /** Written only by SourceLeases, in SQL: the instance polling the source now, and how often it changed hands. */
    @Column(name = "lease_epoch", insertable = false, updatable = false)
    private long leaseEpoch;

    @Column(name = "last_success_at")
    private Instant lastSuccessAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "last_error_at")
    private Instant lastErrorAt;

    @Column(name = "next_poll_at")
    private Instant nextPollAt;

    /** When the newest post taken from it was written: the lag is the time since. */
    @Column(name = "newest_post_at")
    private Instant newestPostAt;

    @Column(name = "created_by", length = 36)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected IngestSource() {
    }

    public IngestSource(String sessionId, SourceKind kind, String label, String baseUrl, String account,
                        String encryptedCredential, String createdBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.sessionId = sessionId;
        this.kind = kind;
        this.label = label;
        this.baseUrl = baseUrl;
        this.account = account;
        this.credential = encryptedCredential;
        this.enabled = true;
        this.state = SourceState.RUNNING;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
        this.nextPollAt = now;
    }

    /**
     * A call succeeded; {@code next} is when to call again (null: as planned). The last error goes: a source that
     * works again shows no old trouble.
     */
    public long leaseEpoch() {
        return leaseEpoch;
    }

    public void succeeded(Instant now, Instant next) {
        failures = 0;
        if (enabled) {
            state = SourceState.RUNNING;
        }
        lastError = null;
        lastErrorAt = null;
        lastSuccessAt = now;
        if (next != null) {
            nextPollAt = next;
        }
        updatedAt = now;
    }

    /** The source asked to wait (rate limit) without anything failing. */
    public void waitUntil(Instant next, String why, Instant now) {
        if (enabled) {
            state = SourceState.BACKING_OFF;
        }
        lastError = shortened(why);
        lastErrorAt = now;
        nextPollAt = next;
        updatedAt = now;
    }

    /** A call failed; {@code backoff} grows with {@link #failures()}. */
    public void failed(String error, Instant now, Duration backoff) {
        failures++;
        if (enabled) {
            state = failures >= FAILING_AFTER ? SourceState.FAILING : SourceState.BACKING_OFF;
        }
        lastError = shortened(error);
        lastErrorAt = now;
        nextPollAt = now.plus(backoff);
        updatedAt = now;
    }

    /** Poll at once (a stream reconnected: what fell in the gap is fetched over REST). */
    public void pollNow(Instant now) {
        if (enabled) {
            nextPollAt = now;
        }
    }

    public void enable(boolean enabled, Instant now) {
        this.enabled = enabled;
        this.state = enabled ? SourceState.RUNNING : SourceState.STOPPED;
        this.failures = 0;
        this.nextPollAt = enabled ? now : null;
        this.updatedAt = now;
    }

    /** Whether its next poll is due. */
    public boolean due(Instant now) {
        return nextPollAt != null && !nextPollAt.isAfter(now);
    }

    /** A Mastodon source with an access token: it streams as well as polls. */
    public boolean streams() {
        return kind == SourceKind.MASTODON && credential != null;
    }

    public void advance(String cursor, Instant newestPostAt) {
        this.cursor = cursor;
        if (newestPostAt != null && (this.newestPostAt == null || newestPostAt.isAfter(this.newestPostAt))) {
            this.newestPostAt = newestPostAt;
        }
    }

    public void validators(String etag, String lastModified) {
        this.etag = etag;
        this.lastModified = lastModified;
    }

    private static String shortened(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    public String id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public SourceKind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String credential() {
        return credential;
    }

    public String account() {
        return account;
    }

    public boolean enabled() {
        return enabled;
    }

    public SourceState state() {
        return state;
    }

    public String cursor() {
        return cursor;
    }

    public String etag() {
        return etag;
    }

    public String lastModified() {
        return lastModified;
    }

    public int failures() {
        return failures;
    }

    public Instant lastSuccessAt() {
        return lastSuccessAt;
    }

    public String lastError() {
        return lastError;
    }

    public Instant lastErrorAt() {
        return lastErrorAt;
    }

    public Instant nextPollAt() {
        return nextPollAt;
    }

    public Instant newestPostAt() {
        return newestPostAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
