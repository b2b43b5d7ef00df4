package app.rounds.platform.boundary;

import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures are a client gone (one counted line, 400) and which an incident (500, stack trace logged). */
class ProblemResponsesTest {

    private static EOFException endOfConnection() {
        EOFException eof = new EOFException();
        eof.setStackTrace(new StackTraceElement[]{
                new StackTraceElement("org.glassfish.grizzly.nio.transport.TCPNIOTransport", "read", null, 578)});
        return eof;
    }

    @Test
    void aConnectionEndingMidBodyIsAClientGoneNotAnIncident() {
        UncheckedIOException upload = new UncheckedIOException(endOfConnection());
        assertTrue(ProblemResponses.clientWentAway(upload));
    }

    @Test
    void aBodyThatStoppedArrivingIsTooSlowNotAnIncident() {
        ProcessingException read = new ProcessingException(new IOException(new TimeoutException()));
        assertTrue(ProblemResponses.bodyTimedOut(read));
        assertFalse(ProblemResponses.bodyTimedOut(new ProcessingException(new IOException("broken"))));
        assertFalse(ProblemResponses.bodyTimedOut(new IllegalStateException(new TimeoutException())),
                "a timeout of our own, elsewhere, is an incident");
    }

    @Test
    void anEndOfFileOfOurOwnIsStillAnIncident() {
        EOFException truncatedFile = new EOFException("truncated");
        truncatedFile.setStackTrace(new StackTraceElement[]{
                new StackTraceElement("java.io.DataInputStream", "readFully", null, 210)});
        assertFalse(ProblemResponses.clientWentAway(new UncheckedIOException(truncatedFile)));
    }
}
