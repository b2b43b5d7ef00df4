package app.rounds.sessions.control;

import app.rounds.platform.control.ClusterWide;

/**
 * A session changed ({@link SessionChanged}): every instance of a cluster forgets the copy it remembers, after the
 * commit. Apart from SessionChanged because that one's observers also write, in the transaction, on one instance.
 */
public record SessionStale(String sessionId) implements ClusterWide {
}
