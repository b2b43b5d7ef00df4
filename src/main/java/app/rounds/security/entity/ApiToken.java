package app.rounds.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A bearer token issued to a script or integration; only its SHA-256 hash is stored. */
@Entity
@Table(name = "api_token")
@NamedQuery(name = ApiToken.FIND_BY_HASH, query = "SELECT t FROM ApiToken t WHERE t.tokenHash = :hash")
public class ApiToken {

    public static final String FIND_BY_HASH = "ApiToken.findByHash";

    @Id
    private String id;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private StaffUser user;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(nullable = false)
    private boolean revoked;

    protected ApiToken() {
    }

    public ApiToken(String tokenHash, StaffUser user, Instant createdAt, Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.tokenHash = tokenHash;
        this.user = user;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public StaffUser user() {
        return user;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean validAt(Instant now) {
        return !revoked && now.isBefore(expiresAt) && user.enabled() && user.credentialsUnchangedSince(createdAt);
    }

    public void revoke() {
        this.revoked = true;
    }
}
