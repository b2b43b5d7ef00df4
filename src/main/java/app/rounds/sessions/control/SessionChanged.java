package app.rounds.sessions.control;

/** A session was revised, started or ended; fired in the transaction that changed it. */
public record SessionChanged(String sessionId, SessionSummary summary) {
}
