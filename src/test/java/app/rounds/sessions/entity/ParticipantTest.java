package app.rounds.sessions.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Being quoted by name needs a name: agreeing without one is refused, never silently dropped. */
class ParticipantTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aNamedParticipantWhoAgreedIsQuotedByTheirName() {
        Participant sam = new Participant("s1", "hash", "  Sam ", true, NOW);
        assertEquals("Sam", sam.displayName());
        assertTrue(sam.quoteByName());
        assertEquals(Optional.of("Sam"), sam.quotableName());
    }

    @Test
    void agreeingToBeQuotedByNameWithoutANameIsRefused() {
        assertThrows(IllegalStateException.class, () -> new Participant("s1", "hash", null, true, NOW));
        assertThrows(IllegalStateException.class, () -> new Participant("s1", "hash", "   ", true, NOW));
    }

    @Test
    void anAnonymousParticipantCannotAgreeLaterButMayDeclineAgain() {
        Participant anonymous = new Participant("s1", "hash", " ", false, NOW);
        assertNull(anonymous.displayName());
        assertThrows(IllegalStateException.class, () -> anonymous.quoteByName(true));
        anonymous.quoteByName(false);
        assertFalse(anonymous.quoteByName());
        assertEquals(Optional.empty(), anonymous.quotableName());
    }

    @Test
    void aNamedParticipantCanTakeTheirAgreementBack() {
        Participant sam = new Participant("s1", "hash", "Sam", true, NOW);
        sam.quoteByName(false);
        assertEquals(Optional.empty(), sam.quotableName());
    }
}
