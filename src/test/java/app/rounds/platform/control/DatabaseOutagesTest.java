package app.rounds.platform.control;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseOutagesTest {

    /** As EclipseLink and Payara's pool hand it on: the driver's failure several causes deep. */
    static Throwable refusedConnection() {
        SQLNonTransientConnectionException driver = new SQLNonTransientConnectionException(
                "Socket fail to connect to 127.0.0.1:3306. Connection refused", "08000",
                new ConnectException("Connection refused"));
        ResourceAllocationException pool = new ResourceAllocationException("Connection could not be allocated");
        pool.initCause(driver);
        return new PersistenceException("Exception [EclipseLink-4002]",
                new SQLException("Error in allocating a connection.", pool));
    }

    @Test
    void connectionFailuresAreOutagesWhereverTheyAreInTheCauses() {
        assertTrue(DatabaseOutages.isOutage(refusedConnection()));
        assertTrue(DatabaseOutages.isOutage(new SQLTransientConnectionException("connection closed")));
        ResourceAllocationException exhausted = new ResourceAllocationException(
                "In-use connections equal max-pool-size and expired max-wait-time. Cannot allocate more connections.");
        assertTrue(DatabaseOutages.isOutage(new PersistenceException(new SQLException("Error in allocating a "
                + "connection.", exhausted))), "an exhausted pool");
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertFalse(DatabaseOutages.isOutage(new PersistenceException(
                new SQLIntegrityConstraintViolationException("Duplicate entry"))));
        assertFalse(DatabaseOutages.isOutage(new OptimisticLockException("changed")));
        assertFalse(DatabaseOutages.isOutage(new IllegalStateException("a bug")));
    }

    @Test
    void theRefusalIs503WithRetryAfter() {
        ProblemException refusal = DatabaseOutages.refusal();
        assertEquals(503, refusal.kind().status);
        assertEquals("database-unavailable", refusal.type());
        assertEquals(DatabaseOutages.RETRY_AFTER, refusal.retryAfter());
    }

    @Test
    void anOutageIsLoggedOnceWithItsCauseThenCountedThenEnded() {
        MovingClock clock = new MovingClock();
        Recorded log = new Recorded();
        DatabaseOutages outages = new DatabaseOutages(clock, log.logger);

        for (int i = 0; i < 20; i++) {
            outages.failed(new SQLNonTransientConnectionException("Socket fail to connect to db:3306. Connection "
                    + "refused"));
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(1, log.records.size(), "20 failures in 20 s: one line");
        LogRecord first = log.records.getFirst();
        assertEquals(Level.WARNING, first.getLevel());
        assertTrue(first.getMessage().contains("Socket fail to connect to db:3306. Connection refused"),
                first.getMessage());
        assertEquals(null, first.getThrown(), "no stack trace");
        assertFalse(first.getMessage().contains("\n"), "one line");

        for (int i = 0; i < 45; i++) {
            outages.failed(new SQLNonTransientConnectionException("still refused"));
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(2, log.records.size(), "a minute on: one more line, with the count");
        assertTrue(log.records.get(1).getMessage().contains("60 more failures"), log.records.get(1).getMessage());

        outages.answered();
        outages.answered();
        assertEquals(3, log.records.size(), "the end is logged once");
        assertTrue(log.records.get(2).getMessage().contains("answers again after an outage of 65 s (65 failures"),
                log.records.get(2).getMessage());
        assertFalse(outages.inProgress());

        outages.failed(new SQLNonTransientConnectionException("refused again"));
        assertEquals(4, log.records.size(), "a new outage is logged anew");
        assertTrue(log.records.get(3).getMessage().contains("refused again"));
    }

    @Test
    void theDatabaseIsAwayWhenAConnectionFailedNotWhenThePoolRanOutUnderLoad() {
        DatabaseOutages outages = new DatabaseOutages(new MovingClock(), new Recorded().logger);
        outages.failed(new ResourceAllocationException("No available resource. Wait-time expired"));
        assertTrue(outages.inProgress());
        assertFalse(outages.isAway(), "busy, not away: requests still try");
        outages.failed(new SQLNonTransientConnectionException("Socket fail to connect to db:3306"));
        assertTrue(outages.isAway(), "refused at once from now on");
        outages.answered();
        assertFalse(outages.isAway());
        assertFalse(outages.inProgress());
    }

    @Test
    void withoutAnOutageAnAnsweringDatabaseLogsNothing() {
        Recorded log = new Recorded();
        new DatabaseOutages(new MovingClock(), log.logger).answered();
        assertEquals(List.of(), log.records);
    }

    static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-12-05T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final class Recorded extends Handler {
        final List<LogRecord> records = new ArrayList<>();
        final Logger logger = Logger.getAnonymousLogger();

        Recorded() {
            logger.setUseParentHandlers(false);
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            record.getMessage(); // resolves a supplier's message now
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
