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
        Feedback feedback = Feedback.fromPost("s1", provenance, NOW);
        assertEquals("s1", feedback.sessionId());
        assertNull(feedback.participantId());
        assertEquals(Origin.BLUESKY, feedback.provenance().origin());
        assertEquals("@ana.bsky.social", feedback.provenance().authorHandle());
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
