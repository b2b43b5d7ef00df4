package app.rounds.contributions.control;

/**
 * A question or feedback may no longer be shown as it was: deleted or edited at its source, changed by its author, or
 * hidden by a moderator. Whatever publishes it must take it down. Fired inside the transaction that records it.
 */
public record ContributionRetracted(String sessionId, String contributionId, String reason) {
}
