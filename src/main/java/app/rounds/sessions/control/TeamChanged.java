package app.rounds.sessions.control;

import app.rounds.sessions.entity.TeamRole;

/**
 * A staff member's role on a session's team changed: added ({@code before} null), moved to another role, or removed
 * ({@code after} null). Fired in the transaction that did it; observers after its commit take away at once what the
 * member may no longer use (their open moderation streams).
 */
public record TeamChanged(String sessionId, String username, TeamRole before, TeamRole after) {

    /** Whether the member may have lost something they could use. */
    public boolean withdrawsAccess() {
        return before != null && before != after;
    }
}
