package app.rounds.security.control;

import app.rounds.platform.control.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    private static final String ADDRESS = "10.1.2.3";

    static Optional<String> wrongPassword() {
        return Optional.empty();
    }

    @Test
    void tenWrongPasswordsForANameAreCheckedThenTheNameIsRefused() {
        LoginThrottle throttle = new LoginThrottle();
        for (int guess = 0; guess < 10; guess++) {
            assertTrue(throttle.check(ADDRESS, "rev2", LoginThrottleTest::wrongPassword).isEmpty());
        }
        ProblemException refused = assertThrows(ProblemException.class,
                () -> throttle.check(ADDRESS, "rev2", LoginThrottleTest::wrongPassword));
        assertEquals(ProblemException.Kind.TOO_MANY_REQUESTS, refused.kind());
    }

    @Test
    void theSameNameWrittenWiderWithAccentsOrSpacesGetsNoFurtherGuesses() {
        LoginThrottle throttle = new LoginThrottle();
        for (int guess = 0; guess < 10; guess++) {
            throttle.check(ADDRESS, "rev2", LoginThrottleTest::wrongPassword);
        }
        for (String sameName : new String[]{"ｒｅｖ２", "rév2", "RĖV2", "rev2 "}) {
            assertThrows(ProblemException.class, () -> throttle.check(ADDRESS, sameName,
                    LoginThrottleTest::wrongPassword), sameName);
        }
    }

    @Test
    void aRightPasswordUsesNoneOfTheGuesses() {
        LoginThrottle throttle = new LoginThrottle();
        for (int login = 0; login < 50; login++) {
            assertEquals(Optional.of("rev2"), throttle.check(ADDRESS, "rev2", () -> Optional.of("rev2")));
        }
        for (int guess = 0; guess < 10; guess++) {
            throttle.check(ADDRESS, "rev2", LoginThrottleTest::wrongPassword);
        }
    }
}
