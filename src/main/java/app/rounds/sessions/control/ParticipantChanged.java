package app.rounds.sessions.control;

import app.rounds.platform.control.ClusterWide;

/**
 * What a participant agreed to changed; fired in the transaction that changed it, and heard by every instance of a
 * cluster, so that none goes on using a remembered copy (a withdrawn consent to be quoted by name).
 */
public record ParticipantChanged(String tokenHash) implements ClusterWide {
}
