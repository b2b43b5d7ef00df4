package app.rounds.security.control;

import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.SharedBuckets;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The throttle with the production defaults of microprofile-config.properties, unless a test says otherwise. */
class LoginThrottleTest {

    private static final String ADDRESS = "10.1.2.3";
    private static final Optional<String> UNTRUSTED = Optional.empty();

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = withDefaults(clock);

    static Optional<String> wrongPassword() {
        return Optional.empty();
    }

    static Optional<String> rightPassword() {
        return Optional.of("rev2");
    }

    private static Optional<String> guess(LoginThrottle throttle, String address, String name, Optional<String> device) {
        return throttle.check(address, name, device, LoginThrottleTest::wrongPassword);
    }

    private static void assertRefused(Runnable attempt) {
        ProblemException refused = assertThrows(ProblemException.class, attempt::run);
        assertEquals(ProblemException.Kind.TOO_MANY_REQUESTS, refused.kind());
        assertTrue(refused.retryAfter().isPositive(), "says when to try again");
    }

    @Test
    void tenWrongPasswordsForANameAreCheckedThenTheNameIsRefused() {
        for (int guess = 0; guess < 10; guess++) {
            assertTrue(guess(throttle, ADDRESS, "rev2", UNTRUSTED).isEmpty());
        }
        assertRefused(() -> guess(throttle, ADDRESS, "rev2", UNTRUSTED));
        assertRefused(() -> throttle.check(ADDRESS, "rev2", UNTRUSTED, LoginThrottleTest::rightPassword));
    }

    @Test
    void guessesComeBackGraduallyOverTheWindow() {
        for (int guess = 0; guess < 10; guess++) {
            guess(throttle, ADDRESS, "rev2", UNTRUSTED);
        }
        ProblemException refused = assertThrows(ProblemException.class, () -> guess(throttle, ADDRESS, "rev2", UNTRUSTED));
        assertEquals(Duration.ofSeconds(30), refused.retryAfter(), "10 per 5 minutes: one every 30 s");
        clock.move(Duration.ofSeconds(30));
        assertTrue(guess(throttle, ADDRESS, "rev2", UNTRUSTED).isEmpty());
        assertRefused(() -> guess(throttle, ADDRESS, "rev2", UNTRUSTED));
        clock.move(Duration.ofMinutes(5));
        for (int guess = 0; guess < 10; guess++) {
            assertTrue(guess(throttle, ADDRESS, "rev2", UNTRUSTED).isEmpty());
        }
    }

    @Test
    void theSameNameWrittenWiderWithAccentsOrSpacesGetsNoFurtherGuesses() {
        for (int guess = 0; guess < 10; guess++) {
            guess(throttle, ADDRESS, "rev2", UNTRUSTED);
        }
        for (String sameName : new String[]{"ｒｅｖ２", "rév2", "RĖV2", "rev2 "}) {
            assertThrows(ProblemException.class, () -> guess(throttle, ADDRESS, sameName, UNTRUSTED), sameName);
        }
    }

    @Test
    void aRightPasswordUsesNoneOfTheGuesses() {
        for (int login = 0; login < 50; login++) {
            assertEquals(Optional.of("rev2"), throttle.check(ADDRESS, "rev2", UNTRUSTED, LoginThrottleTest::rightPassword));
            assertEquals(Optional.of("rev2"), throttle.check(ADDRESS, "rev2", Optional.of("phone"),
                    LoginThrottleTest::rightPassword));
        }
        for (int guess = 0; guess < 10; guess++) {
            guess(throttle, ADDRESS, "rev2", UNTRUSTED);
            guess(throttle, ADDRESS, "rev2", Optional.of("phone"));
        }
    }

    @Test
    void aColleagueOnADeviceTheyUsedBeforeIsNotLockedOutByGuessesFromTheSameAddress() {
        int names = 0;
        while (names < 1_000 && !refused(freshGuess(ADDRESS, "name-" + names))) {
            for (int guess = 1; guess < 10; guess++) {
                guessIfAllowed(ADDRESS, "name-" + names);
            }
            names++;
        }
        assertEquals(30, names, "300 guesses from one address, 10 at each name");
        assertRefused(() -> guess(throttle, ADDRESS, "another-fresh-name", UNTRUSTED));
        for (int guess = 0; guess < 10; guess++) {
            guessIfAllowed(ADDRESS, "rev2");
        }

        assertEquals(Optional.of("rev2"), throttle.check(ADDRESS, "rev2", Optional.of("ward-pc"),
                LoginThrottleTest::rightPassword));
        assertTrue(guess(throttle, ADDRESS, "rev2", Optional.of("ward-pc")).isEmpty(),
                "a guess with the device's cookie is checked, and counted on the device");
        assertRefused(() -> throttle.check(ADDRESS, "rev2", UNTRUSTED, LoginThrottleTest::rightPassword));
    }

    @Test
    void guessesAtOneAccountFromManyAddressesAreLimitedAcrossThemButItsDevicesStillLogIn() {
        int checked = 0;
        for (int address = 1; address <= 5; address++) {
            for (int guess = 0; guess < 10; guess++) {
                checked += refused(freshGuess("10.9.1." + address, "rev2")) ? 0 : 1;
            }
        }
        assertEquals(20, checked, "20 guesses at one account in all, from however many addresses");
        assertRefused(() -> throttle.check("10.9.2.1", "rev2", UNTRUSTED, LoginThrottleTest::rightPassword));
        assertEquals(Optional.of("rev2"), throttle.check("10.9.2.1", "rev2", Optional.of("phone"),
                LoginThrottleTest::rightPassword));
        assertTrue(guess(throttle, "10.9.2.1", "someone-else", UNTRUSTED).isEmpty(),
                "other names from those addresses are still checked");
    }

    @Test
    void aDevicesOwnFailuresEndItsTrustButLockOutNoOtherDevice() {
        for (int guess = 0; guess < 10; guess++) { // a stolen phone, used from ever new addresses
            assertTrue(guess(throttle, "10.9.3." + guess, "rev2", Optional.of("stolen-phone")).isEmpty());
        }
        for (int guess = 0; guess < 10; guess++) { // its cookie now counts for nothing: the untrusted limits
            assertTrue(guess(throttle, "10.9.4.1", "rev2", Optional.of("stolen-phone")).isEmpty());
        }
        assertRefused(() -> throttle.check("10.9.4.1", "rev2", Optional.of("stolen-phone"),
                LoginThrottleTest::rightPassword));
        assertEquals(Optional.of("rev2"), throttle.check(ADDRESS, "rev2", Optional.of("ward-pc"),
                LoginThrottleTest::rightPassword));
        assertEquals(Optional.of("rev2"), throttle.check(ADDRESS, "rev2", UNTRUSTED, LoginThrottleTest::rightPassword),
                "the phone's first 10 failures were its own, not the account's");
    }

    @Test
    void aDeviceIdCountsOnlyForItsOwnUser() {
        for (int guess = 0; guess < 10; guess++) {
            guess(throttle, ADDRESS, "rev2", Optional.of("shared-pc"));
        }
        assertEquals(Optional.of("rev2"), throttle.check(ADDRESS, "nurse7", Optional.of("shared-pc"),
                LoginThrottleTest::rightPassword));
    }

    @Test
    void aHospitalBehindOneAddressMayMistypeOften() {
        for (int colleague = 0; colleague < 100; colleague++) {
            String name = "colleague-" + colleague;
            guess(throttle, ADDRESS, name, UNTRUSTED);
            guess(throttle, ADDRESS, name, UNTRUSTED);
            assertTrue(throttle.check(ADDRESS, name, UNTRUSTED, () -> Optional.of(name)).isPresent(), name);
        }
    }

    @Test
    void aRefusedAttemptTakesNothingFromTheOtherLimits() {
        LoginThrottle smallNetwork = new LoginThrottle(10, 10, 20, 15, Duration.ofMinutes(5), clock,
                new SharedBuckets());
        for (int guess = 0; guess < 10; guess++) {
            guess(smallNetwork, ADDRESS, "rev2", UNTRUSTED);
        }
        for (int refused = 0; refused < 20; refused++) {
            assertRefused(() -> guess(smallNetwork, ADDRESS, "rev2", UNTRUSTED));
        }
        for (int guess = 0; guess < 5; guess++) {
            assertTrue(guess(smallNetwork, ADDRESS, "nurse7", UNTRUSTED).isEmpty(), "the address has 5 guesses left");
        }
        assertRefused(() -> guess(smallNetwork, ADDRESS, "nurse8", UNTRUSTED));
    }

    private void guessIfAllowed(String address, String name) {
        refused(freshGuess(address, name));
    }

    private Runnable freshGuess(String address, String name) {
        return () -> guess(throttle, address, name, UNTRUSTED);
    }

    private static boolean refused(Runnable attempt) {
        try {
            attempt.run();
            return false;
        } catch (ProblemException tooMany) {
            assertEquals(ProblemException.Kind.TOO_MANY_REQUESTS, tooMany.kind());
            return true;
        }
    }

    /** The throttle as configured by default (src/main/resources/META-INF/microprofile-config.properties). */
    static LoginThrottle withDefaults(Clock clock) {
        Properties defaults = new Properties();
        try (InputStream in = LoginThrottleTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LoginThrottle(
                Integer.parseInt(defaults.getProperty("rounds.auth.login.failures-per-device")),
                Integer.parseInt(defaults.getProperty("rounds.auth.login.failures-per-account-and-address")),
                Integer.parseInt(defaults.getProperty("rounds.auth.login.failures-per-account")),
                Integer.parseInt(defaults.getProperty("rounds.auth.login.failures-per-address")),
                Duration.parse(defaults.getProperty("rounds.auth.login.failure-window")), clock, new SharedBuckets());
    }

    /** Time that stands still unless a test moves it. */
    static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-12-05T10:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
