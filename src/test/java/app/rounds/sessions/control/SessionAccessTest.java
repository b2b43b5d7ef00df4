package app.rounds.sessions.control;

import app.rounds.security.control.Roles;
import app.rounds.security.control.StaffMember;
import app.rounds.sessions.control.SessionAccess.Relation;
import app.rounds.sessions.entity.TeamRole;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static app.rounds.sessions.control.SessionPart.BOARD;
import static app.rounds.sessions.control.SessionPart.HIGHLIGHTS;
import static app.rounds.sessions.control.SessionPart.MANAGE;
import static app.rounds.sessions.control.SessionPart.MEDIA;
import static app.rounds.sessions.control.SessionPart.SEE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session-staff policy: which parts of a session each kind of staff member may use, and the words of a refusal. */
class SessionAccessTest {

    private static StaffMember staff(String... roles) {
        return new StaffMember("id-1", "alice", "Alice Doe", Set.of(roles), true, Instant.EPOCH, null);
    }

    private static StaffMember disabled(String... roles) {
        return new StaffMember("id-1", "alice", "Alice Doe", Set.of(roles), false, Instant.EPOCH, null);
    }

    private static Set<SessionPart> parts(StaffMember member, boolean owner, TeamRole role) {
        return SessionAccess.of(member, owner, role).parts();
    }

    @Test
    void anAdminMayUseEveryPartOfAnySession() {
        assertEquals(EnumSet.allOf(SessionPart.class), parts(staff(Roles.ADMIN), false, null));
        assertEquals(Relation.ADMIN, SessionAccess.of(staff(Roles.ADMIN), false, null).relation());
    }

    @Test
    void theOwnerMayUseEverythingButHighlightsUnlessACommunicator() {
        assertEquals(EnumSet.of(SEE, BOARD, MEDIA, MANAGE), parts(staff(Roles.PRESENTER), true, null));
        assertEquals(EnumSet.of(SEE, BOARD, MEDIA, MANAGE, HIGHLIGHTS), parts(staff(Roles.COMMUNICATOR), true, null));
    }

    @Test
    void aCoPresenterRunsTheBoardOnly() {
        assertEquals(EnumSet.of(SEE, BOARD), parts(staff(Roles.PRESENTER), false, TeamRole.CO_PRESENTER));
        assertEquals(EnumSet.of(SEE, BOARD),
                parts(staff(Roles.PRESENTER, Roles.COMMUNICATOR), false, TeamRole.CO_PRESENTER));
    }

    @Test
    void aCommunicatorKeepsMediaAndMakesHighlightsButDoesNotRunTheBoard() {
        assertEquals(EnumSet.of(SEE, MEDIA, HIGHLIGHTS), parts(staff(Roles.COMMUNICATOR), false, TeamRole.COMMUNICATOR));
    }

    @Test
    void someoneOffTheTeamMayUseNothing() {
        assertEquals(Set.of(), parts(staff(Roles.PRESENTER), false, null));
        assertEquals(Set.of(), parts(staff(Roles.COMMUNICATOR), false, null));
        assertEquals(Relation.NONE, SessionAccess.of(staff(Roles.PRESENTER), false, null).relation());
    }

    @Test
    void aLostRoleOrADisabledAccountTakesEverythingAway() {
        assertEquals(Set.of(), parts(staff(Roles.REVIEWER), true, null), "owner who is only a reviewer now");
        assertEquals(Set.of(), parts(staff(Roles.REVIEWER), false, TeamRole.CO_PRESENTER));
        assertEquals(Set.of(), parts(disabled(Roles.PRESENTER), true, null));
        assertEquals(Set.of(), parts(disabled(Roles.ADMIN), false, null));
    }

    @Test
    void aRefusalSaysWhoCanGrantWhat() {
        SessionAccess stranger = SessionAccess.of(staff(Roles.COMMUNICATOR), false, null);
        assertEquals("You are not on the team of “Sepsis drill”: ask its owner, Bob Smith, or an admin to add you "
                + "as a communicator.", stranger.refusal(MEDIA, "Sepsis drill", "Bob Smith"));
        assertEquals("You are not on the team of “Sepsis drill”: ask its owner, Bob Smith, or an admin to add you "
                + "as a co-presenter.", stranger.refusal(BOARD, "Sepsis drill", "Bob Smith"));

        SessionAccess communicator = SessionAccess.of(staff(Roles.COMMUNICATOR), false, TeamRole.COMMUNICATOR);
        assertEquals("As a communicator of “Sepsis drill” you may not use the live board: ask its owner, Bob Smith, "
                + "or an admin to make you a co-presenter.", communicator.refusal(BOARD, "Sepsis drill", "Bob Smith"));
        assertEquals("Only the owner of “Sepsis drill”, Bob Smith, or an admin may change its details and its team.",
                communicator.refusal(MANAGE, "Sepsis drill", "Bob Smith"));

        SessionAccess presenterOwner = SessionAccess.of(staff(Roles.PRESENTER), true, null);
        assertEquals("Highlights are made by communicators: add a communicator to the team of “Sepsis drill”, or ask "
                + "an admin for the communicator role.", presenterOwner.refusal(HIGHLIGHTS, "Sepsis drill", "Bob Smith"));

        SessionAccess reviewer = SessionAccess.of(staff(Roles.REVIEWER), false, TeamRole.COMMUNICATOR);
        assertTrue(reviewer.refusal(MEDIA, "Sepsis drill", "Bob Smith").contains("ask an admin"));
    }

    @Test
    void coPresentersArePresentersAndCommunicatorsCommunicators() {
        assertEquals(Optional.empty(), SessionAccess.cannotTake(staff(Roles.PRESENTER), TeamRole.CO_PRESENTER));
        assertEquals(Optional.empty(), SessionAccess.cannotTake(staff(Roles.COMMUNICATOR), TeamRole.COMMUNICATOR));
        assertEquals(Optional.empty(), SessionAccess.cannotTake(staff(Roles.ADMIN), TeamRole.COMMUNICATOR));
        assertEquals(Optional.of("Alice Doe is not a communicator: an admin can give them the communicator role on the "
                + "Users page."), SessionAccess.cannotTake(staff(Roles.PRESENTER), TeamRole.COMMUNICATOR));
        assertFalse(SessionAccess.cannotTake(staff(Roles.REVIEWER), TeamRole.CO_PRESENTER).isEmpty());
        assertEquals(Optional.of("Alice Doe's account is disabled."),
                SessionAccess.cannotTake(disabled(Roles.PRESENTER), TeamRole.CO_PRESENTER));
    }

    @Test
    void onlyALossOfRoleOrARemovalWithdrawsAccess() {
        assertFalse(new TeamChanged("s", "bob", null, TeamRole.COMMUNICATOR).withdrawsAccess());
        assertFalse(new TeamChanged("s", "bob", TeamRole.COMMUNICATOR, TeamRole.COMMUNICATOR).withdrawsAccess());
        assertTrue(new TeamChanged("s", "bob", TeamRole.CO_PRESENTER, TeamRole.COMMUNICATOR).withdrawsAccess());
        assertTrue(new TeamChanged("s", "bob", TeamRole.CO_PRESENTER, null).withdrawsAccess());
    }
}
