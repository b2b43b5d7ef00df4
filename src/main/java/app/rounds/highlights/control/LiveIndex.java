package app.rounds.highlights.control;

import app.rounds.highlights.entity.Publication;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The newest live publications (the public index and the feeds), kept a few seconds per length asked for. Forgetting
 * names every length ever asked for: Caffeine's {@code invalidateAll()} leaves a load that is under way in the cache,
 * so a feed read from the database just before a takedown committed would have listed the highlight for the rest of
 * its seconds; an invalidation by key waits for that load and removes what it brought.
 */
final class LiveIndex {

    private final Cache<Integer, List<Publication>> newest;
    private final Set<Integer> lengths = ConcurrentHashMap.newKeySet();

    LiveIndex(Duration kept) {
        newest = Caffeine.newBuilder().maximumSize(8).expireAfterWrite(kept).build();
    }

    List<Publication> newest(int length, Function<Integer, List<Publication>> load) {
        lengths.add(length);
        return newest.get(length, load);
    }

    void forget() {
        newest.invalidateAll(lengths);
    }
}
