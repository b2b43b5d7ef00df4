package app.rounds.sessions.control;

/**
 * A trainee no longer agrees to be quoted by name: whatever publishes their words under it must take them down.
 * Fired inside the transaction that records it.
 */
public record QuotingWithdrawn(String sessionId, String participantId) {
}
