package app.rounds.highlights.entity;

/**
 * Where a highlight is on its way to the public. DRAFT (or REJECTED, or UNPUBLISHED) is edited and submitted;
 * IN_REVIEW waits for a reviewer; APPROVED may be published; PUBLISHED is live. Editing a highlight in review,
 * approved or published returns it to review.
 */
public enum HighlightStatus {
    DRAFT, IN_REVIEW, APPROVED, REJECTED, PUBLISHED, UNPUBLISHED;

    /** May be submitted for review. */
    public boolean submittable() {
        return this == DRAFT || this == REJECTED || this == UNPUBLISHED;
    }

    /** An edit now undoes a submission or an approval. */
    public boolean underReview() {
        return this == IN_REVIEW || this == APPROVED || this == PUBLISHED;
    }
}
