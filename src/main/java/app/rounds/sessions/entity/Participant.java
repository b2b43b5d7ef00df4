package app.rounds.sessions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A trainee in one session, known by a pseudonym and the hash of the token their phone keeps. */
@Entity
@Table(name = "participant")
@NamedQuery(name = Participant.FIND_BY_TOKEN_HASH, query = "SELECT p FROM Participant p WHERE p.tokenHash = :hash")
@NamedQuery(name = Participant.COUNT_IN_SESSION, query = "SELECT COUNT(p) FROM Participant p WHERE p.sessionId = :session")
public class Participant {

    public static final String FIND_BY_TOKEN_HASH = "Participant.findByTokenHash";
    public static final String COUNT_IN_SESSION = "Participant.countInSession";
    public static final int MAX_NAME_LENGTH = 60;

    @Id
    private String id;

    @Column(name = "session_id", nullable = false, length = 36)
    private String sessionId;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "display_name", length = MAX_NAME_LENGTH)
    private String displayName;

    /** They agreed that published highlights may quote them under their display name. */
    @Column(name = "quote_by_name", nullable = false)
    private boolean quoteByName;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    protected Participant() {
    }

    public Participant(String sessionId, String tokenHash, String displayName, boolean quoteByName,
                       Instant joinedAt) {
        this.id = UUID.randomUUID().toString();
        this.sessionId = sessionId;
        this.tokenHash = tokenHash;
        this.displayName = named(displayName);
        quoteByName(quoteByName);
        this.joinedAt = joinedAt;
    }

    public String id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public String displayName() {
        return displayName;
    }

    /** The name a published highlight may show with their words: only one they chose and agreed to. */
    public Optional<String> quotableName() {
        return quoteByName ? Optional.ofNullable(displayName) : Optional.empty();
    }

    public boolean quoteByName() {
        return quoteByName;
    }

    /** Only a participant with a display name can be quoted by it: agreeing without one is refused, never dropped. */
    public void quoteByName(boolean agreed) {
        if (agreed && displayName == null) {
            throw new IllegalStateException("A participant without a display name cannot be quoted by name");
        }
        this.quoteByName = agreed;
    }

    /** The display name as kept: stripped, and none when blank. */
    public static String named(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    public Instant joinedAt() {
        return joinedAt;
    }
}
