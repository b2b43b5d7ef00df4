package app.rounds.board.boundary;

import app.rounds.board.control.BoardHub;
import app.rounds.board.entity.Stream;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/** The moderation stream of a session, for its staff: every contribution with its screening findings. */
@ServerEndpoint("/ws/moderation/{sessionId}")
public class ModerationBoardSocket {

    @Inject
    BoardHub hub;

    @OnOpen
    public void open(Session socket, @PathParam("sessionId") String sessionId) {
        BoardSockets.open(hub, socket, sessionId, Stream.MODERATION);
    }

    @OnMessage(maxMessageSize = BoardSockets.MAX_CLIENT_MESSAGE)
    public void message(Session socket, String text) {
        BoardSockets.message(socket, text);
    }

    @OnClose
    public void close(Session socket) {
        BoardSockets.close(hub, socket);
    }

    @OnError
    public void error(Session socket, Throwable failure) {
        BoardSockets.failed(hub, socket, failure);
    }
}
