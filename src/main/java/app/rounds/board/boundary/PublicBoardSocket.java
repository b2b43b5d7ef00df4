package app.rounds.board.boundary;

import app.rounds.board.control.BoardHub;
import app.rounds.board.entity.Stream;
import app.rounds.sessions.control.TrainingSessions;
import app.rounds.sessions.entity.JoinCode;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/** The public stream of a session, by its join code, for trainees and the projector: approved questions only. */
@ServerEndpoint("/ws/public/{code}")
public class PublicBoardSocket {

    @Inject
    BoardHub hub;

    @Inject
    TrainingSessions sessions;

    @OnOpen
    public void open(Session socket, @PathParam("code") String code) {
        var session = JoinCode.parse(code).flatMap(sessions::findByJoinCode);
        if (session.isEmpty()) {
            BoardSockets.refuse(socket, "unknown join code");
            return;
        }
        BoardSockets.open(hub, socket, session.get().id(), Stream.PUBLIC);
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
