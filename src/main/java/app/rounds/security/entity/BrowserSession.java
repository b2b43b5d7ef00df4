package app.rounds.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A staff member logged in with a browser; only the SHA-256 of its cookie's token is stored. */
@Entity
@Table(name = "browser_session")
@NamedQuery(name = BrowserSession.FIND_BY_HASH,
        query = "SELECT s FROM BrowserSession s JOIN FETCH s.user WHERE s.tokenHash = :hash")
@NamedQuery(name = BrowserSession.TOUCH,
        query = "UPDATE BrowserSession s SET s.lastSeenAt = :now WHERE s.id = :id")
@NamedQuery(name = BrowserSession.DELETE_BY_HASH, query = "DELETE FROM BrowserSession s WHERE s.tokenHash = :hash")
@NamedQuery(name = BrowserSession.DELETE_IDLE, query = "DELETE FROM BrowserSession s WHERE s.lastSeenAt < :before")
public class BrowserSession {

    public static final String FIND_BY_HASH = "BrowserSession.findByHash";
    public static final String TOUCH = "BrowserSession.touch";
    public static final String DELETE_BY_HASH = "BrowserSession.deleteByHash";
    public static final String DELETE_IDLE = "BrowserSession.deleteIdle";

    @Id
    private String id;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private StaffUser user;

    @Column(name = "csrf_token", nullable = false, length = 64)
    private String csrfToken;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    protected BrowserSession() {
    }

    public BrowserSession(String tokenHash, StaffUser user, String csrfToken, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.tokenHash = tokenHash;
        this.user = user;
        this.csrfToken = csrfToken;
        this.startedAt = now;
        this.lastSeenAt = now;
    }

    public String id() {
        return id;
    }

    public StaffUser user() {
        return user;
    }

    public String csrfToken() {
        return csrfToken;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    /** Used within the idle timeout, by an enabled user whose password has not changed since it started. */
    public boolean validAt(Instant now, Duration idleTimeout) {
        return now.isBefore(lastSeenAt.plus(idleTimeout)) && user.enabled() && user.credentialsUnchangedSince(startedAt);
    }
}
