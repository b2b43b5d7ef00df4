package app.rounds.contributions.control;

import app.rounds.board.entity.Frames;
import app.rounds.contributions.entity.Question;
import app.rounds.contributions.entity.QuestionStatus;
import app.rounds.contributions.entity.ScreeningRecord;
import app.rounds.platform.control.ProblemException;
import app.rounds.sessions.control.Participants.Joined;
import app.rounds.sessions.entity.JoinCode;
import app.rounds.sessions.entity.Participant;
import app.rounds.sessions.entity.SessionDetails;
import app.rounds.sessions.entity.SessionStatus;
import app.rounds.sessions.entity.TrainingSession;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuestionsTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    static Question question(String sessionId, boolean preModeration, Instant at) {
        return new Question(sessionId, "p1", "Ana", "Where are the gloves?", ScreeningRecord.clean(), preModeration,
                at);
    }

    static Joined trainee(SessionStatus... path) {
        TrainingSession session = new TrainingSession(new SessionDetails("CPR refresher", "Skills lab", "", null, null,
                null, null, null), JoinCode.random(), "owner", NOW);
        for (SessionStatus next : path) {
            session.moveTo(next, NOW);
        }
        return new Joined("token", new Participant(session.id(), "hash", "Ana", false, NOW), session);
    }

    // moderation

    @Test
    void moderatingAQuestionToTheStatusItHasChangesNothingAndIsNotRefused() {
        for (QuestionStatus status : QuestionStatus.values()) {
            assertFalse(Questions.moderationChanges(status, status), status.name());
        }
    }

    @Test
    void anAllowedModerationChangesTheQuestion() {
        assertTrue(Questions.moderationChanges(QuestionStatus.PENDING, QuestionStatus.APPROVED));
        assertTrue(Questions.moderationChanges(QuestionStatus.APPROVED, QuestionStatus.HIDDEN));
        assertTrue(Questions.moderationChanges(QuestionStatus.REJECTED, QuestionStatus.PENDING));
    }

    @Test
    void aModerationTheStateMachineForbidsIsAConflictNamingBothStatuses() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> Questions.moderationChanges(QuestionStatus.PENDING, QuestionStatus.HIDDEN));
        assertEquals(ProblemException.Kind.CONFLICT, refused.kind());
        assertEquals("moderation-not-allowed", refused.type());
        assertEquals("A pending question cannot become hidden.", refused.getMessage());
    }

    @Test
    void aWithdrawnQuestionCannotBeModeratedAtAll() {
        for (QuestionStatus next : List.of(QuestionStatus.PENDING, QuestionStatus.APPROVED, QuestionStatus.REJECTED,
                QuestionStatus.HIDDEN)) {
            assertThrows(ProblemException.class, () -> Questions.moderationChanges(QuestionStatus.WITHDRAWN, next));
        }
    }

    // what the public board hears

    @Test
    void aQuestionComingOntoThePublicBoardIsCreatedThere() {
        assertEquals(Frames.CONTRIBUTION_CREATED, Questions.publicFrame(false, true));
    }

    @Test
    void aQuestionStayingOnThePublicBoardIsUpdatedThere() {
        assertEquals(Frames.CONTRIBUTION_UPDATED, Questions.publicFrame(true, true));
    }

    @Test
    void aQuestionLeavingThePublicBoardIsRemovedFromIt() {
        assertEquals(Frames.CONTRIBUTION_REMOVED, Questions.publicFrame(true, false));
    }

    @Test
    void thePublicBoardHearsNothingOfAQuestionThatWasNotAndIsNotOnIt() {
        assertNull(Questions.publicFrame(false, false));
    }

    // votes

    @Test
    void onlyAQuestionOnThisSessionsPublicBoardCanBeVotedOn() {
        assertTrue(Questions.votableIn("s1", question("s1", false, NOW)));
        assertFalse(Questions.votableIn("s1", null), "no such question");
        assertFalse(Questions.votableIn("s2", question("s1", false, NOW)), "another session's");
        assertFalse(Questions.votableIn("s1", question("s1", true, NOW)), "pending");
        Question hidden = question("s1", false, NOW);
        hidden.moveTo(QuestionStatus.HIDDEN, NOW);
        assertFalse(Questions.votableIn("s1", hidden), "hidden");
        Question archived = question("s1", false, NOW);
        archived.archive(true, NOW);
        assertFalse(Questions.votableIn("s1", archived), "archived");
    }

    // an ended session

    @Test
    void nothingCanBeAskedVotedOrRatedInAnEndedSession() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> Questions.ensureOpen(trainee(SessionStatus.LIVE, SessionStatus.ENDED)));
        assertEquals(ProblemException.Kind.CONFLICT, refused.kind());
        assertEquals("session-ended", refused.type());
    }

    @Test
    void aScheduledOrLiveSessionTakesContributions() {
        assertDoesNotThrow(() -> Questions.ensureOpen(trainee()));
        assertDoesNotThrow(() -> Questions.ensureOpen(trainee(SessionStatus.LIVE)));
    }

    // ingested text

    @Test
    void aTextWithinTheLimitIsKeptStripped() {
        assertEquals("Why?", Questions.shortened("  Why?\n", 10));
        assertEquals("0123456789", Questions.shortened("0123456789", 10));
    }

    @Test
    void aTextBeyondTheLimitIsCutToTheLimitEndingWithAnEllipsis() {
        String shortened = Questions.shortened("0123456789ABC", 10);
        assertEquals("012345678…", shortened);
        assertEquals(10, shortened.length());
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String emoji = "😀"; // two chars
        String shortened = Questions.shortened("01234567" + emoji + "tail", 10);
        assertEquals("01234567…", shortened);
        assertFalse(Character.isHighSurrogate(shortened.charAt(shortened.length() - 2)));
    }

    @Test
    void aCutDropsTheSpacesBeforeTheEllipsis() {
        assertEquals("0123…", Questions.shortened("0123      rest of it", 10));
    }

    // moderators' order

    @Test
    void moderatorsSeeTheNewestFirstUnlessTheyAskForVotes() {
        assertEquals(Questions.Order.NEWEST, Questions.Order.parse(null));
        assertEquals(Questions.Order.NEWEST, Questions.Order.parse(" "));
        assertEquals(Questions.Order.VOTES, Questions.Order.parse(" Votes "));
        ProblemException refused = assertThrows(ProblemException.class, () -> Questions.Order.parse("oldest"));
        assertEquals(ProblemException.Kind.INVALID, refused.kind());
    }

    @Test
    void newestOrderPutsTheLatestQuestionFirst() {
        Question older = question("s1", false, NOW);
        Question newer = question("s1", false, NOW.plusSeconds(5));
        List<Question> questions = new ArrayList<>(List.of(older, newer));
        questions.sort(Questions.Order.NEWEST.comparator());
        assertEquals(List.of(newer, older), questions);
    }

    @Test
    void amongEqualVotesTheVotesOrderPutsTheLatestQuestionFirst() {
        Question older = question("s1", false, NOW);
        Question newer = question("s1", false, NOW.plusSeconds(5));
        List<Question> questions = new ArrayList<>(List.of(older, newer));
        questions.sort(Questions.Order.VOTES.comparator());
        assertEquals(List.of(newer, older), questions);
    }
}
