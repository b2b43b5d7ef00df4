package app.rounds.ingest.control;

import app.rounds.platform.control.ConflictsTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SourcePollingTest {

    @Test
    void aDatabaseFailureIsNotShownAsItsSqlText() {
        String shown = SourcePolling.describe(ConflictsTest.duplicate());
        assertFalse(shown.contains("Duplicate entry") || shown.contains("PRIMARY"), shown);
        assertEquals("IOException: HTTP 500 from a.example",
                SourcePolling.describe(new java.io.IOException("HTTP 500 from a.example")));
    }
}
