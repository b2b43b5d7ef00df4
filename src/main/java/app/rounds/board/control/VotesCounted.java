package app.rounds.board.control;

import app.rounds.board.entity.Stream;
import app.rounds.platform.control.ClusterWide;

import java.util.Map;

/**
 * Fresh vote counts of a session's questions whose votes changed in the last tick: all of them for the moderation
 * stream, the visible ones for the public stream. At most one per session per tick, however many votes.
 */
public record VotesCounted(String sessionId, Map<String, Integer> all, Map<String, Integer> visible)
        implements ClusterWide {

    /** The counts a stream may carry: all on the moderation stream, the visible questions' on the public one. */
    public Map<String, Integer> countsFor(Stream stream) {
        return switch (stream) {
            case MODERATION -> all;
            case PUBLIC -> visible;
        };
    }
}
