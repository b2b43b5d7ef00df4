package app.rounds.platform.control;

import jakarta.resource.ResourceException;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells "the database cannot be reached" (no connection, a connection cut, the pool exhausted) from other failures,
 * so that every way in answers it alike: 503 {@code database-unavailable} with Retry-After, at once. It also keeps the
 * log of an outage short: its first failure is logged in one line with the cause, later ones are only counted (one
 * line a minute while they go on), and one line says when the database answered again. A stack trace per request
 * and per background tick filled megabytes of log in a minute and buried the cause.
 */
public final class DatabaseOutages {

    /** What clients are told to wait before trying again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    /** How often an outage that goes on is logged again, with its count. */
    static final Duration SUMMARY_EVERY = Duration.ofMinutes(1);

    private static final DatabaseOutages LOGGED = new DatabaseOutages(Clock.systemUTC(),
            Logger.getLogger(DatabaseOutages.class.getName()));

    private final Clock clock;
    private final Logger log;
    private Instant since;
    /** Whether {@code since} is set, read without the lock. */
    private volatile boolean inProgress;
    /**
     * Whether a connection to the database failed in this outage (not only the pool running out of free ones under
     * load): the database is away, and requests are refused without trying it. Read without the lock: every request
     * of the API asks it.
     */
    private volatile boolean away;
    private Instant lastSummary;
    private long failures;
    private long failuresSinceSummary;

    DatabaseOutages(Clock clock, Logger log) {
        this.clock = clock;
        this.log = log;
    }

    /** True when {@code failure}, or one of its causes, says the database could not be reached. */
    public static boolean isOutage(Throwable failure) {
        return unreachable(failure) != null;
    }

    /**
     * Counts {@code failure} towards the current outage when it is one (logging it as described above) and says
     * whether it was; other failures are left to the caller.
     */
    public static boolean report(Throwable failure) {
        Throwable cause = unreachable(failure);
        if (cause == null) {
            return false;
        }
        if (!(cause instanceof NotTried)) { // no news: it was refused because an outage is known
            LOGGED.failed(cause);
        }
        return true;
    }

    /**
     * A connection not even tried, because an outage is known (LocalTransactionsDataSource): answered 503 like the
     * outage, but neither counted nor taken as the start of another one (one reported just after the database came
     * back would otherwise begin a new outage).
     */
    public static final class NotTried extends SQLNonTransientConnectionException {
        public NotTried() {
            super("The database did not answer; it is asked again every second", "08001");
        }
    }

    /** Logs {@code failure} as usual, unless it is the database being unreachable: that is counted instead. */
    public static void log(Logger logger, Level level, String message, Throwable failure) {
        if (!report(failure)) {
            logger.log(level, message, failure);
        }
    }

    /** The database answered: an outage in progress is over (and logged as such). */
    public static void reachable() {
        LOGGED.answered();
    }

    /** Whether failures are being counted as an outage now (to look for its end). */
    public static boolean ongoing() {
        return LOGGED.inProgress();
    }

    /**
     * Whether the database is known to be away: a connection to it failed, and it has not answered since (asked every
     * second by DatabaseOutageWatch). Requests that need it are then refused at once.
     */
    public static boolean away() {
        return LOGGED.isAway();
    }

    /** The refusal for a request that needed the database while it is unreachable. */
    public static ProblemException refusal() {
        return new ProblemException(ProblemException.Kind.UNAVAILABLE, "database-unavailable",
                "Temporarily unavailable", "Rounds cannot reach its database at the moment. Please try again in a "
                + "few seconds.", List.of(), RETRY_AFTER);
    }

    synchronized void failed(Throwable cause) {
        Instant now = clock.instant();
        if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
            away = true;
        }
        if (since == null) {
            since = now;
            inProgress = true;
            lastSummary = now;
            failures = 1;
            failuresSinceSummary = 0;
            log.warning(() -> "The database is unreachable: " + oneLine(cause) + ". Requests that need it are "
                    + "answered 503 until it answers again; further failures are counted, not logged");
            return;
        }
        failures++;
        failuresSinceSummary++;
        if (!now.isBefore(lastSummary.plus(SUMMARY_EVERY))) {
            long counted = failuresSinceSummary;
            lastSummary = now;
            failuresSinceSummary = 0;
            log.warning(() -> "The database is still unreachable since " + since + ": " + counted
                    + " more failures in the last " + SUMMARY_EVERY.toSeconds() + " s; last: " + oneLine(cause));
        }
    }

    synchronized void answered() {
        if (since == null) {
            return;
        }
        Duration lasted = Duration.between(since, clock.instant());
        long counted = failures;
        since = null;
        inProgress = false;
        away = false;
        log.info(() -> "The database answers again after an outage of " + lasted.toSeconds() + " s ("
                + counted + " failures in all)");
    }

    boolean inProgress() {
        return inProgress;
    }

    boolean isAway() {
        return away;
    }

    /** The connection failure in {@code failure}'s causes, or null when it is some other failure. */
    private static Throwable unreachable(Throwable failure) {
        Throwable found = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return cause; // the driver's own words are the most precise ("Socket fail to connect to ...")
            }
            if (found == null && cause instanceof ResourceException) {
                found = cause; // the pool: no connection could be made, or none was free in time
            }
        }
        return found;
    }

    /** A failure as one line: its type and its message, without the stack or line breaks. */
    static String oneLine(Throwable cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage().strip().replaceAll("\\s+", " ");
        return cause.getClass().getName() + (message.isEmpty() ? "" : ": " + message);
    }
}
