package app.rounds.board.control;

import app.rounds.board.entity.Frames;
import app.rounds.board.entity.Stream;
import app.rounds.sessions.control.SessionChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Puts a session's changes (revised, live, ended) on both of its board streams, in the transaction that made them. */
@ApplicationScoped
public class SessionUpdates {

    @Inject
    Board board;

    void onChanged(@Observes SessionChanged changed) {
        for (Stream stream : Stream.values()) {
            board.append(changed.sessionId(), stream, Frames.SESSION_UPDATED, null, changed.summary());
        }
    }
}
