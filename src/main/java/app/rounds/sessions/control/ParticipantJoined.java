package app.rounds.sessions.control;

/** A trainee joined the session; fired in the transaction that stored them. */
public record ParticipantJoined(String sessionId) {
}
