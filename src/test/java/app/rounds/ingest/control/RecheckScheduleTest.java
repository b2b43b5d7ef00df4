package app.rounds.ingest.control;

import app.rounds.ingest.control.RecheckSchedule.Due;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecheckScheduleTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final Duration SHORTEST = Duration.ofSeconds(60);
    static final Duration LONGEST = Duration.ofMinutes(10);

    static Due<String> due(String post, String source, Integer shownMinutesAgo) {
        return new Due<>(post, source, shownMinutesAgo == null ? null : NOW.minus(Duration.ofMinutes(shownMinutesAgo)));
    }

    @Test
    void asksAboutTheMostRecentlyShownFirstWithinEachSourcesBound() {
        var plan = RecheckSchedule.plan(List.of(
                due("old", "mastodon", 50), due("new", "mastodon", 1), due("middle", "mastodon", 10),
                due("sky-old", "bluesky", 30), due("sky-new", "bluesky", 2)), source -> 2);
        assertEquals(List.of("new", "middle"), plan.ask().get("mastodon").stream().map(Due::item).toList(),
                "two calls this tick: the most recently shown; the oldest waits for the next tick");
        assertEquals(List.of("sky-new", "sky-old"), plan.ask().get("bluesky").stream().map(Due::item).toList());
        assertTrue(plan.notShown().isEmpty());
        assertEquals(List.of("old"), plan.waiting().stream().map(Due::item).toList(), "beyond the bound: waiting");
    }

    @Test
    void aSourceWithoutBudgetIsNotAskedAndWhatNothingShowsIsPutOff() {
        var plan = RecheckSchedule.plan(List.of(due("a", "spent", 1), due("b", "fine", 3), due("hidden", "fine", null)),
                source -> source.equals("spent") ? 0 : 5);
        assertEquals(Map.of("fine", List.of(due("b", "fine", 3))), plan.ask());
        assertEquals(List.of(due("hidden", "fine", null)), plan.notShown());
    }

    @Test
    void capacityIsAskedOncePerSource() {
        int[] asked = {0};
        RecheckSchedule.plan(List.of(due("a", "s", 1), due("b", "s", 2), due("c", "s", 3)), source -> {
            asked[0]++;
            return 10;
        });
        assertEquals(1, asked[0]);
    }

    @Test
    void recentlyShownPostsAreAskedAgainSoonOlderOnesLessOftenNeverBeyondTheLongest() {
        assertEquals(NOW.plus(SHORTEST), RecheckSchedule.nextCheck(NOW.minusSeconds(30), NOW, SHORTEST, LONGEST),
                "just approved: the shortest interval");
        assertEquals(NOW.plus(Duration.ofMinutes(3)),
                RecheckSchedule.nextCheck(NOW.minus(Duration.ofMinutes(30)), NOW, SHORTEST, LONGEST),
                "a tenth of the time since it was shown");
        assertEquals(NOW.plus(LONGEST), RecheckSchedule.nextCheck(NOW.minus(Duration.ofDays(2)), NOW, SHORTEST, LONGEST));
        assertEquals(NOW.plus(LONGEST), RecheckSchedule.nextCheck(null, NOW, SHORTEST, LONGEST), "not shown now");
        assertEquals(NOW.plus(SHORTEST), RecheckSchedule.nextCheck(NOW.plusSeconds(5), NOW, SHORTEST, LONGEST),
                "a clock a little ahead elsewhere");
    }
}
