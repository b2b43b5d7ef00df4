package app.rounds.sessions.entity;

/** SCHEDULED → LIVE → ENDED; a session may also end without going live. Nothing leaves ENDED. */
public enum SessionStatus {
    SCHEDULED, LIVE, ENDED;

    public boolean canBecome(SessionStatus next) {
        return switch (this) {
            case SCHEDULED -> next == LIVE || next == ENDED;
            case LIVE -> next == ENDED;
            case ENDED -> false;
        };
    }
}
