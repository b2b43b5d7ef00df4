package app.rounds.sessions.control;

/** What a participant agreed to changed; fired in the transaction that changed it. */
public record ParticipantChanged(String tokenHash) {
}
