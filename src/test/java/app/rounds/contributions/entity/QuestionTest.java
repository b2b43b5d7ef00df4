package app.rounds.contributions.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuestionTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final Instant LATER = NOW.plusSeconds(30);

    static ScreeningRecord held() {
        return new ScreeningRecord("[{\"start\":0,\"end\":3,\"reason\":\"PERSON_NAME\"}]", null);
    }

    static Question asked(boolean preModeration) {
        return new Question("s1", "p1", "Ana", "Where are the gloves?", ScreeningRecord.clean(), preModeration, NOW);
    }

    static Question approved() {
        return asked(false);
    }

    static Question ingested() {
        return Question.ingested("s1", new Provenance(Origin.MASTODON, "@ana@mastodon.example",
                "https://mastodon.example/@ana/1"), "Why? #rounds", ScreeningRecord.clean(), NOW);
    }

    @Test
    void aCleanQuestionInAPostModeratedSessionIsApprovedAtOnceAndShown() {
        Question question = asked(false);
        assertEquals(QuestionStatus.APPROVED, question.status());
        assertTrue(question.visible());
    }

    @Test
    void aQuestionInAPreModeratedSessionWaitsForModeration() {
        Question question = asked(true);
        assertEquals(QuestionStatus.PENDING, question.status());
        assertFalse(question.visible());
    }

    @Test
    void aQuestionScreeningHoldsWaitsForModerationEvenWhenTheSessionPostModerates() {
        Question question = new Question("s1", "p1", "Ana", "Ana in bed 4?", held(), false, NOW);
        assertEquals(QuestionStatus.PENDING, question.status());
        assertFalse(question.visible());
    }

    @Test
    void aQuestionWithOnlyScreeningNotesIsNotHeld() {
        Question question = new Question("s1", "p1", "Ana", "the patient in the simulation?",
                new ScreeningRecord(null, "[]"), false, NOW);
        assertEquals(QuestionStatus.APPROVED, question.status());
    }

    @Test
    void aNewQuestionIsNeitherAnsweredPinnedNorArchivedAndHasNoVotes() {
        Question question = approved();
        assertFalse(question.answered());
        assertFalse(question.pinned());
        assertFalse(question.archived());
        assertEquals(0, question.votes());
        assertEquals(NOW, question.createdAt());
        assertEquals(NOW, question.updatedAt());
    }

    @Test
    void aQuestionAskedOnTheWebPageHasWebProvenance() {
        Provenance provenance = approved().provenance();
        assertEquals(Origin.WEB, provenance.origin());
        assertNull(provenance.authorHandle());
        assertNull(provenance.originalUrl());
    }

    @Test
    void anIngestedPostAlwaysWaitsForModerationWithItsProvenanceAndNoParticipant() {
        Question question = ingested();
        assertEquals(QuestionStatus.PENDING, question.status());
        assertEquals(Origin.MASTODON, question.provenance().origin());
        assertEquals("@ana@mastodon.example", question.provenance().authorHandle());
        assertEquals("https://mastodon.example/@ana/1", question.provenance().originalUrl());
        assertNull(question.participantId());
        assertNull(question.authorName());
    }

    @Test
    void anAllowedModerationMovesTheQuestionAndRecordsWhen() {
        Question question = asked(true);
        question.moveTo(QuestionStatus.APPROVED, LATER);
        assertEquals(QuestionStatus.APPROVED, question.status());
        assertEquals(LATER, question.updatedAt());
        assertTrue(question.visible());
    }

    @Test
    void aRefusedModerationThrowsAndLeavesTheQuestionAsItWas() {
        Question question = asked(true);
        assertThrows(IllegalStateException.class, () -> question.moveTo(QuestionStatus.HIDDEN, LATER));
        assertEquals(QuestionStatus.PENDING, question.status());
        assertEquals(NOW, question.updatedAt());
    }

    @Test
    void hidingAnApprovedQuestionTakesItOffTheBoardAndShowingItAgainPutsItBack() {
        Question question = approved();
        question.moveTo(QuestionStatus.HIDDEN, LATER);
        assertFalse(question.visible());
        question.moveTo(QuestionStatus.APPROVED, LATER.plusSeconds(1));
        assertTrue(question.visible());
    }

    @Test
    void aRejectCanBeUndoneBackToPendingAndThenApproved() {
        Question question = asked(true);
        question.moveTo(QuestionStatus.REJECTED, LATER);
        assertFalse(question.visible());
        assertThrows(IllegalStateException.class, () -> question.moveTo(QuestionStatus.APPROVED, LATER));
        question.moveTo(QuestionStatus.PENDING, LATER);
        question.moveTo(QuestionStatus.APPROVED, LATER);
        assertTrue(question.visible());
    }

    @Test
    void anArchivedQuestionLeavesThePublicBoardWhateverItsStatus() {
        Question question = approved();
        question.archive(true, LATER);
        assertFalse(question.visible());
        assertEquals(QuestionStatus.APPROVED, question.status());
        question.archive(false, LATER);
        assertTrue(question.visible());
    }

    @Test
    void answeredAndPinnedAreFlagsThatCanBeSetAndUnsetWithoutChangingTheStatus() {
        Question question = approved();
        question.markAnswered(true, LATER);
        question.pin(true, LATER);
        assertTrue(question.answered());
        assertTrue(question.pinned());
        assertEquals(LATER, question.updatedAt());
        question.markAnswered(false, LATER);
        question.pin(false, LATER);
        assertFalse(question.answered());
        assertFalse(question.pinned());
        assertEquals(QuestionStatus.APPROVED, question.status());
        assertTrue(question.visible());
    }

    @Test
    void aWithdrawnQuestionIsUnpinnedHiddenAndCannotBeModeratedBackToTheBoard() {
        Question question = approved();
        question.pin(true, NOW);
        question.withdraw(LATER);
        assertEquals(QuestionStatus.WITHDRAWN, question.status());
        assertFalse(question.pinned());
        assertFalse(question.visible());
        assertEquals(LATER, question.updatedAt());
        for (QuestionStatus next : QuestionStatus.values()) {
            assertThrows(IllegalStateException.class, () -> question.moveTo(next, LATER), next.name());
        }
    }

    @Test
    void anEditedOriginalIsScreenedAgainAndGoesBackToModeration() {
        Question question = approved();
        question.revise("Where are the sterile gloves?", held(), LATER);
        assertEquals("Where are the sterile gloves?", question.text());
        assertEquals(QuestionStatus.PENDING, question.status());
        assertTrue(question.screening().held());
        assertEquals(LATER, question.updatedAt());
        assertFalse(question.visible());
    }

    @Test
    void aWithdrawnQuestionCannotBeRevised() {
        Question question = ingested();
        question.withdraw(LATER);
        assertThrows(IllegalStateException.class, () -> question.revise("new text", ScreeningRecord.clean(), LATER));
        assertEquals(QuestionStatus.WITHDRAWN, question.status());
        assertEquals("Why? #rounds", question.text());
    }

    // archiving and unarchiving

    @Test
    void unarchivingAnApprovedPinnedAnsweredQuestionPutsItBackOnTheBoardAsItWas() {
        Question question = approved();
        question.pin(true, NOW);
        question.markAnswered(true, NOW);
        assertTrue(question.archive(true, LATER));
        assertFalse(question.visible(), "archived: off the public board");
        assertTrue(question.archive(false, LATER.plusSeconds(1)));
        assertTrue(question.visible(), "back on the public board");
        assertEquals(QuestionStatus.APPROVED, question.status());
        assertTrue(question.pinned(), "still pinned");
        assertTrue(question.answered(), "still answered");
        assertEquals(LATER.plusSeconds(1), question.updatedAt());
    }

    @Test
    void unarchivingAPendingQuestionPutsItBackInTheQueueNotOnTheBoard() {
        Question question = asked(true);
        question.archive(true, LATER);
        question.archive(false, LATER);
        assertEquals(QuestionStatus.PENDING, question.status());
        assertFalse(question.visible());
        assertFalse(question.archived());
    }

    @Test
    void unarchivingAHiddenOrRejectedQuestionKeepsItOffTheBoard() {
        Question hidden = approved();
        hidden.moveTo(QuestionStatus.HIDDEN, NOW);
        hidden.archive(true, LATER);
        hidden.archive(false, LATER);
        assertEquals(QuestionStatus.HIDDEN, hidden.status());
        assertFalse(hidden.visible());
        Question rejected = asked(true);
        rejected.moveTo(QuestionStatus.REJECTED, NOW);
        rejected.archive(true, LATER);
        rejected.archive(false, LATER);
        assertEquals(QuestionStatus.REJECTED, rejected.status());
        assertFalse(rejected.visible());
    }

    @Test
    void flagsAlreadyAsAskedChangeNothing() {
        Question question = approved();
        assertFalse(question.archive(false, LATER), "unarchiving a question that is not archived");
        assertFalse(question.pin(false, LATER));
        assertFalse(question.markAnswered(false, LATER));
        assertEquals(NOW, question.updatedAt());
        question.archive(true, LATER);
        assertFalse(question.archive(true, LATER.plusSeconds(5)), "archiving it twice");
        assertEquals(LATER, question.updatedAt());
    }

    @Test
    void itsAuthorCanWithdrawAQuestionWhetherItWaitsIsShownHiddenOrRejected() {
        Question pending = asked(true);
        Question shown = approved();
        Question hidden = approved();
        hidden.moveTo(QuestionStatus.HIDDEN, NOW);
        Question rejected = asked(true);
        rejected.moveTo(QuestionStatus.REJECTED, NOW);
        for (Question question : new Question[] {pending, shown, hidden, rejected}) {
            question.withdrawByAuthor("p1", LATER);
            assertEquals(QuestionStatus.WITHDRAWN, question.status());
            assertFalse(question.visible());
            assertEquals(LATER, question.updatedAt());
        }
    }

    @Test
    void onlyItsAuthorCanWithdrawAQuestion() {
        Question question = approved();
        assertThrows(IllegalArgumentException.class, () -> question.withdrawByAuthor("p2", LATER));
        assertThrows(IllegalArgumentException.class, () -> question.withdrawByAuthor(null, LATER));
        assertEquals(QuestionStatus.APPROVED, question.status());
        assertTrue(question.visible());
        assertEquals(NOW, question.updatedAt());
    }

    @Test
    void noParticipantCanWithdrawAnIngestedPost() {
        Question question = ingested();
        assertFalse(question.askedBy(null));
        assertThrows(IllegalArgumentException.class, () -> question.withdrawByAuthor(null, LATER));
        assertEquals(QuestionStatus.PENDING, question.status());
    }

    @Test
    void aQuestionItsAuthorWithdrewCannotBeWithdrawnAgainNorApprovedNorRevised() {
        Question question = asked(true);
        question.withdrawByAuthor("p1", NOW);
        assertThrows(IllegalStateException.class, () -> question.withdrawByAuthor("p1", LATER));
        assertThrows(IllegalStateException.class, () -> question.moveTo(QuestionStatus.APPROVED, LATER));
        assertThrows(IllegalStateException.class, () -> question.revise("again", ScreeningRecord.clean(), LATER));
        assertEquals(QuestionStatus.WITHDRAWN, question.status());
        assertEquals(NOW, question.updatedAt());
    }
}
