package app.rounds.board.control;

import app.rounds.board.entity.BoardEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last events a channel pulled, as the database has them now (a removal pulled later rewrites its subject's
 * earlier events here as it did there). A client resuming while events flow is sent what the channel pulled after its
 * replay was read from these, under the channel's lock, which every joining client waits for: a database read there
 * made a hall coming back at once (an instance of a cluster killed) wait for each other's reads. Not thread-safe: used
 * under the channel's lock.
 */
final class RecentEvents {

    private final int capacity;
    private final List<BoardEvent> events = new ArrayList<>(); // a batch: small
    /** Every event after this seq, up to the last one pulled, is kept. */
    private long completeAfter;

    /** Keeps up to {@code capacity} events; pulling starts after {@code pulledUpTo}. */
    RecentEvents(int capacity, long pulledUpTo) {
        this.capacity = capacity;
        this.completeAfter = pulledUpTo;
    }

    /** Keeps events just pulled, in order, after the last ones kept. */
    void add(List<BoardEvent> pulled) {
        for (BoardEvent event : pulled) {
            events.replaceAll(kept -> kept.rewrittenBy(event));
            events.addLast(event);
            if (events.size() > capacity) {
                completeAfter = events.removeFirst().seq();
            }
        }
    }

    /** The events pulled after {@code seq}; empty when some of them are no longer kept. */
    Optional<List<BoardEvent>> after(long seq) {
        if (seq < completeAfter) {
            return Optional.empty();
        }
        return Optional.of(events.stream().filter(e -> e.seq() > seq).toList());
    }
}
