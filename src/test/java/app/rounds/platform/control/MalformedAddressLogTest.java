package app.rounds.platform.control;

import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MalformedAddressLogTest {

    @Test
    void onlyTheUriDecodersRefusalIsTakenOutOfTheWebCoresLog() {
        MalformedAddressLog log = new MalformedAddressLog();
        assertFalse(log.loggable(record(new IllegalArgumentException(
                "URLDecoder: Illegal hex characters in escape (%) pattern - %zz"))));
        assertTrue(log.loggable(record(new IllegalArgumentException("something else"))));
        assertTrue(log.loggable(record(new IllegalStateException("URLDecoder: not from the decoder"))));
        assertTrue(log.loggable(record(null)));
    }

    private static LogRecord record(Throwable thrown) {
        LogRecord record = new LogRecord(Level.SEVERE, "An exception or error occurred in the container during the "
                + "request processing");
        record.setThrown(thrown);
        return record;
    }
}
