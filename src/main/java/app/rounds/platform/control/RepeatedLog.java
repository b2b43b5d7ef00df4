package app.rounds.platform.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A log that says the same thing once a minute at most: the first occurrence of a kind is logged, the ones within the
 * next minute are only counted, and the next one logged after that says how many there were ("… (37 more like this
 * in the last minute)"). For what clients cause by the hundred (going away mid-request), where each line alike would
 * bury everything else.
 */
public final class RepeatedLog {

    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_KINDS = 1_000;

    private final Logger logger;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(Instant opened, long repeats) {
    }

    public RepeatedLog(Logger logger) {
        this(logger, Clock.systemUTC());
    }

    RepeatedLog(Logger logger, Clock clock) {
        this.logger = logger;
        this.clock = clock;
    }

    /** Logs {@code message} unless one of this {@code kind} was logged within the last minute; then counts it. */
    public boolean log(Level level, String kind, Supplier<String> message) {
        if (!logger.isLoggable(level)) {
            return false;
        }
        if (windows.size() > MAX_KINDS) {
            windows.clear(); // so many kinds are no longer "the same thing"; start counting again
        }
        Instant now = clock.instant();
        long[] repeatsBefore = {-1};
        windows.compute(kind, (k, window) -> {
            if (window == null || !now.isBefore(window.opened().plus(WINDOW))) {
                repeatsBefore[0] = window == null ? 0 : window.repeats();
                return new Window(now, 0);
            }
            return new Window(window.opened(), window.repeats() + 1);
        });
        if (repeatsBefore[0] < 0) {
            return false;
        }
        String line = message.get();
        logger.log(level, repeatsBefore[0] == 0 ? line
                : line + " (" + repeatsBefore[0] + " more like this in the minute before)");
        return true;
    }
}
