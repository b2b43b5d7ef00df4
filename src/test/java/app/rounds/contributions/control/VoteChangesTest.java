package app.rounds.contributions.control;

import app.rounds.contributions.control.VoteChanges.Ballot;
import app.rounds.contributions.control.VoteChanges.Result;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VoteChangesTest {

    private static final Ballot ANA_ON_Q1 = new Ballot("q1", "ana");
    private static final Ballot BEN_ON_Q1 = new Ballot("q1", "ben");
    private static final Ballot ANA_ON_Q2 = new Ballot("q2", "ana");

    @Test
    void eachAnswerCountsTheVotesOfTheBatchBeforeIt() {
        VoteChanges changes = new VoteChanges(Set.of(), Map.of("q1", 10));
        assertEquals(new Result(true, 11), changes.apply(ANA_ON_Q1, null));
        assertEquals(new Result(true, 12), changes.apply(BEN_ON_Q1, null));
        assertEquals(Set.of(ANA_ON_Q1, BEN_ON_Q1), changes.added());
        assertEquals(Set.of(), changes.removed());
        assertEquals(Set.of("q1"), changes.changedQuestions());
    }

    @Test
    void aToggleTakesBackAStoredVote() {
        VoteChanges changes = new VoteChanges(Set.of(ANA_ON_Q1), Map.of("q1", 1));
        assertEquals(new Result(false, 0), changes.apply(ANA_ON_Q1, null));
        assertEquals(Set.of(ANA_ON_Q1), changes.removed());
        assertEquals(Set.of(), changes.added());
    }

    @Test
    void aDoubleTapInOneBatchIsAnsweredTwiceAndLeavesTheRowAsItWas() {
        VoteChanges changes = new VoteChanges(Set.of(), Map.of());
        assertEquals(new Result(true, 1), changes.apply(ANA_ON_Q1, null));
        assertEquals(new Result(false, 0), changes.apply(ANA_ON_Q1, null));
        assertEquals(Set.of(), changes.added());
        assertEquals(Set.of(), changes.removed());
        assertEquals(Set.of(), changes.changedQuestions(), "nothing to count again");
    }

    @Test
    void settingAVoteTwiceKeepsItAndChangesTheCountOnce() {
        VoteChanges changes = new VoteChanges(Set.of(), Map.of("q1", 3));
        assertEquals(new Result(true, 4), changes.apply(ANA_ON_Q1, true));
        assertEquals(new Result(true, 4), changes.apply(ANA_ON_Q1, true), "a second tab saying the same");
        assertEquals(new Result(false, 3), changes.apply(ANA_ON_Q1, false));
        assertEquals(new Result(false, 3), changes.apply(ANA_ON_Q1, false), "taking back twice");
        assertEquals(Set.of(), changes.added());
    }

    @Test
    void takingBackAVoteNeverGivenChangesNothing() {
        VoteChanges changes = new VoteChanges(Set.of(), Map.of("q1", 0));
        assertEquals(new Result(false, 0), changes.apply(ANA_ON_Q1, false));
        assertEquals(Set.of(), changes.removed());
    }

    @Test
    void questionsAreCountedApart() {
        VoteChanges changes = new VoteChanges(Set.of(ANA_ON_Q2), Map.of("q1", 5, "q2", 7));
        assertEquals(new Result(true, 6), changes.apply(ANA_ON_Q1, null));
        assertEquals(new Result(false, 6), changes.apply(ANA_ON_Q2, null));
        assertEquals(Set.of(ANA_ON_Q1), changes.added());
        assertEquals(Set.of(ANA_ON_Q2), changes.removed());
        assertEquals(Set.of("q1", "q2"), changes.changedQuestions());
    }
}
