package app.rounds.platform.control;

import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Races between transactions that storing again settles: two sources bringing the same post at the same moment, two
 * votes of one participant at once, a deadlock the database broke by rolling one of them back, a row changed since it
 * was read. The loser's work is simply done again in a new transaction, which then finds what the winner stored;
 * nothing of the race reaches a caller (a 500) or a source's {@code lastError}.
 */
public final class Conflicts {

    private static final Logger LOG = Logger.getLogger(Conflicts.class.getName());
    static final int ATTEMPTS = 3;

    /** MariaDB: duplicate key, deadlock, lock wait timeout. */
    private static final int DUPLICATE_KEY = 1062;
    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    /** A post claimed by a transaction that committed after this one began: done again, it is found. */
    public static final class TakenMeanwhile extends RuntimeException {
        public TakenMeanwhile(String uri) {
            super("taken by another source at the same moment: " + uri, null, false, false);
        }
    }

    private Conflicts() {
    }

    /** Runs {@code work} (a transaction of its own) again when it lost a race, at most three times in all. */
    public static <T> T retried(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !settledByRetrying(e)) {
                    throw e;
                }
                LOG.fine(() -> "A concurrent write to the same rows; storing again (" + e + ")");
            }
        }
    }

    /** Whether a failure is a race that a new transaction settles. */
    public static boolean settledByRetrying(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TakenMeanwhile || cause instanceof jakarta.persistence.OptimisticLockException
                    || cause.getClass().getName().equals(
                    "org.eclipse.persistence.exceptions.OptimisticLockException")) {
                return true;
            }
            if (cause instanceof SQLException sql && (sql.getErrorCode() == DUPLICATE_KEY
                    || sql.getErrorCode() == DEADLOCK || sql.getErrorCode() == LOCK_WAIT_TIMEOUT
                    || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a failure came from the database (its message may carry SQL and data: not for the board). */
    public static boolean fromDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof jakarta.persistence.PersistenceException
                    || cause.getClass().getName().startsWith("org.eclipse.persistence.")) {
                return true;
            }
        }
        return false;
    }
}
