package app.rounds.board.control;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The snapshot of one stream shared by the clients that join while nothing changes: a lecture hall opening the board
 * at once costs one read, not one each. It is read again once a pull has passed its seq, and once a commit changed the
 * stream or votes were counted ({@link #changed}), which may come before the pull: a question hidden a moment ago is
 * never in the snapshot a client joining now is sent. Joins call {@link #get} under their channel's lock; commits call
 * {@link #changed} without it, from any thread.
 */
final class SharedSnapshot {

    private final AtomicLong changes = new AtomicLong();
    private Board.Snapshot snapshot;
    private long changesWhenRead;

    /** The shared snapshot while it is current, else a new one from {@code read}, kept unless changed meanwhile. */
    Board.Snapshot get(long lastPulled, Supplier<Board.Snapshot> read) {
        if (snapshot != null && snapshot.seq() >= lastPulled && changesWhenRead == changes.get()) {
            return snapshot;
        }
        long before = changes.get();
        snapshot = read.get();
        changesWhenRead = before;
        return snapshot;
    }

    /** The stream changed (or its votes were counted): no joining client gets the snapshot read before. */
    void changed() {
        changes.incrementAndGet();
    }
}
