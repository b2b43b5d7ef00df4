package app.rounds.platform.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A token bucket per client key (an address, an address plus a user name): {@code capacity} attempts, refilled
 * gradually over {@code period}. An attempt takes its token before the work it guards (checking a password, looking
 * up a code), so parallel requests cannot all slip through while the first ones are still being checked; an attempt
 * that turns out fine may {@link #refund} it. Buckets live in a bounded cache, so a flood of distinct keys cannot
 * exhaust memory; an evicted key starts again with a full bucket. Refills follow the given clock (tests move it).
 * <p>
 * In a cluster the buckets are {@link SharedBuckets} on the data grid, so the limit holds across instances; should
 * the grid fail to answer within 2 s (a frozen member), this instance counts alone for the next 5 s (then asks
 * again), rather than keep or refuse everybody. (0.5 s was too short: a busy machine's grid calls took longer, and
 * the limit leaked.)
 */
public class RateLimiter {

    private static final RepeatedLog GRID_FAILURES = new RepeatedLog(Logger.getLogger(RateLimiter.class.getName()));
    private static final Duration GRID_TIMEOUT = Duration.ofSeconds(2);
    /** After the grid failed to answer, how long every limit counts alone before asking it again. */
    private static final Duration GRID_PAUSE = Duration.ofSeconds(5);
    /** When the grid last failed to answer (System.nanoTime()), for every limiter of this instance. */
    private static volatile long gridFailedAt = System.nanoTime() - GRID_PAUSE.toNanos() - 1;
    /**
     * A virtual thread per call to the grid, so that a request waits at most {@link #GRID_TIMEOUT} for it; a surge of
     * requests never finds them used up (a bounded pool of 32 refused a hall joining at once, bench/run).
     */
    private static final ExecutorService GRID_CALLS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("rate-limit-grid-", 0).factory());

    private final String what;
    private final Cache<String, Bucket> buckets;
    private final TimeMeter time;
    private final BucketConfiguration configuration;
    private final Optional<ProxyManager<String>> shared;

    /** A limiter with its buckets on the cluster's data grid when this instance is in one, else in its memory. */
    public RateLimiter(String what, long capacity, Duration period, Clock clock, SharedBuckets sharedBuckets) {
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
        this.configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(period.multipliedBy(2))
                .build();
        this.shared = sharedBuckets.of(what.replace(' ', '-'), period.multipliedBy(2), time);
    }

    /** Takes one attempt, refusing with 429 (and when to retry) when none is left. */
    public void acquire(String key) {
        ConsumptionProbe probe = onBucket(key, bucket -> bucket.tryConsumeAndReturnRemaining(1));
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
        var probe = onBucket(key, bucket -> bucket.estimateAbilityToConsume(1));
        if (!probe.canBeConsumed()) {
            throw refusal(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Takes one attempt if one is left. */
    public boolean tryAcquire(String key) {
        return onBucket(key, bucket -> bucket.tryConsume(1));
    }

    /** Gives back an attempt that turned out not to count (a right password, a known code). */
    public void refund(String key) {
        onBucket(key, bucket -> {
            bucket.addTokens(1);
            return null;
        });
    }

    private <T> T onBucket(String key, Function<Bucket, T> operation) {
        if (shared.isPresent() && System.nanoTime() - gridFailedAt > GRID_PAUSE.toNanos()) {
            Bucket bucket = shared.get().builder().build(key, () -> configuration);
            try {
                // a member that hangs (paused, cut off) would hold the request until the grid gives it up (a minute)
                return CompletableFuture.supplyAsync(() -> operation.apply(bucket), GRID_CALLS)
                        .get(GRID_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | TimeoutException gridFailed) {
                gridFailedAt = System.nanoTime();
                GRID_FAILURES.log(Level.WARNING, what, () -> "The data grid did not answer for the limit on " + what
                        + " within " + GRID_TIMEOUT.toMillis() + " ms; this instance counts alone meanwhile: "
                        + gridFailed);
            }
        }
        return operation.apply(buckets.get(key, k -> Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(configuration.getBandwidths()[0])
                .build()));
    }
}
