package app.rounds.board.control;

import app.rounds.platform.control.ProblemException;
import app.rounds.security.control.Roles;
import app.rounds.security.control.StaffMember;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The role rule of the moderation stream; whether the session is the member's own is TrainingSessions' rule. */
class BoardAccessTest {

    private static StaffMember with(String... roles) {
        return new StaffMember("id", "alice", "Alice", Set.of(roles), true, Instant.EPOCH, null);
    }

    @Test
    void presentersCommunicatorsAndAdminsHaveAModeratingRole() {
        assertTrue(BoardAccess.hasModeratingRole(with(Roles.PRESENTER)));
        assertTrue(BoardAccess.hasModeratingRole(with(Roles.COMMUNICATOR)));
        assertTrue(BoardAccess.hasModeratingRole(with(Roles.ADMIN)));
    }

    @Test
    void reviewerIsRefusedTheModerationStreamWith403() {
        assertFalse(BoardAccess.hasModeratingRole(with(Roles.REVIEWER)));

        ProblemException refused = assertThrows(ProblemException.class,
                () -> new BoardAccess().checkModerator(with(Roles.REVIEWER), "s1"));

        assertEquals(ProblemException.Kind.FORBIDDEN, refused.kind());
    }

    @Test
    void socketWithoutAStaffMemberIsNoLongerStaff() {
        assertFalse(new BoardAccess().stillStaff(null, "s1"));
    }
}
