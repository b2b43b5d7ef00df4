package app.rounds.contributions.entity;

/**
 * Where a question stands in moderation; only APPROVED questions reach the public board. WITHDRAWN is a post whose
 * original was deleted: final, set only by ingestion, never shown or published again.
 */
public enum QuestionStatus {
    PENDING, APPROVED, REJECTED, HIDDEN, WITHDRAWN;

    /** Moderation: PENDING → APPROVED | REJECTED; APPROVED ⇄ HIDDEN; REJECTED → PENDING undoes a reject. */
    public boolean canBecome(QuestionStatus next) {
        return switch (this) {
            case PENDING -> next == APPROVED || next == REJECTED;
            case APPROVED -> next == HIDDEN;
            case HIDDEN -> next == APPROVED;
            case REJECTED -> next == PENDING;
            case WITHDRAWN -> false;
        };
    }
}
