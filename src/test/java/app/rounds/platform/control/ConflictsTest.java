package app.rounds.platform.control;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class ConflictsTest {

    public static RuntimeException duplicate() {
        return new RuntimeException("commit failed", new PersistenceException("Internal Exception",
                new SQLIntegrityConstraintViolationException("(conn=7) Duplicate entry 'abc' for key 'PRIMARY'",
                        "23000", 1062)));
    }

    @Test
    void racesAreDoneAgainOtherFailuresAreNot() {
        assertTrue(Conflicts.settledByRetrying(duplicate()));
        assertTrue(Conflicts.settledByRetrying(new RuntimeException(new SQLException("Deadlock found", "40001", 1213))));
        assertTrue(Conflicts.settledByRetrying(new Conflicts.TakenMeanwhile("at://x")));
        assertFalse(Conflicts.settledByRetrying(new RuntimeException(new SQLException("Data too long", "22001", 1406))));
        assertFalse(Conflicts.settledByRetrying(new IllegalStateException("no")));
    }

    @Test
    void aRaceIsTakenAgainQuietlyUpToThreeTimes() {
        AtomicInteger attempts = new AtomicInteger();
        assertEquals("in", Conflicts.retried(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw duplicate();
            }
            return "in";
        }));
        attempts.set(0);
        RuntimeException always = duplicate();
        assertSame(always, assertThrows(RuntimeException.class, () -> Conflicts.retried(() -> {
            attempts.incrementAndGet();
            throw always;
        })));
        assertEquals(3, attempts.get());
        attempts.set(0);
        assertThrows(IllegalStateException.class, () -> Conflicts.retried(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("not a race");
        }));
        assertEquals(1, attempts.get());
    }

    @Test
    void aFailureFromTheDatabaseIsToldApart() {
        assertTrue(Conflicts.fromDatabase(duplicate()));
        assertFalse(Conflicts.fromDatabase(new java.io.IOException("HTTP 500 from a.example")));
    }
}
