package app.rounds.board.control;

import java.util.Map;

/**
 * Fresh vote counts of a session's questions whose votes changed in the last tick: all of them for the moderation
 * stream, the visible ones for the public stream. At most one per session per tick, however many votes.
 */
public record VotesCounted(String sessionId, Map<String, Integer> all, Map<String, Integer> visible) {
}
