package app.rounds.contributions.entity;

/**
 * Where a question stands in moderation; only APPROVED questions reach the public board. WITHDRAWN is final, never
 * shown or published again: a post whose original was deleted (set by ingestion), or a question its author took back.
 * Moderation never withdraws.
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

    /** Its author may take a question back from every state but WITHDRAWN, where it is already. */
    public boolean withdrawableByAuthor() {
        return this != WITHDRAWN;
    }
}
