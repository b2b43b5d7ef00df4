package app.rounds.board.boundary;

import app.rounds.board.control.BoardHub;
import app.rounds.board.control.Subscriber;
import app.rounds.board.entity.Stream;
import app.rounds.platform.control.DatabaseOutages;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What the two board endpoints share: subscribing with the {@code since} the client sends, answering its pings,
 * taking its acknowledgements, and leaving. The handshake was decided by {@link BoardHandshakeFilter}. Clients send
 * only {@code "ping"} and {@code "ack <messages received>"}; any message over 256 characters closes the socket.
 */
final class BoardSockets {

    static final int MAX_CLIENT_MESSAGE = 256;
    static final String SUBSCRIBER = "rounds.subscriber";
    private static final String SESSION = "rounds.session";
    private static final String STREAM = "rounds.stream";

    private BoardSockets() {
    }

    static void open(BoardHub hub, Session socket, String sessionId, Stream stream) {
        // no container idle timeout (Payara sets one by default): Tyrus reschedules it on a managed executor at every
        // frame sent or received, which cost a third of the CPU in the fan-out benchmark; the hub's heartbeat closes
        // silent clients. Negative, not 0: Tyrus 2 still schedules a (void) timeout task per frame for 0 (JFR of a
        // failover: 500 clients coming back, a third of the survivor's samples were in that scheduling)
        socket.setMaxIdleTimeout(-1);
        socket.setMaxTextMessageBufferSize(MAX_CLIENT_MESSAGE);
        Map<String, Object> properties = socket.getUserProperties();
        properties.put(SESSION, sessionId);
        properties.put(STREAM, stream);
        properties.put(SUBSCRIBER, hub.subscribe(sessionId, stream, socket, since(socket)));
    }

    static void message(Session socket, String text) {
        Subscriber subscriber = (Subscriber) socket.getUserProperties().get(SUBSCRIBER);
        if (subscriber == null) {
            return;
        }
        subscriber.heard();
        String message = text.strip();
        if ("ping".equals(message)) {
            subscriber.pong();
        } else if (message.startsWith("ack ")) {
            try {
                subscriber.acknowledge(Long.parseLong(message.substring(4).strip()));
            } catch (NumberFormatException ignored) {
                // not an acknowledgement: ignore it like any other unknown message
            }
        }
    }

    static void close(BoardHub hub, Session socket) {
        Subscriber subscriber = (Subscriber) socket.getUserProperties().get(SUBSCRIBER);
        if (subscriber != null) {
            hub.unsubscribe((String) socket.getUserProperties().get(SESSION),
                    (Stream) socket.getUserProperties().get(STREAM), subscriber);
        }
    }

    /**
     * A failure on the socket. When the database became unreachable after the handshake was let through (opening
     * the stream reads it), the socket is closed with 1013 Try Again Later: otherwise it stayed open and silent.
     */
    static void failed(BoardHub hub, Session socket, Throwable failure) {
        if (DatabaseOutages.report(failure) && socket.isOpen()) {
            try {
                socket.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "database unavailable"));
            } catch (IOException ignored) {
                // the client is gone already
            }
        }
        close(hub, socket);
    }

    static void refuse(Session socket, String reason) {
        try {
            socket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
        } catch (IOException ignored) {
            // the client is gone already
        }
    }

    /** The {@code since} the client sent: the last seq it saw, or null (none, malformed, negative): a snapshot. */
    static Long since(Session socket) {
        List<String> values = socket.getRequestParameterMap().get("since");
        if (values == null || values.isEmpty()) {
            return null;
        }
        try {
            long since = Long.parseLong(values.getFirst());
            return since < 0 ? null : since;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
