package app.rounds.board.control;

/** Votes on a question changed; observed after the commit, and broadcast coalesced (one frame per tick). */
public record VotesChanged(String sessionId, String questionId) {
}
