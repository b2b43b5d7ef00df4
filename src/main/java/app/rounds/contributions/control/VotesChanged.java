package app.rounds.contributions.control;

/** A participant voted or took a vote back; observed after the commit, and counted at the next tick. */
public record VotesChanged(String sessionId, String questionId) {
}
