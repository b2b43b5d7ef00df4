package app.rounds.media.control;

/**
 * A photo or video may no longer be shown: a person pictured withdrew consent (or it stopped covering publication),
 * its alt text was removed, or it left the library. Whatever publishes it must take it down. Fired inside the
 * transaction that records the change.
 */
public record MediaWithdrawn(String sessionId, String mediaId, String reason) {
}
