package app.rounds.contributions.control;

import app.rounds.board.control.VotesCounted;
import app.rounds.contributions.entity.Question;
import app.rounds.contributions.entity.QuestionStatus;
import app.rounds.contributions.entity.ScreeningRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VoteTallyTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    static Question approved() {
        return new Question("s1", "p1", "Ana", "Why?", ScreeningRecord.clean(), false, NOW);
    }

    @Test
    void theCountIsTheNumberOfVoteRowsAndZeroWithoutAny() {
        Question voted = approved();
        Question unvoted = approved();
        VotesCounted counted = VoteTally.counted("s1", List.of(voted, unvoted), Map.of(voted.id(), 3));
        assertEquals("s1", counted.sessionId());
        assertEquals(Map.of(voted.id(), 3, unvoted.id(), 0), counted.all());
    }

    @Test
    void moderatorsGetEveryCountThePublicOnlyThoseOfQuestionsOnItsBoard() {
        Question shown = approved();
        Question hidden = approved();
        hidden.moveTo(QuestionStatus.HIDDEN, NOW);
        Question archived = approved();
        archived.archive(true, NOW);
        VotesCounted counted = VoteTally.counted("s1", List.of(shown, hidden, archived),
                Map.of(shown.id(), 2, hidden.id(), 5, archived.id(), 1));
        assertEquals(Map.of(shown.id(), 2, hidden.id(), 5, archived.id(), 1), counted.all());
        assertEquals(Map.of(shown.id(), 2), counted.visible());
    }
}
