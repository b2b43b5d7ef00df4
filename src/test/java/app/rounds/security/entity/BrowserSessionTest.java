package app.rounds.security.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrowserSessionTest {

    private static final Instant LOGIN = Instant.parse("2026-12-07T08:00:00Z");
    private static final Duration IDLE = Duration.ofHours(4);

    private final StaffUser user = new StaffUser("ward7.lead", "Ward 7 lead", "hash", List.of("PRESENTER"),
            LOGIN.minus(Duration.ofDays(30)));
    private final BrowserSession session = new BrowserSession("token-hash", user, "csrf", LOGIN);

    @Test
    void lastsUntilItHasNotBeenUsedForTheIdleTimeout() {
        assertTrue(session.validAt(LOGIN.plus(IDLE).minusSeconds(1), IDLE));
        assertFalse(session.validAt(LOGIN.plus(IDLE), IDLE));
    }

    @Test
    void endsWhenTheAccountIsDisabled() {
        user.enable(false);
        assertFalse(session.validAt(LOGIN.plusSeconds(60), IDLE));
    }

    @Test
    void endsWhenThePasswordChangesAfterItStarted() {
        user.changePasswordHash("new hash", LOGIN);
        assertTrue(session.validAt(LOGIN.plusSeconds(60), IDLE), "a session started as the password changed stands");
        user.changePasswordHash("newer hash", LOGIN.plusSeconds(30));
        assertFalse(session.validAt(LOGIN.plusSeconds(60), IDLE));
    }
}
