package app.rounds.platform.control;

import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} things at once per key (a client address): unlike {@link RateLimiter}, which counts attempts
 * over time, this counts what is still going on. A key is held only while something of it is, so the map is never
 * larger than what is going on at once.
 */
public final class ConcurrencyLimit {

    private final int limit;
    private final ConcurrentHashMap<String, Integer> holding = new ConcurrentHashMap<>();

    public ConcurrencyLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a limit of " + limit + " would refuse everything");
        }
        this.limit = limit;
    }

    /** Takes a place for {@code key} if one is free; each place taken must be given back by {@link #leave}. */
    public boolean tryEnter(String key) {
        boolean[] entered = {false};
        holding.compute(key, (k, held) -> {
            int now = held == null ? 0 : held;
            if (now >= limit) {
                return held;
            }
            entered[0] = true;
            return now + 1;
        });
        return entered[0];
    }

    public void leave(String key) {
        holding.computeIfPresent(key, (k, held) -> held <= 1 ? null : held - 1);
    }

    /** How many places {@code key} holds now. */
    public int held(String key) {
        return holding.getOrDefault(key, 0);
    }

    public int limit() {
        return limit;
    }
}
