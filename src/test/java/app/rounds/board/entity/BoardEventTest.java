package app.rounds.board.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BoardEventTest {

    @Test
    void removalOfAQuestionOrAPollRewritesAllItsEarlierEventsOnTheStream() {
        assertEquals(new BoardEvent.Rewrite(null),
                BoardEvent.rewriteOfEarlierEvents(Frames.CONTRIBUTION_REMOVED, "q7"));
        assertEquals(new BoardEvent.Rewrite(null), BoardEvent.rewriteOfEarlierEvents(Frames.POLL_REMOVED, "p3"));
    }

    @Test
    void newResultsOfAPollAndHidingThemRewriteOnlyItsEarlierResults() {
        // a word taken out of a cloud, or results taken off the projector, must not come back in a replay
        assertEquals(new BoardEvent.Rewrite(Frames.POLL_RESULTS),
                BoardEvent.rewriteOfEarlierEvents(Frames.POLL_RESULTS, "p3"));
        assertEquals(new BoardEvent.Rewrite(Frames.POLL_RESULTS),
                BoardEvent.rewriteOfEarlierEvents(Frames.POLL_HIDDEN, "p3"));
    }

    @Test
    void creatingOrUpdatingRewritesNothing() {
        assertNull(BoardEvent.rewriteOfEarlierEvents(Frames.CONTRIBUTION_CREATED, "q7"));
        assertNull(BoardEvent.rewriteOfEarlierEvents(Frames.CONTRIBUTION_UPDATED, "q7"));
        assertNull(BoardEvent.rewriteOfEarlierEvents(Frames.POLL_OPENED, "p3"));
        assertNull(BoardEvent.rewriteOfEarlierEvents(Frames.POLL_CLOSED, "p3"));
        assertNull(BoardEvent.rewriteOfEarlierEvents(Frames.SESSION_UPDATED, null));
    }

    @Test
    void removalAboutNoSubjectRewritesNothing() {
        // a removal without a subject must not rewrite every event that has none (the session's own)
        assertNull(BoardEvent.rewriteOfEarlierEvents(Frames.CONTRIBUTION_REMOVED, null));
        assertNull(BoardEvent.rewriteOfEarlierEvents(Frames.POLL_RESULTS, null));
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
