package app.rounds.contributions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** The first answer to a participant's POST with an Idempotency-Key, and a hash of what was asked. */
@Entity
@Table(name = "idempotent_request")
@IdClass(IdempotentRequest.Key.class)
public class IdempotentRequest {

    public record Key(String participantId, String idempotencyKey) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "participant_id", length = 36)
    private String participantId;

    @Id
    @Column(name = "idempotency_key", length = 100)
    private String idempotencyKey;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    @Column(nullable = false)
    private int status;

    @Column(nullable = false, length = 8000)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected IdempotentRequest() {
    }

    public IdempotentRequest(String participantId, String idempotencyKey, String requestHash, int status, String body,
                             Instant createdAt) {
        this.participantId = participantId;
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.status = status;
        this.body = body;
        this.createdAt = createdAt;
    }

    public boolean sameRequest(String hash) {
        return requestHash.equals(hash);
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
