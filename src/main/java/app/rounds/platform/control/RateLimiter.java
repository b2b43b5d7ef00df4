package app.rounds.platform.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket per client key (an address, an address plus a user name): {@code capacity} attempts, refilled
 * gradually over {@code period}. An attempt takes its token before the work it guards (checking a password, looking
 * up a code), so parallel requests cannot all slip through while the first ones are still being checked; an attempt
 * that turns out fine may {@link #refund} it. Buckets live in a bounded cache, so a flood of distinct keys cannot
 * exhaust memory; an evicted key starts again with a full bucket. Refills follow the given clock (tests move it).
 */
public class RateLimiter {

    private final String what;
    private final long capacity;
    private final Duration period;
    private final Cache<String, Bucket> buckets;
    private final TimeMeter time;

    public RateLimiter(String what, long capacity, Duration period) {
        this(what, capacity, period, Clock.systemUTC());
    }

    public RateLimiter(String what, long capacity, Duration period, Clock clock) {
        this.what = what;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.capacity = capacity;
        this.period = period;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(period.multipliedBy(2))
                .build();
    }

    /** Takes one attempt, refusing with 429 (and when to retry) when none is left. */
    public void acquire(String key) {
        ConsumptionProbe probe = bucketOf(key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw refusal(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private ProblemException refusal(Duration retryAfter) {
        return ProblemException.tooManyRequests("Too many " + what + "; try again in "
                + Math.max(1, retryAfter.toSeconds()) + " s.", retryAfter);
    }

    /**
     * Refuses with 429 when no attempt is left, taking none: for limits on failures only ({@link #tryAcquire} records
     * one), where a burst of right answers must never be refused. Parallel wrong guesses can overshoot the limit by
     * the number in flight, which is fine where a guess has a chance of one in billions.
     */
    public void checkAvailable(String key) {
        var probe = bucketOf(key).estimateAbilityToConsume(1);
        if (!probe.canBeConsumed()) {
            throw refusal(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Takes one attempt if one is left. */
    public boolean tryAcquire(String key) {
        return bucketOf(key).tryConsume(1);
    }

    /** Gives back an attempt that turned out not to count (a right password, a known code). */
    public void refund(String key) {
        bucketOf(key).addTokens(1);
    }

    private Bucket bucketOf(String key) {
        return buckets.get(key, k -> Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build());
    }
}
