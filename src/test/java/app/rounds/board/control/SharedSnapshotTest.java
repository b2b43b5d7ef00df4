package app.rounds.board.control;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class SharedSnapshotTest {

    /** Reads a new snapshot at {@code seq} each time, counting the reads. */
    record Reads(AtomicInteger count, long seq) implements Supplier<Board.Snapshot> {
        Reads(long seq) {
            this(new AtomicInteger(), seq);
        }

        @Override
        public Board.Snapshot get() {
            return new Board.Snapshot(seq, "{\"read\":" + count.incrementAndGet() + "}");
        }
    }

    @Test
    void theFirstClientToJoinHasTheSnapshotRead() {
        Reads reads = new Reads(12);
        assertEquals("{\"read\":1}", new SharedSnapshot().get(12, reads).json());
        assertEquals(1, reads.count().get());
    }

    @Test
    void clientsJoiningWhileNothingChangesShareOneRead() {
        SharedSnapshot shared = new SharedSnapshot();
        Reads reads = new Reads(12);
        Board.Snapshot first = shared.get(12, reads);
        assertSame(first, shared.get(12, reads));
        assertSame(first, shared.get(11, reads));
        assertEquals(1, reads.count().get());
    }

    @Test
    void aPullPastTheSnapshotsSeqMakesTheNextJoinReadAgain() {
        SharedSnapshot shared = new SharedSnapshot();
        Reads reads = new Reads(12);
        shared.get(12, reads);
        shared.get(13, reads);
        assertEquals(2, reads.count().get());
    }

    @Test
    void aCommitMakesTheNextJoinReadAgainBeforeAnyPull() {
        // a question hidden a moment ago would otherwise go out to the clients that join before the pull
        SharedSnapshot shared = new SharedSnapshot();
        Reads reads = new Reads(12);
        shared.get(12, reads);
        shared.changed();
        assertEquals("{\"read\":2}", shared.get(12, reads).json());
        assertEquals("{\"read\":2}", shared.get(12, reads).json(), "and that read is shared again");
    }

    @Test
    void aSnapshotReadWhileACommitCameIsSentButNotShared() {
        SharedSnapshot shared = new SharedSnapshot();
        AtomicInteger reads = new AtomicInteger();
        Board.Snapshot duringCommit = shared.get(12, () -> {
            shared.changed(); // the commit lands while this read is under way: it may not show it
            return new Board.Snapshot(12, "{\"read\":" + reads.incrementAndGet() + "}");
        });
        assertEquals("{\"read\":1}", duringCommit.json());
        assertEquals("{\"read\":2}", shared.get(12, () -> new Board.Snapshot(12, "{\"read\":" + reads.incrementAndGet()
                + "}")).json());
    }
}
