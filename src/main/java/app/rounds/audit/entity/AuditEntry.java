package app.rounds.audit.entity;

import app.rounds.platform.control.Sha256;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

/** One decision on record: who did what to which subject, and the hash that ties it to the entry before. */
@Entity
@Table(name = "audit_entry")
@NamedQuery(name = AuditEntry.FIND_FROM, query = "SELECT e FROM AuditEntry e WHERE e.seq > :after ORDER BY e.seq")
@NamedQuery(name = AuditEntry.FIND_RANGE,
        query = "SELECT e FROM AuditEntry e WHERE e.seq > :after AND e.seq <= :upTo ORDER BY e.seq")
@NamedQuery(name = AuditEntry.FIND_LATEST, query = "SELECT e FROM AuditEntry e ORDER BY e.seq DESC")
@NamedQuery(name = AuditEntry.FIND_BY_SUBJECT, query = "SELECT e FROM AuditEntry e "
        + "WHERE e.subjectType = :type AND e.subjectId = :id ORDER BY e.seq")
public class AuditEntry {

    public static final String FIND_FROM = "AuditEntry.findFrom";
    public static final String FIND_LATEST = "AuditEntry.findLatest";
    public static final String FIND_RANGE = "AuditEntry.findRange";
    public static final String FIND_BY_SUBJECT = "AuditEntry.findBySubject";
    public static final String GENESIS = "0".repeat(64);

    @Id
    private long seq;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(nullable = false, length = 100)
    private String actor;

    @Column(nullable = false, length = 60)
    private String action;

    @Column(name = "subject_type", nullable = false, length = 30)
    private String subjectType;

    @Column(name = "subject_id", nullable = false, length = 64)
    private String subjectId;

    @Column(name = "session_id", length = 36)
    private String sessionId;

    @Column
    private String detail;

    @Column(name = "prev_hash", nullable = false, length = 64)
    private String prevHash;

    @Column(nullable = false, length = 64)
    private String hash;

    protected AuditEntry() {
    }

    /** The entry after one numbered {@code seq - 1} whose hash is {@code prevHash}; its own hash computed here. */
    public AuditEntry(long seq, Instant recordedAt, String actor, String action, String subjectType, String subjectId,
                      String sessionId, String detail, String prevHash) {
        this.seq = seq;
        this.recordedAt = recordedAt;
        this.actor = actor;
        this.action = action;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.sessionId = sessionId;
        this.detail = detail;
        this.prevHash = prevHash;
        this.hash = computedHash();
    }

    /**
     * SHA-256 over every field but the hash itself, each as its length and its UTF-8 bytes (null as length -1), so
     * that no two different entries encode alike.
     */
    public String computedHash() {
        MessageDigest digest = Sha256.digest();
        for (String field : new String[]{Long.toString(seq), recordedAt.toString(), actor, action, subjectType,
                subjectId, sessionId, detail, prevHash}) {
            if (field == null) {
                digest.update(intBytes(-1));
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                digest.update(intBytes(bytes.length));
                digest.update(bytes);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static byte[] intBytes(int value) {
        return new byte[]{(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    public long seq() {
        return seq;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String subjectType() {
        return subjectType;
    }

    public String subjectId() {
        return subjectId;
    }

    public String sessionId() {
        return sessionId;
    }

    public String detail() {
        return detail;
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }
}
