package app.rounds.ingest.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Which watched posts to ask their sources about in one tick, and when to ask again. The most recently shown first
 * (what the board shows now, and what was just approved, matters most), at most what each source may take this tick
 * (its bound, within its rate budget); the rest wait for the next tick. A post is asked again sooner the more recently
 * it was shown: a tenth of the time since, between the shortest and the longest interval; a post nothing shows now
 * (hidden, rejected) only at the longest.
 */
public final class RecheckSchedule {

    /** A post due to be asked about: {@code checker} is the source that asks, {@code shownAt} null when not shown. */
    public record Due<T>(T item, String checker, Instant shownAt) {
    }

    /**
     * What to ask each source now, in order; what nothing shows (put off to the longest interval); what is shown but
     * beyond its source's capacity this tick ({@code waiting}).
     */
    public record Plan<T>(Map<String, List<Due<T>>> ask, List<Due<T>> notShown, List<Due<T>> waiting) {
    }

    private RecheckSchedule() {
    }

    /** {@code capacity}: how many posts a source may be asked about this tick. */
    public static <T> Plan<T> plan(List<Due<T>> due, ToIntFunction<String> capacity) {
        List<Due<T>> notShown = due.stream().filter(d -> d.shownAt() == null).toList();
        Map<String, List<Due<T>>> ask = new LinkedHashMap<>();
        List<Due<T>> waiting = new ArrayList<>();
        Map<String, Integer> capacities = new LinkedHashMap<>();
        due.stream().filter(d -> d.shownAt() != null)
                .sorted(Comparator.comparing((Due<T> d) -> d.shownAt()).reversed())
                .forEach(d -> {
                    int left = capacities.computeIfAbsent(d.checker(), capacity::applyAsInt);
                    if (left > 0) {
                        ask.computeIfAbsent(d.checker(), c -> new ArrayList<>()).add(d);
                        capacities.put(d.checker(), left - 1);
                    } else {
                        waiting.add(d);
                    }
                });
        return new Plan<>(ask, notShown, waiting);
    }

    /** When to ask again about a post shown at {@code shownAt} (null: not shown now). */
    public static Instant nextCheck(Instant shownAt, Instant now, Duration shortest, Duration longest) {
        if (shownAt == null) {
            return now.plus(longest);
        }
        Duration since = Duration.between(shownAt, now);
        Duration interval = since.isNegative() ? shortest : since.dividedBy(10);
        if (interval.compareTo(shortest) < 0) {
            interval = shortest;
        }
        if (interval.compareTo(longest) > 0) {
            interval = longest;
        }
        return now.plus(interval);
    }
}
