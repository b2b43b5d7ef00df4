package app.rounds.contributions.entity;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static app.rounds.contributions.entity.QuestionStatus.APPROVED;
import static app.rounds.contributions.entity.QuestionStatus.HIDDEN;
import static app.rounds.contributions.entity.QuestionStatus.PENDING;
import static app.rounds.contributions.entity.QuestionStatus.REJECTED;
import static app.rounds.contributions.entity.QuestionStatus.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Moderation: PENDING → APPROVED | REJECTED; APPROVED ⇄ HIDDEN; REJECTED → PENDING; WITHDRAWN is final. */
class QuestionStatusTest {

    private static Set<QuestionStatus> reachableFrom(QuestionStatus from) {
        Set<QuestionStatus> reachable = EnumSet.noneOf(QuestionStatus.class);
        for (QuestionStatus next : QuestionStatus.values()) {
            if (from.canBecome(next)) {
                reachable.add(next);
            }
        }
        return reachable;
    }

    @Test
    void aPendingQuestionCanOnlyBeApprovedOrRejected() {
        assertEquals(EnumSet.of(APPROVED, REJECTED), reachableFrom(PENDING));
    }

    @Test
    void anApprovedQuestionCanOnlyBeHidden() {
        assertEquals(EnumSet.of(HIDDEN), reachableFrom(APPROVED));
    }

    @Test
    void aHiddenQuestionCanOnlyBeShownAgain() {
        assertEquals(EnumSet.of(APPROVED), reachableFrom(HIDDEN));
    }

    @Test
    void aRejectedQuestionCanOnlyGoBackToPendingToUndoTheReject() {
        assertEquals(EnumSet.of(PENDING), reachableFrom(REJECTED));
    }

    @Test
    void aWithdrawnQuestionCanBecomeNothingByModeration() {
        assertEquals(EnumSet.noneOf(QuestionStatus.class), reachableFrom(WITHDRAWN));
    }

    @Test
    void itsAuthorCanWithdrawAQuestionFromEveryStateButWithdrawn() {
        for (QuestionStatus from : QuestionStatus.values()) {
            assertEquals(from != WITHDRAWN, from.withdrawableByAuthor(), from.name());
        }
    }

    @Test
    void moderationCanNeverWithdrawAQuestionOnlyIngestionCan() {
        for (QuestionStatus from : QuestionStatus.values()) {
            assertEquals(false, from.canBecome(WITHDRAWN), from + " → WITHDRAWN");
        }
    }

    @Test
    void noStatusCanBecomeItself() {
        for (QuestionStatus status : QuestionStatus.values()) {
            assertEquals(false, status.canBecome(status), status.name());
        }
    }
}
