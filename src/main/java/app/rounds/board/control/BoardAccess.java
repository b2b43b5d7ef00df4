package app.rounds.board.control;

import app.rounds.platform.control.ProblemException;
import app.rounds.security.control.Roles;
import app.rounds.security.control.StaffDirectory;
import app.rounds.security.control.StaffMember;
import app.rounds.sessions.control.TrainingSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Who may watch a session's moderation stream: a presenter, communicator or admin who owns the session, or an admin.
 * Checked at the handshake and again on every heartbeat, so a disabled account or a lost role stops the stream.
 */
@ApplicationScoped
public class BoardAccess {

    @Inject
    TrainingSessions sessions;

    @Inject
    StaffDirectory directory;

    /** Refuses with 403 (problem) unless the member may moderate the session. */
    public void checkModerator(StaffMember member, String sessionId) {
        if (!hasModeratingRole(member)) {
            throw ProblemException.forbidden("The moderation stream is for presenters, communicators and admins.");
        }
        sessions.session(sessionId, member);
    }

    /** Presenters, communicators and admins may moderate (a session of their own, unless admin); reviewers may not. */
    static boolean hasModeratingRole(StaffMember member) {
        return member.hasRole(Roles.PRESENTER) || member.hasRole(Roles.COMMUNICATOR) || member.admin();
    }

    /** In a transaction of its own: the heartbeat asks from the hub's threads, where only a transaction gives JPA a context. */
    @Transactional
    public boolean stillStaff(String username, String sessionId) {
        if (username == null) {
            return false;
        }
        try {
            checkModerator(directory.findEnabled(username).orElseThrow(
                    () -> ProblemException.unauthenticated("disabled")), sessionId);
            return true;
        } catch (ProblemException refused) {
            return false;
        }
    }
}
