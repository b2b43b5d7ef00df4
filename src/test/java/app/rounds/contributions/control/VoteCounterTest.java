package app.rounds.contributions.control;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VoteCounterTest {

    @Test
    void aQuestionWithManyVotesInATickIsCountedOnce() {
        Map<String, String> dirty = new ConcurrentHashMap<>();
        for (int i = 0; i < 100; i++) {
            dirty.put("q1", "s1"); // as onVote does for each vote
        }
        assertEquals(Map.of("s1", Set.of("q1")), VoteCounter.drainedBySession(dirty));
    }

    @Test
    void changedQuestionsAreCountedTogetherPerSession() {
        Map<String, String> dirty = new ConcurrentHashMap<>(Map.of("q1", "s1", "q2", "s1", "q3", "s2"));
        assertEquals(Map.of("s1", Set.of("q1", "q2"), "s2", Set.of("q3")), VoteCounter.drainedBySession(dirty));
    }

    @Test
    void aCountedQuestionIsNotCountedAgainAtTheNextTickWithoutANewVote() {
        Map<String, String> dirty = new ConcurrentHashMap<>(Map.of("q1", "s1"));
        VoteCounter.drainedBySession(dirty);
        assertTrue(dirty.isEmpty());
        assertEquals(new HashMap<String, Set<String>>(), VoteCounter.drainedBySession(dirty));
    }
}
