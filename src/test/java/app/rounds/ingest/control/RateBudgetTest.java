package app.rounds.ingest.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateBudgetTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void unknownUntilTheInstanceSaysThenCountedDown() {
        RateBudget budget = new RateBudget();
        assertTrue(budget.take(NOW, 10), "no headers yet: calls go, bounded by their schedule");
        assertEquals(Integer.MAX_VALUE, budget.available(NOW, 10));
        budget.observe(13, NOW.plusSeconds(60));
        assertEquals(3, budget.available(NOW, 10));
        assertTrue(budget.take(NOW, 10));
        assertTrue(budget.take(NOW, 10));
        assertTrue(budget.take(NOW, 10));
        assertFalse(budget.take(NOW, 10), "what is left is kept for the polls");
        assertTrue(budget.take(NOW, 0), "a confirmation a person waits for may use the reserve");
        budget.spent();
        assertEquals(Optional.empty(), budget.exhaustedUntil(NOW));
    }

    @Test
    void aSpentBudgetWaitsForItsResetAndThenIsUnknownAgain() {
        RateBudget budget = new RateBudget();
        budget.exhaust(NOW.plusSeconds(90));
        assertFalse(budget.take(NOW, 0));
        assertEquals(Optional.of(NOW.plusSeconds(90)), budget.exhaustedUntil(NOW));
        assertEquals(0, budget.available(NOW.plusSeconds(89), 0));
        assertTrue(budget.take(NOW.plusSeconds(90), 50), "a new window");
        assertEquals(Optional.empty(), budget.exhaustedUntil(NOW.plusSeconds(90)));
    }

    @Test
    void theReserveCoversEveryPollOfEverySourceOnTheInstanceUntilTheReset() {
        RateBudget budget = new RateBudget();
        budget.observe(300, NOW.plusSeconds(299));
        // 300 s to the reset, a poll every 5 s by two sources: 120 polls, and a margin of 2
        assertEquals(122, budget.reserveForPolls(NOW, 2, 5, 2));
        assertEquals(178, budget.available(NOW, budget.reserveForPolls(NOW, 2, 5, 2)));
        assertEquals(2, new RateBudget().reserveForPolls(NOW, 2, 5, 2), "unknown reset: the margin only");
    }
}
