package app.rounds.media.control;

/**
 * A person pictured withdrew their consent (or it stopped covering publication): whatever publishes the item must
 * take it down. Fired inside the transaction that records the change.
 */
public record ConsentWithdrawn(String sessionId, String mediaId) {
}
