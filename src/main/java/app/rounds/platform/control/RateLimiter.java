package app.rounds.platform.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import java.time.Duration;

/**
 * A token bucket per client key (an address, an address plus a user name): {@code capacity} attempts, refilled
 * gradually over {@code period}. Buckets live in a bounded cache, so a flood of distinct keys cannot exhaust memory;
 * an evicted key starts again with a full bucket, which only ever errs on the side of the client.
 */
public class RateLimiter {

    private final String what;
    private final long capacity;
    private final Duration period;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(String what, long capacity, Duration period) {
        this.what = what;
        this.capacity = capacity;
        this.period = period;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(period.multipliedBy(2))
                .build();
    }

    /** Refuses with 429 when the key has used up its attempts; takes none. */
    public void checkNotExhausted(String key) {
        if (exhausted(key)) {
            throw refusal(Duration.ofNanos(bucketOf(key).estimateAbilityToConsume(1).getNanosToWaitForRefill()));
        }
    }

    public boolean exhausted(String key) {
        return !bucketOf(key).estimateAbilityToConsume(1).canBeConsumed();
    }

    /** Takes one attempt, refusing with 429 when none is left. */
    public void consume(String key) {
        var probe = bucketOf(key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw refusal(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Records a failed attempt without refusing this one (the next check will). */
    public void recordFailure(String key) {
        bucketOf(key).tryConsume(1);
    }

    private Bucket bucketOf(String key) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build());
    }

    private ProblemException refusal(Duration retryAfter) {
        return ProblemException.tooManyRequests("Too many " + what + "; try again in "
                + Math.max(1, retryAfter.toSeconds()) + " s.", retryAfter);
    }
}
