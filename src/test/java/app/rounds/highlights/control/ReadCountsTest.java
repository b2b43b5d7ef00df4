package app.rounds.highlights.control;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadCountsTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @Test
    void readsAreCountedByHighlightDayAndWayAndTakenOnce() {
        ReadCounts counts = new ReadCounts();
        counts.read("h1", MONDAY, Reach.Kind.PAGE);
        counts.read("h1", MONDAY, Reach.Kind.PAGE);
        counts.read("h1", MONDAY, Reach.Kind.FEED);
        counts.read("h2", MONDAY, Reach.Kind.EMBED);
        Map<ReadCounts.Key, Long> taken = counts.take(MONDAY);
        assertEquals(Map.of(new ReadCounts.Key("h1", MONDAY, Reach.Kind.PAGE), 2L,
                new ReadCounts.Key("h1", MONDAY, Reach.Kind.FEED), 1L,
                new ReadCounts.Key("h2", MONDAY, Reach.Kind.EMBED), 1L), taken);
        assertTrue(counts.take(MONDAY).isEmpty(), "taken once");
    }

    @Test
    void countsThatCouldNotBeStoredAreTakenAgainWithTheNewOnes() {
        ReadCounts counts = new ReadCounts();
        counts.read("h1", MONDAY, Reach.Kind.PAGE);
        Map<ReadCounts.Key, Long> failed = counts.take(MONDAY);
        counts.read("h1", MONDAY, Reach.Kind.PAGE);
        counts.giveBack(failed);
        assertEquals(Map.of(new ReadCounts.Key("h1", MONDAY, Reach.Kind.PAGE), 2L), counts.take(MONDAY));
    }

    @Test
    void noReadIsLostWhileReadsAndTakesRunAtOnce() throws Exception {
        ReadCounts counts = new ReadCounts();
        long total = 0;
        try (ExecutorService readers = Executors.newFixedThreadPool(4)) {
            for (int r = 0; r < 4; r++) {
                readers.execute(() -> {
                    for (int i = 0; i < 50_000; i++) {
                        counts.read("h" + (i % 7), MONDAY, Reach.Kind.PAGE);
                    }
                });
            }
            readers.shutdown();
            while (!readers.awaitTermination(1, TimeUnit.MILLISECONDS)) {
                total += counts.take(MONDAY).values().stream().mapToLong(Long::longValue).sum();
            }
        }
        total += counts.take(MONDAY).values().stream().mapToLong(Long::longValue).sum();
        assertEquals(200_000, total);
    }
}
