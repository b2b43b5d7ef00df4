package app.rounds.contributions.control;

/** A participant answered a poll (or changed their answer): its results are counted at the next tick. */
public record PollAnswered(String sessionId, String pollId) {
}
