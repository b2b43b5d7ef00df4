package app.rounds.media.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/** A photo or video of a session, with its stored file, thumbnails and what staff record about it. */
@Entity
@Table(name = "media_item")
@NamedQuery(name = MediaItem.FIND_BY_SESSION,
        query = "SELECT m FROM MediaItem m WHERE m.sessionId = :session ORDER BY m.createdAt DESC")
@NamedQuery(name = MediaItem.FIND_BY_BLOB,
        query = "SELECT m FROM MediaItem m WHERE m.sessionId = :session AND m.blobSha256 = :blob")
@NamedQuery(name = MediaItem.COUNT_USING, query = "SELECT COUNT(m) FROM MediaItem m WHERE m.blobSha256 = :sha "
        + "OR m.smallSha256 = :sha OR m.largeSha256 = :sha")
public class MediaItem {

    public static final String FIND_BY_SESSION = "MediaItem.findBySession";
    public static final String FIND_BY_BLOB = "MediaItem.findByBlob";
    public static final String COUNT_USING = "MediaItem.countUsing";

    @Id
    private String id;

    @Column(name = "session_id", nullable = false, length = 36)
    private String sessionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private MediaKind kind;

    @Column(name = "blob_sha256", nullable = false, length = 64)
    private String blobSha256;

    @Column(name = "small_sha256", length = 64)
    private String smallSha256;

    @Column(name = "large_sha256", length = 64)
    private String largeSha256;

    @Column(name = "file_name", length = 255)
    private String fileName;

    private Integer width;

    private Integer height;

    @Column(name = "duration_millis")
    private Long durationMillis;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MetadataHandling metadata;

    @Column(name = "metadata_note", length = 500)
    private String metadataNote;

    @Column(length = 1000)
    private String caption;

    @Column(name = "alt_text", length = 1000)
    private String altText;

    @Column(length = 200)
    private String photographer;

    @Column(name = "taken_at")
    private Instant takenAt;

    @Column(length = 1000)
    private String tags;

    @Column(name = "no_identifiable_people", nullable = false)
    private boolean noIdentifiablePeople;

    @Column(name = "uploaded_by", length = 36)
    private String uploadedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected MediaItem() {
    }

    public MediaItem(String sessionId, MediaKind kind, String blobSha256, String smallSha256, String largeSha256,
                     String fileName, Integer width, Integer height, Long durationMillis, MetadataHandling metadata,
                     String metadataNote, String uploadedBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.sessionId = sessionId;
        this.kind = kind;
        this.blobSha256 = blobSha256;
        this.smallSha256 = smallSha256;
        this.largeSha256 = largeSha256;
        this.fileName = fileName;
        this.width = width;
        this.height = height;
        this.durationMillis = durationMillis;
        this.metadata = metadata;
        this.metadataNote = metadataNote;
        this.uploadedBy = uploadedBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void describe(String caption, String altText, String photographer, Instant takenAt, String tags,
                         Instant now) {
        this.caption = caption;
        this.altText = altText;
        this.photographer = photographer;
        this.takenAt = takenAt;
        this.tags = tags;
        this.updatedAt = now;
    }

    public void peopleDecided(boolean noIdentifiablePeople, Instant now) {
        this.noIdentifiablePeople = noIdentifiablePeople;
        this.updatedAt = now;
    }

    public boolean noIdentifiablePeople() {
        return noIdentifiablePeople;
    }

    public String id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public MediaKind kind() {
        return kind;
    }

    public String blobSha256() {
        return blobSha256;
    }

    /** The stored files it uses: the photo or video and its thumbnails. */
    public List<String> files() {
        return Stream.of(blobSha256, smallSha256, largeSha256).filter(Objects::nonNull).toList();
    }

    public String smallSha256() {
        return smallSha256;
    }

    public String largeSha256() {
        return largeSha256;
    }

    public String fileName() {
        return fileName;
    }

    public Integer width() {
        return width;
    }

    public Integer height() {
        return height;
    }

    public Long durationMillis() {
        return durationMillis;
    }

    public MetadataHandling metadata() {
        return metadata;
    }

    public String metadataNote() {
        return metadataNote;
    }

    public String caption() {
        return caption;
    }

    public String altText() {
        return altText;
    }

    public String photographer() {
        return photographer;
    }

    public Instant takenAt() {
        return takenAt;
    }

    public String tags() {
        return tags;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
