package app.rounds.board.boundary;

import app.rounds.board.control.FakeSocket;
import app.rounds.board.control.Subscriber;
import app.rounds.board.entity.Frames;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.Test;

import java.sql.SQLNonTransientConnectionException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What clients may say on a board socket, and the {@code since} they reconnect with. */
class BoardSocketsTest {

    private final FakeSocket socket = new FakeSocket();

    private Long sinceOf(String... values) {
        socket.requestParameters.put("since", List.of(values));
        return BoardSockets.since(socket);
    }

    @Test
    void clientWithoutSinceAsksForASnapshot() {
        assertNull(BoardSockets.since(socket));
        assertNull(sinceOf());
    }

    @Test
    void sinceIsTheLastSeqTheClientSaw() {
        assertEquals(0L, sinceOf("0"));
        assertEquals(42L, sinceOf("42"));
    }

    @Test
    void negativeOrMalformedSinceAsksForASnapshot() {
        assertNull(sinceOf("-1"));
        assertNull(sinceOf("forty-two"));
        assertNull(sinceOf(""));
    }

    private Subscriber subscribed(int maxInFlight) {
        socket.completeInline = true;
        Subscriber subscriber = new Subscriber(socket, maxInFlight, Runnable::run);
        socket.getUserProperties().put(BoardSockets.SUBSCRIBER, subscriber);
        return subscriber;
    }

    @Test
    void aSocketWhoseStreamCannotReachTheDatabaseIsClosedWithTryAgainLater() {
        BoardSockets.failed(null, socket, new IllegalStateException("opening the stream failed",
                new SQLNonTransientConnectionException("Socket fail to connect to db:3306. Connection refused")));

        assertEquals(List.of(CloseReason.CloseCodes.TRY_AGAIN_LATER),
                socket.closes.stream().map(CloseReason::getCloseCode).toList());
    }

    @Test
    void otherFailuresLeaveTheSocketToTheContainer() {
        BoardSockets.failed(null, socket, new IllegalStateException("a bug"));

        assertEquals(List.of(), socket.closes);
    }

    @Test
    void pingIsAnsweredWithAPong() {
        subscribed(10);

        BoardSockets.message(socket, " ping\n");

        assertEquals(List.of(Frames.frame(0, Frames.PONG, "{}")), socket.sent);
    }

    @Test
    void acknowledgementFreesRoomForMoreFrames() {
        Subscriber subscriber = subscribed(2);
        subscriber.pong();
        subscriber.pong();

        BoardSockets.message(socket, "ack 2");
        subscriber.pong();
        subscriber.pong();

        assertEquals(4, socket.sent.size());
        assertEquals(List.of(), socket.closes);
    }

    @Test
    void malformedAcknowledgementIsIgnored() {
        Subscriber subscriber = subscribed(2);
        subscriber.pong();
        subscriber.pong();

        BoardSockets.message(socket, "ack lots");
        subscriber.pong();

        assertEquals(List.of(1013), socket.closes.stream().map(r -> r.getCloseCode().getCode()).toList());
    }

    @Test
    void messageBeforeTheClientIsSubscribedIsIgnored() {
        BoardSockets.message(socket, "ping");

        assertEquals(List.of(), socket.sent);
    }
}
