package app.rounds.board.control;

import app.rounds.board.entity.BoardEvent;
import app.rounds.board.entity.Frames;
import app.rounds.board.entity.Stream;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The fan-out's rules that need no container: how far a reconnecting client is replayed, what it is replayed, when a
 * shared snapshot may still be handed out, how pulled events reach clients that are at different points, and the
 * heartbeat's closing of silent clients. The database reads around them are the integration tests' part.
 */
class BoardHubTest {

    private static final LongSupplier LAST_SEQ_NOT_READ = () -> fail("the last seq need not be read");

    private final AtomicLong nanos = new AtomicLong(0);

    private static BoardEvent event(long seq) {
        return new BoardEvent("s1", Stream.PUBLIC, seq, Frames.CONTRIBUTION_CREATED, "q" + seq,
                "{\"id\":\"q" + seq + "\"}", Instant.EPOCH);
    }

    private static List<Integer> codes(FakeSocket socket) {
        return socket.closes.stream().map(r -> r.getCloseCode().getCode()).toList();
    }

    private static List<BoardEvent> events(long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(BoardHubTest::event).toList();
    }

    private Subscriber client(FakeSocket socket) {
        socket.completeInline = true;
        return new Subscriber(socket, 1_000, Runnable::run, nanos::get);
    }

    private Subscriber clientAt(FakeSocket socket, long lastSeq) {
        Subscriber subscriber = client(socket);
        subscriber.resumeAfter(lastSeq);
        return subscriber;
    }

    // how much is replayed

    @Test
    void batchIsTheReplayLimitWhenHalfTheFramesInFlightAllowIt() {
        assertEquals(100, BoardHub.batchSize(100, 256));
    }

    @Test
    void batchIsCappedAtHalfTheFramesAClientMayHaveInFlight() {
        assertEquals(8, BoardHub.batchSize(100, 16));
        assertEquals(8, BoardHub.batchSize(100, 17));
    }

    @Test
    void batchIsAtLeastOneEvent() {
        assertEquals(1, BoardHub.batchSize(0, 256));
        assertEquals(1, BoardHub.batchSize(100, 1));
    }

    @Test
    void clientWithoutSinceGetsASnapshot() {
        assertFalse(BoardHub.replays(null, null, 100, LAST_SEQ_NOT_READ));
    }

    @Test
    void clientThatMissedNoMoreThanABatchIsReplayed() {
        assertTrue(BoardHub.replays(10L, events(11, 110), 100, () -> 110));
        assertTrue(BoardHub.replays(110L, List.of(), 100, () -> 110), "nothing missed: an empty replay");
    }

    @Test
    void clientThatMissedMoreThanTheReplayLimitGetsASnapshot() {
        // the events are read with a limit of one more than a batch: one more means too many
        assertFalse(BoardHub.replays(10L, events(11, 111), 100, LAST_SEQ_NOT_READ));
    }

    @Test
    void clientAheadOfTheStoredEventsGetsASnapshot() {
        // a seq from before the store was reset: replaying nothing would leave it waiting for events it already skips
        assertFalse(BoardHub.replays(500L, List.of(), 100, () -> 110));
    }

    // what is replayed

    @Test
    void replaySendsExactlyTheEventsAfterSinceInOrderThenTheCurrentVoteCounts() {
        FakeSocket socket = new FakeSocket();
        Subscriber subscriber = client(socket);

        BoardHub.replay(subscriber, 10, events(11, 13), () -> "{\"q11\":4}");

        assertEquals(List.of(event(11).frame(), event(12).frame(), event(13).frame(),
                Frames.frame(13, Frames.VOTES, "{\"q11\":4}")), socket.sent);
        assertEquals(13, subscriber.lastSeq());
    }

    @Test
    void replayedRemovalCarriesOnlyWhatItsEventStores() {
        // after a removal, the stored events of its subject read as that removal (see BoardTest): replayed, they
        // carry its data, the question's id, and no text
        FakeSocket socket = new FakeSocket();
        BoardEvent rewritten = new BoardEvent("s1", Stream.PUBLIC, 11, Frames.CONTRIBUTION_REMOVED, "q7",
                "{\"id\":\"q7\"}", Instant.EPOCH);

        BoardHub.replay(client(socket), 10, List.of(rewritten), () -> "{}");

        assertEquals("{\"seq\":11,\"type\":\"contribution.removed\",\"data\":{\"id\":\"q7\"}}", socket.sent.getFirst());
    }

    @Test
    void snapshotIsSentWithItsSeqAndTheEventsItIncludesAreNotSentAgain() {
        FakeSocket socket = new FakeSocket();
        Subscriber subscriber = client(socket);

        BoardHub.sendSnapshot(subscriber, new Board.Snapshot(12, "{\"questions\":[]}"));
        BoardHub.send(Set.of(subscriber), events(11, 13));

        assertEquals(List.of("{\"seq\":12,\"type\":\"snapshot\",\"data\":{\"questions\":[]}}", event(13).frame()),
                socket.sent);
    }

    // pulled events to clients

    @Test
    void pulledEventsGoToEachClientAsOneMessageOfTheEventsItLacks() {
        FakeSocket behind = new FakeSocket();
        FakeSocket nearlyThere = new FakeSocket();
        FakeSocket upToDate = new FakeSocket();
        Subscriber a = clientAt(behind, 10);
        Subscriber b = clientAt(nearlyThere, 12);
        Subscriber c = clientAt(upToDate, 13);

        BoardHub.send(Set.of(a, b, c), events(11, 13));

        assertEquals(List.of("[" + event(11).frame() + "," + event(12).frame() + "," + event(13).frame() + "]"),
                behind.sent, "one message, a JSON array, oldest first");
        assertEquals(List.of(event(13).frame()), nearlyThere.sent, "a single event goes as its frame alone");
        assertEquals(List.of(), upToDate.sent, "nothing it already has");
        assertEquals(List.of(13L, 13L, 13L), List.of(a.lastSeq(), b.lastSeq(), c.lastSeq()));
    }

    @Test
    void clientsLackingTheSameEventsShareOneSerialisedMessage() {
        FakeSocket first = new FakeSocket();
        FakeSocket second = new FakeSocket();

        BoardHub.send(Set.of(clientAt(first, 10), clientAt(second, 10)), events(11, 12));

        assertSame(first.sent.getFirst(), second.sent.getFirst());
    }

    // heartbeat

    @Test
    void heartbeatClosesClientsNotHeardFromForNinetySecondsWithANormalClosure() {
        FakeSocket quiet = new FakeSocket();
        FakeSocket chatty = new FakeSocket();
        Subscriber silent = client(quiet);
        Subscriber heard = client(chatty);

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(80));
        heard.heard();
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(11));
        BoardHub.closeSilent(Set.of(silent, heard));

        assertEquals(1, quiet.closes.size());
        assertEquals(CloseReason.CloseCodes.NORMAL_CLOSURE, quiet.closes.getFirst().getCloseCode());
        assertTrue(silent.closed());
        assertEquals(List.of(), chatty.closes, "heard 11 s ago");
        assertFalse(heard.closed());
    }

    @Test
    void withdrawnCredentialsCloseThatStaffMembersClientsAtOnceWith1008() {
        FakeSocket alice = new FakeSocket();
        FakeSocket aliceOtherTab = new FakeSocket();
        FakeSocket bob = new FakeSocket();
        alice.principal = () -> "alice";
        aliceOtherTab.principal = () -> "alice";
        bob.principal = () -> "bob";

        BoardHub.closeStaff(Set.of(client(alice), client(aliceOtherTab), client(bob)), "alice");

        assertEquals(List.of(1008), codes(alice));
        assertEquals(List.of(1008), codes(aliceOtherTab));
        assertEquals(List.of(), bob.closes);
    }

    @Test
    void heartbeatClosesModerationClientsWhoseStaffMemberLostAccessWith1008() {
        FakeSocket alice = new FakeSocket();
        FakeSocket bob = new FakeSocket();
        FakeSocket nobody = new FakeSocket();
        alice.principal = () -> "alice";
        bob.principal = () -> "bob";

        BoardHub.closeNoLongerStaff(Set.of(client(alice), client(bob), client(nobody)), "alice"::equals);

        assertEquals(List.of(), alice.closes);
        assertEquals(List.of(1008), codes(bob));
        assertEquals(List.of(1008), codes(nobody), "a client without a staff member is asked about as null");
    }

    @Test
    void heartbeatLeavesEveryoneOpenWithinNinetySeconds() {
        FakeSocket socket = new FakeSocket();
        Subscriber subscriber = client(socket);

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(90));
        BoardHub.closeSilent(Set.of(subscriber));

        assertEquals(List.of(), socket.closes);
    }

    @Test
    void aClosingClientLeavesWithoutWaitingForAPullThatHoldsTheChannel() throws Exception {
        // the container closes a socket on the thread whose send found it gone, holding that subscriber's lock, while
        // a pull holding the channel's lock may be waiting for the same subscriber: leaving must not need the channel
        BoardHub hub = new BoardHub();
        BoardHub.Channel channel = hub.channel("s1", Stream.PUBLIC, 0);
        Subscriber leaving = new Subscriber(new FakeSocket(), 10, Runnable::run);
        channel.subscribers.add(leaving);
        CountDownLatch pulling = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread pull = Thread.ofPlatform().start(() -> {
            synchronized (channel) {
                pulling.countDown();
                try {
                    done.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        assertTrue(pulling.await(5, TimeUnit.SECONDS));
        CompletableFuture<Void> left = CompletableFuture.runAsync(() -> hub.unsubscribe("s1", Stream.PUBLIC, leaving));
        try {
            left.get(2, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fail("unsubscribe waited for the channel's lock: with a pull waiting for the subscriber, a deadlock");
        } finally {
            done.countDown();
            pull.join();
        }
        assertFalse(channel.subscribers.contains(leaving));
    }

    @Test
    void aPullReadsTheDatabaseWithoutHoldingTheChannelThatJoiningClientsWaitFor() throws Exception {
        // a hall reconnecting at once takes the database's connections: a pull waiting for one under the channel's
        // lock held every handshake behind it
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch readDone = new CountDownLatch(1);
        BoardHub hub = new BoardHub();
        hub.board = new Board() {
            @Override
            public List<BoardEvent> eventsAfter(String sessionId, Stream stream, long afterSeq, int limit) {
                reading.countDown();
                try {
                    readDone.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return afterSeq == 0 ? events(1, 1) : List.of();
            }
        };
        BoardHub.Channel channel = hub.channel("s1", Stream.PUBLIC, 0);
        FakeSocket socket = new FakeSocket();
        channel.subscribers.add(clientAt(socket, 0));
        Thread pull = Thread.ofPlatform().start(() -> hub.pull(channel));
        try {
            assertTrue(reading.await(5, TimeUnit.SECONDS));
            CompletableFuture<Void> joined = CompletableFuture.runAsync(() -> {
                synchronized (channel) {
                    channel.subscribers.size();
                }
            });
            try {
                joined.get(2, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                fail("a joining client waited for a pull's database read");
            }
        } finally {
            readDone.countDown();
            pull.join();
        }
        assertEquals(1, channel.lastPulled, "what the pull read was sent, and the channel moved on");
        assertEquals(1, socket.sent.size(), "the subscriber was sent the pulled event");
    }
}
