package app.rounds.platform.control;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    @Test
    void refusesOnceTheAttemptsAreUsedAndSaysWhenToRetry() {
        RateLimiter limiter = new RateLimiter("attempts", 3, Duration.ofMinutes(1), Clock.systemUTC(),
                new SharedBuckets());
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a");
        }
        ProblemException refused = assertThrows(ProblemException.class, () -> limiter.acquire("a"));
        assertEquals(ProblemException.Kind.TOO_MANY_REQUESTS, refused.kind());
        assertTrue(refused.retryAfter().compareTo(Duration.ZERO) > 0);
        assertTrue(refused.retryAfter().compareTo(Duration.ofSeconds(21)) < 0, "one attempt refills in 20 s");
    }

    @Test
    void attemptsCountOnlyForTheirKeyAndRefundedOnesDoNotCount() {
        RateLimiter limiter = new RateLimiter("attempts", 2, Duration.ofMinutes(1), Clock.systemUTC(),
                new SharedBuckets());
        assertTrue(limiter.tryAcquire("a"));
        limiter.refund("a");
        assertTrue(limiter.tryAcquire("a"));
        assertTrue(limiter.tryAcquire("a"));
        assertFalse(limiter.tryAcquire("a"));
        assertTrue(limiter.tryAcquire("b"));
    }

    @Test
    void refundsNeverRaiseTheCapacity() {
        RateLimiter limiter = new RateLimiter("attempts", 1, Duration.ofMinutes(1), Clock.systemUTC(),
                new SharedBuckets());
        limiter.refund("a");
        limiter.refund("a");
        assertTrue(limiter.tryAcquire("a"));
        assertFalse(limiter.tryAcquire("a"));
    }
}
