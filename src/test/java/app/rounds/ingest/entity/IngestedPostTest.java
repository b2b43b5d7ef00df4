package app.rounds.ingest.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    static IngestedPost taken(String contentHash, Instant editedAt) {
        IngestedPost post = new IngestedPost();
        post.edited(contentHash, editedAt, NOW); // as the claim stores it
        return post;
    }

    @Test
    void aPostWithTheSameTextAndNoNewerEditIsUnchanged() {
        assertFalse(taken("h1", NOW).changedBy("h1", NOW));
        assertFalse(taken("h1", NOW).changedBy("h1", null), "a source that does not say when it was edited");
        assertFalse(taken("h1", null).changedBy("h1", null));
    }

    @Test
    void anotherTextIsAChange() {
        assertTrue(taken("h1", null).changedBy("h2", null));
    }

    @Test
    void aNewEditTimeIsAChangeEvenWithTheSameText() {
        assertTrue(taken("h1", NOW).changedBy("h1", NOW.plusSeconds(1)));
        assertTrue(taken("h1", null).changedBy("h1", NOW));
    }

    @Test
    void anEditRecordsTheNewContentAndKeepsTheLastEditTimeWhenTheSourceGivesNone() {
        IngestedPost post = taken("h1", NOW);
        post.edited("h2", null, NOW.plusSeconds(5));
        assertEquals("h2", post.contentHash());
        assertEquals(NOW, post.editedAt());
        assertFalse(post.changedBy("h2", NOW));
    }

    @Test
    void aDeletedPostIsMarkedDeletedAndWhatItBecameIsKept() {
        IngestedPost post = taken("h1", null);
        post.became(IngestedPost.QUESTION, "q1");
        post.delete(NOW.plusSeconds(5));
        assertTrue(post.deleted());
        assertEquals(IngestedPost.QUESTION, post.contributionKind());
        assertEquals("q1", post.contributionId());
    }
}
