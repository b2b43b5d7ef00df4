package app.rounds.board.control;

import app.rounds.board.entity.Stream;
import app.rounds.platform.control.ClusterWide;

/**
 * A stream of a session's board has new stored events; observed after the commit that stored them, on every instance of
 * a cluster (each pulls the stored events after the last it sent).
 */
public record BoardAdvanced(String sessionId, Stream stream) implements ClusterWide {
}
