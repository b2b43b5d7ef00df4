package app.rounds.media.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A stored file, named by the SHA-256 of its bytes; {@code originalSha256} is the upload it was made from. */
@Entity
@Table(name = "media_blob")
public class MediaBlob {

    @Id
    @Column(length = 64)
    private String sha256;

    @Column(name = "original_sha256", nullable = false, length = 64)
    private String originalSha256;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected MediaBlob() {
    }

    public MediaBlob(String sha256, String originalSha256, String contentType, long sizeBytes, Instant now) {
        this.sha256 = sha256;
        this.originalSha256 = originalSha256;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.createdAt = now;
    }

    public String sha256() {
        return sha256;
    }

    public String contentType() {
        return contentType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }
}
