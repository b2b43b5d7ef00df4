package app.rounds.board.control;

import app.rounds.board.entity.Stream;

/** A stream of a session's board has new stored events; observed after the commit that stored them. */
public record BoardAdvanced(String sessionId, Stream stream) {
}
