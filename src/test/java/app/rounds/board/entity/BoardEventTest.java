package app.rounds.board.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoardEventTest {

    @Test
    void removalOfAQuestionRewritesItsEarlierEventsOnTheStream() {
        assertTrue(BoardEvent.rewritesEarlierEventsOfItsSubject(Frames.CONTRIBUTION_REMOVED, "q7"));
    }

    @Test
    void creatingOrUpdatingAQuestionRewritesNothing() {
        assertFalse(BoardEvent.rewritesEarlierEventsOfItsSubject(Frames.CONTRIBUTION_CREATED, "q7"));
        assertFalse(BoardEvent.rewritesEarlierEventsOfItsSubject(Frames.CONTRIBUTION_UPDATED, "q7"));
        assertFalse(BoardEvent.rewritesEarlierEventsOfItsSubject(Frames.SESSION_UPDATED, null));
    }

    @Test
    void removalAboutNoSubjectRewritesNothing() {
        // a removal without a subject must not rewrite every event that has none (the session's own)
        assertFalse(BoardEvent.rewritesEarlierEventsOfItsSubject(Frames.CONTRIBUTION_REMOVED, null));
    }

    @Test
    void eventFrameEmbedsItsStoredJsonAsTheData() {
        BoardEvent event = new BoardEvent("s1", Stream.PUBLIC, 42, Frames.CONTRIBUTION_REMOVED, "q7",
                "{\"id\":\"q7\"}", Instant.EPOCH);

        assertEquals("{\"seq\":42,\"type\":\"contribution.removed\",\"data\":{\"id\":\"q7\"}}", event.frame());
    }

    @Test
    void eventNeedsASessionAStreamATypeAndData() {
        Instant now = Instant.EPOCH;
        assertThrows(NullPointerException.class, () -> new BoardEvent(null, Stream.PUBLIC, 1, "t", null, "{}", now));
        assertThrows(NullPointerException.class, () -> new BoardEvent("s1", null, 1, "t", null, "{}", now));
        assertThrows(NullPointerException.class, () -> new BoardEvent("s1", Stream.PUBLIC, 1, null, null, "{}", now));
        assertThrows(NullPointerException.class, () -> new BoardEvent("s1", Stream.PUBLIC, 1, "t", null, null, now));
    }
}
