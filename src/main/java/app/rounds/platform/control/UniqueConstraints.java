package app.rounds.platform.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.util.function.Supplier;

/**
 * Unique indexes decide the races that a look-up before an insert cannot (two requests taking the same name at
 * once). Flushing inside the transaction lets the loser get the same answer as a look-up would have given it.
 */
public final class UniqueConstraints {

    private UniqueConstraints() {
    }

    /** Flushes; a violation of the named unique constraint becomes the given problem, anything else stays as it is. */
    public static void flush(EntityManager em, String constraint, Supplier<ProblemException> problem) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (String.valueOf(cause.getMessage()).contains(constraint)) {
                    throw problem.get();
                }
            }
            throw e;
        }
    }
}
