package app.rounds.highlights.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A reviewer's decision on one submission, and how long the submission waited for it. */
@Entity
@Table(name = "highlight_review")
@NamedQuery(name = HighlightReview.FIND_BY_HIGHLIGHT,
        query = "SELECT r FROM HighlightReview r WHERE r.highlightId = :highlight ORDER BY r.decidedAt")
@NamedQuery(name = HighlightReview.FIND_SINCE,
        query = "SELECT r FROM HighlightReview r WHERE r.decidedAt >= :since ORDER BY r.decidedAt")
public class HighlightReview {

    public static final String FIND_BY_HIGHLIGHT = "HighlightReview.findByHighlight";
    public static final String FIND_SINCE = "HighlightReview.findSince";

    @Id
    private String id;

    @Column(name = "highlight_id", nullable = false, length = 36)
    private String highlightId;

    @Column(name = "reviewer_id", nullable = false, length = 36)
    private String reviewerId;

    @Column(name = "reviewer_name", nullable = false, length = 120)
    private String reviewerName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ReviewDecision decision;

    @Column(length = 2000)
    private String comment;

    @Column(name = "rendition_hash", nullable = false, length = 64)
    private String renditionHash;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected HighlightReview() {
    }

    public HighlightReview(String highlightId, String reviewerId, String reviewerName, ReviewDecision decision,
                           String comment, String renditionHash, Instant submittedAt, Instant decidedAt) {
        this.id = UUID.randomUUID().toString();
        this.highlightId = highlightId;
        this.reviewerId = reviewerId;
        this.reviewerName = reviewerName;
        this.decision = decision;
        this.comment = comment;
        this.renditionHash = renditionHash;
        this.submittedAt = submittedAt;
        this.decidedAt = decidedAt;
    }

    public Duration waited() {
        return Duration.between(submittedAt, decidedAt);
    }

    public String highlightId() {
        return highlightId;
    }

    public String reviewerId() {
        return reviewerId;
    }

    public String reviewerName() {
        return reviewerName;
    }

    public ReviewDecision decision() {
        return decision;
    }

    public String comment() {
        return comment;
    }

    public String renditionHash() {
        return renditionHash;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
