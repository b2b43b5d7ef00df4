package app.rounds.contributions.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedbackTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final Instant LATER = NOW.plusSeconds(30);

    @Test
    void aRatingMustBeOneToFive() {
        Feedback feedback = new Feedback("s1", "p1", NOW);
        assertThrows(IllegalArgumentException.class, () -> feedback.rate(0, null, ScreeningRecord.clean(), NOW));
        assertThrows(IllegalArgumentException.class, () -> feedback.rate(6, null, ScreeningRecord.clean(), NOW));
        feedback.rate(1, null, ScreeningRecord.clean(), NOW);
        assertEquals(1, feedback.rating());
        feedback.rate(5, null, ScreeningRecord.clean(), NOW);
        assertEquals(5, feedback.rating());
    }

    @Test
    void aRefusedRatingLeavesTheEarlierFeedbackAsItWas() {
        Feedback feedback = new Feedback("s1", "p1", NOW);
        feedback.rate(4, "clear", ScreeningRecord.clean(), NOW);
        assertThrows(IllegalArgumentException.class, () -> feedback.rate(9, "oops", ScreeningRecord.clean(), LATER));
        assertEquals(4, feedback.rating());
        assertEquals("clear", feedback.comment());
        assertEquals(NOW, feedback.updatedAt());
    }

    @Test
    void aBlankCommentIsNoCommentAndACommentIsStripped() {
        Feedback feedback = new Feedback("s1", "p1", NOW);
        feedback.rate(3, "   ", ScreeningRecord.clean(), NOW);
        assertNull(feedback.comment());
        feedback.rate(3, "  too fast \n", ScreeningRecord.clean(), NOW);
        assertEquals("too fast", feedback.comment());
    }

    @Test
    void givingFeedbackAgainReplacesRatingCommentAndScreening() {
        Feedback feedback = new Feedback("s1", "p1", NOW);
        feedback.rate(2, "Ana in bed 4 was great", new ScreeningRecord("[]", null), NOW);
        feedback.rate(5, "great", ScreeningRecord.clean(), LATER);
        assertEquals(5, feedback.rating());
        assertEquals("great", feedback.comment());
        assertFalse(feedback.screening().held());
        assertEquals(LATER, feedback.updatedAt());
    }

    @Test
    void feedbackFromAPostKeepsItsProvenanceAndHasNoParticipant() {
        Provenance provenance = new Provenance(Origin.BLUESKY, "@ana.bsky.social", "https://bsky.app/x");
        Feedback feedback = Feedback.fromPost("s1", provenance, "at://ana/post/1", NOW);
        assertEquals("s1", feedback.sessionId());
        assertNull(feedback.participantId());
        assertEquals(Origin.BLUESKY, feedback.provenance().origin());
        assertEquals("@ana.bsky.social", feedback.provenance().authorHandle());
    }

    @Test
    void feedbackFromPostsReflectsOnlyItsAuthorsLatestPost() {
        Feedback feedback = Feedback.fromPost("s1", new Provenance(Origin.BLUESKY, "@ana.bsky.social",
                "https://bsky.app/1"), "at://ana/post/1", NOW);
        assertTrue(feedback.reflects("at://ana/post/1"));
        feedback.cameFrom(new Provenance(Origin.BLUESKY, "@ana.bsky.social", "https://bsky.app/2"), "at://ana/post/2");
        assertFalse(feedback.reflects("at://ana/post/1"), "a replaced post's edit or deletion changes nothing");
        assertTrue(feedback.reflects("at://ana/post/2"));
        assertEquals("https://bsky.app/2", feedback.provenance().originalUrl(), "staff see the latest post");
    }

    @Test
    void feedbackGivenOnTheWebPageHasWebProvenance() {
        assertEquals(Origin.WEB, new Feedback("s1", "p1", NOW).provenance().origin());
    }

    @Test
    void screeningHoldsExactlyWhenThereAreFindings() {
        assertFalse(ScreeningRecord.clean().held());
        assertFalse(new ScreeningRecord(null, "[{}]").held(), "notes alone do not hold");
        assertTrue(new ScreeningRecord("[{}]", null).held());
    }
}
