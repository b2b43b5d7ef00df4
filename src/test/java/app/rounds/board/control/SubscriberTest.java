package app.rounds.board.control;

import app.rounds.board.entity.Frames;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Flow control, de-duplication by seq, and liveness of one board client, on a fake connection and a fake clock. */
class SubscriberTest {

    /** Closing and pinging run at once, on the test's thread: nothing to wait for. */
    private static final Executor AT_ONCE = Runnable::run;

    private final FakeSocket socket = new FakeSocket();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private Subscriber subscriber(int maxInFlight) {
        return new Subscriber(socket, maxInFlight, AT_ONCE, nanos::get);
    }

    private static String frame(long seq) {
        return Frames.frame(seq, Frames.CONTRIBUTION_CREATED, "{\"id\":\"q" + seq + "\"}");
    }

    @Test
    void sendsOneFrameAtATimeAndTheNextWhenTheContainerCompletesTheLast() {
        Subscriber subscriber = subscriber(10);
        subscriber.sendEvent(1, frame(1));
        subscriber.sendEvent(2, frame(2));
        subscriber.sendEvent(3, frame(3));

        assertEquals(List.of(frame(1)), socket.sent, "one send at a time, the rest queued");
        socket.completeSend();
        assertEquals(List.of(frame(1), frame(2)), socket.sent);
        socket.completeSend();
        socket.completeSend();
        assertEquals(List.of(frame(1), frame(2), frame(3)), socket.sent, "in the order they were given");
        assertEquals(0, socket.pendingSends());
    }

    @Test
    void sendsCompletedInsideSendTextGoOnInALoopNotDeeperOnTheStack() {
        Subscriber subscriber = subscriber(20_000);
        subscriber.sendEvent(1, frame(1)); // held by the container while the others queue up
        for (int seq = 2; seq <= 10_000; seq++) {
            subscriber.sendEvent(seq, frame(seq));
        }
        socket.completeInline = true;
        socket.completeSend();

        assertEquals(10_000, socket.sent.size());
        assertEquals(1, socket.deepestSend, "each inline completion returns before the next send starts");
        assertFalse(subscriber.closed());
    }

    @Test
    void clientWithMaxInFlightFramesUnacknowledgedIsClosedWith1013OnTheNext() {
        socket.completeInline = true; // the container buffers every frame at once; only the client's acks count
        Subscriber subscriber = subscriber(3);
        subscriber.sendEvent(1, frame(1));
        subscriber.sendEvent(2, frame(2));
        subscriber.sendEvent(3, frame(3));
        assertTrue(socket.closes.isEmpty(), "as many in flight as allowed");

        subscriber.sendEvent(4, frame(4));

        assertEquals(3, socket.sent.size(), "the frame over the limit is not sent");
        assertEquals(1, socket.closes.size());
        assertEquals(CloseReason.CloseCodes.TRY_AGAIN_LATER, socket.closes.getFirst().getCloseCode());
        assertEquals(1013, socket.closes.getFirst().getCloseCode().getCode());
        assertTrue(subscriber.closed());
    }

    @Test
    void framesQueuedBehindASlowSendCountAsInFlight() {
        Subscriber subscriber = subscriber(3);
        subscriber.sendEvent(1, frame(1)); // never completed
        subscriber.sendEvent(2, frame(2));
        subscriber.sendEvent(3, frame(3));
        assertTrue(socket.closes.isEmpty());

        subscriber.sendEvent(4, frame(4));

        assertEquals(List.of(1013), socket.closes.stream().map(r -> r.getCloseCode().getCode()).toList());
    }

    @Test
    void acknowledgedFramesNoLongerCountAgainstTheLimit() {
        socket.completeInline = true;
        Subscriber subscriber = subscriber(3);
        subscriber.sendEvent(1, frame(1));
        subscriber.sendEvent(2, frame(2));
        subscriber.sendEvent(3, frame(3));
        subscriber.acknowledge(2);

        subscriber.sendEvent(4, frame(4));
        subscriber.sendEvent(5, frame(5));

        assertTrue(socket.closes.isEmpty());
        assertEquals(5, socket.sent.size());
    }

    @Test
    void acknowledgementsCountNoMoreFramesThanWereSentNorGoBack() {
        socket.completeInline = true;
        Subscriber subscriber = subscriber(3);
        subscriber.sendEvent(1, frame(1));
        subscriber.acknowledge(1_000); // a client claiming more than it was sent buys no credit for later frames
        subscriber.acknowledge(0); // nor does a stale acknowledgement take back what was acknowledged
        subscriber.sendEvent(2, frame(2));
        subscriber.sendEvent(3, frame(3));
        subscriber.sendEvent(4, frame(4));
        assertTrue(socket.closes.isEmpty(), "frame 1 was acknowledged: three in flight");

        subscriber.sendEvent(5, frame(5));

        assertEquals(1, socket.closes.size(), "the 1,000 acknowledged beyond what was sent were not counted");
    }

    @Test
    void closedClientIsSentNothingMoreNotEvenWhatWasQueued() {
        Subscriber subscriber = subscriber(10);
        subscriber.sendEvent(1, frame(1));
        subscriber.sendEvent(2, frame(2)); // queued
        subscriber.close(Subscriber.TOO_SLOW);
        socket.completeSend();
        subscriber.sendEvent(3, frame(3));
        subscriber.pong();

        assertEquals(List.of(frame(1)), socket.sent);
        assertEquals(1, socket.closes.size(), "closed once");
    }

    @Test
    void failedSendClosesTheClient() {
        Subscriber subscriber = subscriber(10);
        subscriber.sendEvent(1, frame(1));
        subscriber.sendEvent(2, frame(2));

        socket.failSend();

        assertEquals(List.of(frame(1)), socket.sent, "nothing more after the failure");
        assertEquals(CloseReason.CloseCodes.UNEXPECTED_CONDITION, socket.closes.getFirst().getCloseCode());
        assertTrue(subscriber.closed());
    }

    @Test
    void sendTextThrowingClosesTheClient() {
        socket.sendTextThrows = true;
        Subscriber subscriber = subscriber(10);

        subscriber.sendEvent(1, frame(1));

        assertEquals(CloseReason.CloseCodes.UNEXPECTED_CONDITION, socket.closes.getFirst().getCloseCode());
    }

    @Test
    void eventTheClientAlreadyHasIsNotSentAgain() {
        socket.completeInline = true;
        Subscriber subscriber = subscriber(10);
        subscriber.resumeAfter(5);

        subscriber.sendEvent(4, frame(4));
        subscriber.sendEvent(5, frame(5));
        subscriber.sendEvent(6, frame(6));
        subscriber.sendEvent(6, frame(6));
        subscriber.sendEvents(6, "[" + frame(5) + "," + frame(6) + "]");

        assertEquals(List.of(frame(6)), socket.sent);
        assertEquals(6, subscriber.lastSeq());
    }

    @Test
    void snapshotAdvancesTheClientToItsSeqButNeverBack() {
        socket.completeInline = true;
        Subscriber subscriber = subscriber(10);
        subscriber.sendState(7, "snapshot at 7");
        subscriber.sendEvent(7, frame(7)); // included in the snapshot
        assertEquals(List.of("snapshot at 7"), socket.sent);

        subscriber.sendState(3, "snapshot at 3");

        assertEquals(7, subscriber.lastSeq(), "a snapshot older than what the client has does not rewind it");
    }

    @Test
    void votesAndPongCarryTheLastSeqTheClientHasWithoutAdvancingIt() {
        socket.completeInline = true;
        Subscriber subscriber = subscriber(10);
        subscriber.sendEvent(4, frame(4));

        subscriber.sendVotes("{\"q1\":3}");
        subscriber.pong();

        assertEquals(List.of(frame(4), Frames.frame(4, Frames.VOTES, "{\"q1\":3}"), Frames.frame(4, Frames.PONG, "{}")),
                socket.sent);
        assertEquals(4, subscriber.lastSeq());
    }

    @Test
    void clientIsSilentOnlyOnceTheSilenceHasPassedSinceItWasLastHeard() {
        Subscriber subscriber = subscriber(10);
        long ninety = TimeUnit.SECONDS.toNanos(90);

        nanos.addAndGet(ninety);
        assertFalse(subscriber.silentFor(ninety), "exactly 90 s is not yet too long");
        nanos.addAndGet(1);
        assertTrue(subscriber.silentFor(ninety));

        subscriber.heard();
        assertFalse(subscriber.silentFor(ninety), "hearing from it starts the silence again");
    }

    @Test
    void pingSendsAnEmptyPingWhileTheSocketIsOpen() {
        Subscriber subscriber = subscriber(10);
        subscriber.ping();
        assertEquals(1, socket.pings);

        socket.open = false;
        subscriber.ping();
        assertEquals(1, socket.pings, "no ping to a closed socket");
    }

    @Test
    void sendsAndPingsRunWithThePlatformLoaderAndGiveTheApplicationsBack() {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        Subscriber subscriber = subscriber(10);
        subscriber.sendEvent(1, frame(1));
        subscriber.ping();

        assertEquals(List.of(ClassLoader.getPlatformClassLoader(), ClassLoader.getPlatformClassLoader()),
                socket.contextLoaders, "no jars for the container's ServiceLoader to scan at each frame");
        assertSame(application, Thread.currentThread().getContextClassLoader());
    }

    @Test
    void failedPingClosesTheClient() {
        socket.pingThrows = true;
        Subscriber subscriber = subscriber(10);

        subscriber.ping();

        assertEquals(CloseReason.CloseCodes.UNEXPECTED_CONDITION, socket.closes.getFirst().getCloseCode());
        assertTrue(subscriber.closed());
    }

    @Test
    void clientWhoseSocketClosedIsClosed() {
        Subscriber subscriber = subscriber(10);
        assertFalse(subscriber.closed());

        socket.open = false;

        assertTrue(subscriber.closed());
    }

    @Test
    void staffIsTheAuthenticatedNameAndNoneOnThePublicStream() {
        Subscriber subscriber = subscriber(10);
        assertNull(subscriber.staff());

        Principal alice = () -> "alice";
        socket.principal = alice;

        assertEquals("alice", subscriber.staff());
    }
}
