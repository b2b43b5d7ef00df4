package app.rounds.ingest.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IngestSourceTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void aSourceThatWorksAgainShowsNoOldError() {
        IngestSource source = new IngestSource("session", SourceKind.MASTODON, "instance", "https://a.example", null,
                null, "staff", NOW);
        for (int i = 0; i < IngestSource.FAILING_AFTER; i++) {
            source.failed("HTTP 500 from a.example", NOW, Duration.ofSeconds(2));
        }
        assertEquals(SourceState.FAILING, source.state());
        assertEquals("HTTP 500 from a.example", source.lastError());
        source.succeeded(NOW.plusSeconds(10), null);
        assertEquals(SourceState.RUNNING, source.state());
        assertNull(source.lastError());
        assertNull(source.lastErrorAt());
        assertEquals(0, source.failures());

        source.waitUntil(NOW.plusSeconds(60), "rate limited (429): waiting", NOW.plusSeconds(20));
        assertEquals(SourceState.BACKING_OFF, source.state());
        source.succeeded(NOW.plusSeconds(61), null);
        assertNull(source.lastError(), "a rate limit waited out is no error any more");
    }
}
