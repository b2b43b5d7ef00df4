package app.rounds.board.control;

import app.rounds.board.entity.Frames;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connected client. Frames go out one at a time through the asynchronous remote; the rest wait in a bounded
 * queue. The container reports a send as done once it has buffered it, not once the client has it, so clients also
 * acknowledge what they received ({@code "ack <messages received>"}): a client with more than {@code maxInFlight} messages
 * queued or unacknowledged is closed with 1013 (try again later) and reconnects with its last sequence number. A slow
 * phone never holds up the others, and never holds more than that many frames of memory.
 */
public final class Subscriber {

    static final CloseReason TOO_SLOW = new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER,
            "too far behind: reconnect with the last seq");
    private static final Logger LOG = Logger.getLogger(Subscriber.class.getName());

    private final Session socket;
    private final int maxInFlight;
    /** Closing and pinging may block on a stalled connection: they run here, never on the fan-out's thread. */
    private final Executor blockingWork;
    /** The monotonic time in nanoseconds ({@code System::nanoTime}); a test's clock in unit tests. */
    private final LongSupplier nanoTime;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean sending;
    private boolean insideSend;
    private boolean completedInline;
    private volatile long lastHeard;
    private long framesSent;
    private long framesAcknowledged;
    private boolean closed;
    /** The last stored event this client has been sent (or that its snapshot includes). */
    private long lastSeq;

    public Subscriber(Session socket, int maxInFlight, Executor blockingWork) {
        this(socket, maxInFlight, blockingWork, System::nanoTime);
    }

    Subscriber(Session socket, int maxInFlight, Executor blockingWork, LongSupplier nanoTime) {
        this.socket = socket;
        this.maxInFlight = maxInFlight;
        this.blockingWork = blockingWork;
        this.nanoTime = nanoTime;
        this.lastHeard = nanoTime.getAsLong();
    }

    /** The client has every event up to {@code seq} already (it said so when reconnecting). */
    synchronized void resumeAfter(long seq) {
        lastSeq = seq;
    }

    synchronized long lastSeq() {
        return lastSeq;
    }

    /** Sends one message carrying stored events up to {@code seq} that this client did not have. */
    synchronized void sendEvents(long seq, String message) {
        if (seq > lastSeq) {
            lastSeq = seq;
            send(message);
        }
    }

    /** Sends a stored event's frame unless this client already has it. */
    synchronized void sendEvent(long seq, String frame) {
        if (seq > lastSeq) {
            lastSeq = seq;
            send(frame);
        }
    }

    /** Sends a frame that carries state as of {@code seq} (a snapshot). */
    synchronized void sendState(long seq, String frame) {
        lastSeq = Math.max(lastSeq, seq);
        send(frame);
    }

    /** The client sent something (a ping, an acknowledgement): it is still there. */
    public void heard() {
        lastHeard = nanoTime.getAsLong();
    }

    boolean silentFor(long nanos) {
        return nanoTime.getAsLong() - lastHeard > nanos;
    }

    /** The client has received this many frames on this connection. */
    public synchronized void acknowledge(long framesReceived) {
        framesAcknowledged = Math.max(framesAcknowledged, Math.min(framesReceived, framesSent));
    }

    /** Current vote counts, as of the last stored event this client has. */
    synchronized void sendVotes(String countsJson) {
        send(Frames.frame(lastSeq, Frames.VOTES, countsJson));
    }

    synchronized void sendParticipants(String countJson) {
        send(Frames.frame(lastSeq, Frames.PARTICIPANTS, countJson));
    }

    /** The staff member this moderation client authenticated as; null on the public stream. */
    public String staff() {
        return socket.getUserPrincipal() == null ? null : socket.getUserPrincipal().getName();
    }

    /** Answers a client's ping, so it knows the connection (not only the socket) is alive. */
    public synchronized void pong() {
        send(Frames.frame(lastSeq, Frames.PONG, "{}"));
    }

    synchronized void send(String frame) {
        if (closed) {
            return;
        }
        if (queue.size() + framesSent - framesAcknowledged >= maxInFlight) {
            close(TOO_SLOW);
            return;
        }
        queue.add(frame);
        if (!sending) {
            sendNext();
        }
    }

    /**
     * Sends queued frames one at a time. The container may complete a send inside {@code sendText}, on this very
     * stack: then the loop goes on, instead of the completion calling back in, so a long queue cannot overflow the stack.
     */
    private void sendNext() {
        while (true) {
            String frame = queue.poll();
            if (frame == null || closed) {
                sending = false;
                return;
            }
            sending = true;
            framesSent++;
            completedInline = false;
            insideSend = true;
            try {
                outsideApplicationLoader(() -> socket.getAsyncRemote().sendText(frame, this::sent));
            } catch (IOException | RuntimeException e) {
                sending = false;
                close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed"));
                return;
            } finally {
                insideSend = false;
            }
            if (!completedInline) {
                return; // the completion will come later, on another thread, and go on from there
            }
        }
    }

    private synchronized void sent(SendResult result) {
        if (!result.isOK()) {
            sending = false;
            close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed"));
        } else if (insideSend) {
            completedInline = true;
        } else {
            sendNext();
        }
    }

    private interface SocketWork {
        void run() throws IOException;
    }

    /**
     * Runs a send or a ping with the platform class loader as the thread's context loader. Payara's Tyrus reschedules
     * the session's idle timeout on a managed executor at every send and ping, and that executor looks up context
     * providers with a ServiceLoader over the context class loader: over the application's jars it took a third of the
     * CPU in the fan-out benchmark, and the heartbeat's pings to 1,000 clients twice the CPU of the answers' own code in
     * the poll benchmark (JFR). The platform loader has no jars to scan; nothing in a send needs the application's
     * classes.
     */
    private static void outsideApplicationLoader(SocketWork work) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader application = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            work.run();
        } finally {
            thread.setContextClassLoader(application);
        }
    }

    void ping() {
        blockingWork.execute(() -> {
            try {
                if (socket.isOpen()) {
                    outsideApplicationLoader(() -> socket.getAsyncRemote().sendPing(ByteBuffer.allocate(0)));
                }
            } catch (IOException | RuntimeException e) {
                close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "ping failed"));
            }
        });
    }

    synchronized boolean closed() {
        return closed || !socket.isOpen();
    }

    synchronized void close(CloseReason reason) {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        blockingWork.execute(() -> {
            try {
                if (socket.isOpen()) {
                    socket.close(reason);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "closing a board client", e);
            }
        });
    }
}
