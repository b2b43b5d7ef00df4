package app.rounds.ingest.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IngestedPostTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aPostNoLongerWatchedIsWatchedAgainOnceItsSourceIsAskedAboutItNotWhenItIsPutOff() {
        IngestedPost post = new IngestedPost();
        post.stopWatching(NOW);
        assertEquals(NOW, post.watchEndedAt());

        post.checked(NOW.plusSeconds(5), NOW.plusSeconds(600), false);
        assertEquals(NOW, post.watchEndedAt(), "put off: still not watched");

        post.checked(NOW.plusSeconds(10), NOW.plusSeconds(70), true);
        assertNull(post.watchEndedAt(), "asked (a highlight quoting it was confirmed): watched again");
        assertEquals(NOW.plusSeconds(10), post.checkedAt());
        assertEquals(NOW.plusSeconds(70), post.nextCheckAt());
    }
}
