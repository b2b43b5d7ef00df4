package app.rounds.highlights.control;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reads of highlights counted in memory by highlight, day and way, taken out in one piece to be stored, and given back
 * when storing failed. Thread-safe; a read costs a map lookup and an addition.
 */
final class ReadCounts {

    record Key(String highlightId, LocalDate day, Reach.Kind kind) {
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    void read(String highlightId, LocalDate day, Reach.Kind kind) {
        add(new Key(highlightId, day, kind), 1);
    }

    /**
     * The counts since the last take, each reset to 0. Keys of days before {@code today} are dropped once empty: no
     * read counts on them any more, so none can be lost between the check and the removal.
     */
    Map<Key, Long> take(LocalDate today) {
        Map<Key, Long> taken = new HashMap<>();
        counts.forEach((key, adder) -> {
            long n = adder.sumThenReset();
            if (n > 0) {
                taken.put(key, n);
            }
        });
        counts.entrySet().removeIf(e -> e.getKey().day().isBefore(today) && e.getValue().sum() == 0);
        return taken;
    }

    /** Counts taken but not stored, to be taken again next time. */
    void giveBack(Map<Key, Long> taken) {
        taken.forEach(this::add);
    }

    private void add(Key key, long n) {
        counts.computeIfAbsent(key, k -> new LongAdder()).add(n);
    }
}
