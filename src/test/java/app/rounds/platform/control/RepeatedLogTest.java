package app.rounds.platform.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

class RepeatedLogTest {

    private final Logger logger = Logger.getLogger("test.repeated." + System.nanoTime());
    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Instant now = Instant.parse("2026-12-05T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @BeforeEach
    void capture() {
        logger.setUseParentHandlers(false);
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
    }

    @Test
    void logsTheFirstCountsTheRestOfTheMinuteAndSaysHowManyNextTime() {
        RepeatedLog log = new RepeatedLog(logger, clock);
        assertTrue(log.log(Level.INFO, "gone", () -> "A client went away"));
        for (int i = 0; i < 37; i++) {
            now = now.plusSeconds(1);
            assertFalse(log.log(Level.INFO, "gone", () -> "A client went away"));
        }
        now = Instant.parse("2026-12-05T12:01:00Z");
        assertTrue(log.log(Level.INFO, "gone", () -> "A client went away"));
        assertEquals(List.of("A client went away", "A client went away (37 more like this in the minute before)"),
                logged);
    }

    @Test
    void kindsAreCountedApart() {
        RepeatedLog log = new RepeatedLog(logger, clock);
        log.log(Level.INFO, "gone", () -> "A client went away");
        log.log(Level.INFO, "closed", () -> "A socket closed");
        log.log(Level.INFO, "gone", () -> "A client went away");
        assertEquals(List.of("A client went away", "A socket closed"), logged);
    }

    @Test
    void nothingIsCountedWhileTheLevelIsOff() {
        logger.setLevel(Level.WARNING);
        RepeatedLog log = new RepeatedLog(logger, clock);
        assertFalse(log.log(Level.INFO, "gone", () -> "A client went away"));
        logger.setLevel(Level.INFO);
        now = now.plus(Duration.ofSeconds(1));
        assertTrue(log.log(Level.INFO, "gone", () -> "A client went away"));
        assertEquals(List.of("A client went away"), logged);
    }
}
