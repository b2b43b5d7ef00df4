package app.rounds.board.control;

import app.rounds.security.control.StaffMember;
import app.rounds.sessions.control.SessionPart;
import app.rounds.sessions.control.SessionStaff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who may watch a session's moderation stream: whoever the session-staff policy lets run its board (owner,
 * co-presenters, admins). Checked at the handshake, again on every heartbeat and at once when the session's team
 * changes, so a disabled account, a lost role or a removal from the team stops the stream.
 */
@ApplicationScoped
public class BoardAccess {

    @Inject
    SessionStaff staff;

    /** Refuses with 403 (problem, saying who can grant access) unless the member may run the session's board. */
    public void checkModerator(StaffMember member, String sessionId) {
        staff.require(member, sessionId, SessionPart.BOARD);
    }

    /** Whether the enabled user of that name may still run the board; asked from the hub's threads. */
    public boolean stillStaff(String username, String sessionId) {
        return staff.stillAllowed(username, sessionId, SessionPart.BOARD);
    }
}
