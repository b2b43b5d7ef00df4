package app.rounds.highlights.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * What the public sees of a highlight: the approved rendition as published, kept apart from the working copy so an
 * edit waits for review while the approved version stays up. Gone (unpublished or taken down) answers 410.
 */
@Entity
@Table(name = "highlight_publication")
@NamedQuery(name = Publication.FIND_LIVE, query = "SELECT p FROM Publication p WHERE p.state = 'LIVE' "
        + "ORDER BY p.publishedAt DESC")
@NamedQuery(name = Publication.FIND_SHOWING, query = "SELECT p FROM Publication p WHERE p.state = 'LIVE' "
        + "AND p.highlightId IN (SELECT s.highlightId FROM PublicationPart s WHERE s.refId = :ref)")
public class Publication {

    public static final String FIND_LIVE = "Publication.findLive";
    public static final String FIND_SHOWING = "Publication.findShowing";
    public static final String LIVE = "LIVE";
    public static final String GONE = "GONE";

    @Id
    @Column(name = "highlight_id", length = 36)
    private String highlightId;

    @Column(name = "session_id", nullable = false, length = 36)
    private String sessionId;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(length = 500)
    private String summary;

    @Column(nullable = false)
    private String html;

    @Column(name = "image_media_id", length = 36)
    private String imageMediaId;

    @Column(name = "image_alt", length = 1000)
    private String imageAlt;

    @Column(name = "rendition_hash", nullable = false, length = 64)
    private String renditionHash;

    @Column(nullable = false, length = 8)
    private String state;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "gone_reason", length = 200)
    private String goneReason;

    protected Publication() {
    }

    public Publication(String highlightId, String sessionId, Instant now) {
        this.highlightId = highlightId;
        this.sessionId = sessionId;
        this.publishedAt = now;
        this.state = LIVE;
    }

    /** Shows this rendition from now on; the first publication date stays. */
    public void show(String title, String summary, String html, String imageMediaId, String imageAlt,
                     String renditionHash, Instant now) {
        if (GONE.equals(state)) {
            publishedAt = now;
        }
        this.title = title;
        this.summary = summary;
        this.html = html;
        this.imageMediaId = imageMediaId;
        this.imageAlt = imageAlt;
        this.renditionHash = renditionHash;
        this.state = LIVE;
        this.goneReason = null;
        this.updatedAt = now;
    }

    public void takeDown(String reason, Instant now) {
        this.state = GONE;
        this.goneReason = reason;
        this.updatedAt = now;
    }

    public boolean live() {
        return LIVE.equals(state);
    }

    public String highlightId() {
        return highlightId;
    }

    public String sessionId() {
        return sessionId;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public String html() {
        return html;
    }

    public String imageMediaId() {
        return imageMediaId;
    }

    public String imageAlt() {
        return imageAlt;
    }

    public String renditionHash() {
        return renditionHash;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String goneReason() {
        return goneReason;
    }
}
