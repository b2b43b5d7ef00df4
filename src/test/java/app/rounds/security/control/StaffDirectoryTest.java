package app.rounds.security.control;

import app.rounds.platform.control.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StaffDirectoryTest {

    @Test
    void userNamesAreLowerCaseAndSimple() {
        assertEquals("j.doe-2", StaffDirectory.normalizeUsername("  J.Doe-2 "));
        for (String bad : new String[]{"", "a", "-jdoe", "j doe", "jdoe@x", null}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> StaffDirectory.normalizeUsername(bad));
            assertEquals("username", refused.fieldErrors().getFirst().field());
        }
    }

    @Test
    void widthAccentsCaseAndSpacesMakeNoOtherName() {
        for (String typed : new String[]{"rev2", "ｒｅｖ２", "rév2", "RĖV2", "rev2 ", " REV2"}) {
            assertEquals("rev2", StaffDirectory.canonicalUsername(typed), typed);
        }
        assertEquals("rev2", StaffDirectory.normalizeUsername("Rév2"), "a new user gets the same form");
    }

    @Test
    void rolesAreKnownNamesInAnyCase() {
        assertEquals(Set.of("presenter", "admin"), StaffDirectory.parseRoles(List.of("Presenter", " ADMIN ")));
        assertThrows(ProblemException.class, () -> StaffDirectory.parseRoles(List.of("presenter", "surgeon")));
        assertThrows(ProblemException.class, () -> StaffDirectory.parseRoles(List.of()));
    }

    @Test
    void passwordsNeedTwelveToOneHundredTwentyEightCharacters() {
        ProblemException tooShort = assertThrows(ProblemException.class,
                () -> PasswordHasher.checkStrength("newPassword", "x".repeat(11)));
        assertEquals("newPassword", tooShort.fieldErrors().getFirst().field());
        assertThrows(ProblemException.class, () -> PasswordHasher.checkStrength("password", null));
        assertThrows(ProblemException.class, () -> PasswordHasher.checkStrength("password", "x".repeat(129)));
        PasswordHasher.checkStrength("password", "x".repeat(12));
        PasswordHasher.checkStrength("password", "x".repeat(128));
    }
}
