package app.rounds.ingest.control;

import java.time.Instant;
import java.util.Optional;

/**
 * What is left of an instance's rate limit, shared by its polls and the re-checks of its posts: the last
 * {@code remaining} and reset time the instance gave (Mastodon {@code X-RateLimit-*}, Bluesky {@code RateLimit-*}),
 * counted down by every call made since. A re-check spends only what lies above a reserve kept for the polls due
 * before the reset, so checking never makes a poll wait. Unknown (no headers yet, or the window reset): calls go,
 * bounded by their own schedule, until the instance says more.
 */
public final class RateBudget {

    private Integer remaining;
    private Instant resetAt;

    /** What the instance said in its last answer ({@code resetAt} on our clock). */
    public synchronized void observe(int remaining, Instant resetAt) {
        this.remaining = Math.max(0, remaining);
        this.resetAt = resetAt;
    }

    /** A 429: nothing left until {@code resetAt} (when known). */
    public synchronized void exhaust(Instant resetAt) {
        this.remaining = 0;
        this.resetAt = resetAt;
    }

    /** A call was made (a poll): one fewer, until the instance says otherwise. */
    public synchronized void spent() {
        if (remaining != null && remaining > 0) {
            remaining--;
        }
    }

    /**
     * Takes one call for a re-check if the budget allows it with {@code reserve} calls left over; returns whether it
     * did.
     */
    public synchronized boolean take(Instant now, int reserve) {
        if (remaining == null || resetAt == null || !now.isBefore(resetAt)) {
            remaining = null; // a new window: unknown until the next answer
            return true;
        }
        if (remaining - 1 < reserve) {
            return false;
        }
        remaining--;
        return true;
    }

    /** How many calls a re-check may make now with {@code reserve} left over ({@code Integer.MAX_VALUE}: unknown). */
    public synchronized int available(Instant now, int reserve) {
        if (remaining == null || resetAt == null || !now.isBefore(resetAt)) {
            return Integer.MAX_VALUE;
        }
        return Math.max(0, remaining - reserve);
    }

    /** When calls may go again, if none may go now. */
    public synchronized Optional<Instant> exhaustedUntil(Instant now) {
        return remaining != null && remaining <= 0 && resetAt != null && now.isBefore(resetAt)
                ? Optional.of(resetAt) : Optional.empty();
    }

    /** Seconds until the window resets, or 0 when unknown. */
    public synchronized long secondsToReset(Instant now) {
        return resetAt == null || !now.isBefore(resetAt) ? 0 : java.time.Duration.between(now, resetAt).toSeconds() + 1;
    }

    /**
     * The calls to keep for polls: one per poll each of {@code sources} makes every {@code pollSeconds} until the
     * reset, and {@code margin} more.
     */
    public int reserveForPolls(Instant now, int sources, int pollSeconds, int margin) {
        long seconds = secondsToReset(now);
        long polls = (seconds + Math.max(1, pollSeconds) - 1) / Math.max(1, pollSeconds);
        return (int) Math.min(Integer.MAX_VALUE, polls * Math.max(1, sources) + margin);
    }
}
