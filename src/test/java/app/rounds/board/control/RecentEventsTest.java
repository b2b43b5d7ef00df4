package app.rounds.board.control;

import app.rounds.board.entity.BoardEvent;
import app.rounds.board.entity.Frames;
import app.rounds.board.entity.Stream;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a channel keeps of its last pulls for clients resuming meanwhile, and when it must say it no longer knows. */
class RecentEventsTest {

    private static BoardEvent event(long seq, String type, String subject, String payload) {
        return new BoardEvent("s1", Stream.PUBLIC, seq, type, subject, payload, Instant.EPOCH);
    }

    private static BoardEvent created(long seq) {
        return event(seq, Frames.CONTRIBUTION_CREATED, "q" + seq, "{\"text\":\"question " + seq + "\"}");
    }

    private static List<Long> seqs(Optional<List<BoardEvent>> events) {
        return events.orElseThrow().stream().map(BoardEvent::seq).toList();
    }

    @Test
    void aClientIsSentWhatWasPulledAfterItsLastSeqInOrder() {
        RecentEvents recent = new RecentEvents(5, 10);
        assertEquals(List.of(), seqs(recent.after(10)), "nothing pulled yet, and nothing missed");
        recent.add(List.of(created(11), created(12)));
        recent.add(List.of(created(13)));
        assertEquals(List.of(12L, 13L), seqs(recent.after(11)));
        assertEquals(List.of(11L, 12L, 13L), seqs(recent.after(10)));
        assertEquals(List.of(), seqs(recent.after(13)));
    }

    @Test
    void whatWasPulledBeforeTheChannelKnewIsNotClaimed() {
        RecentEvents recent = new RecentEvents(5, 10);
        recent.add(List.of(created(11)));
        assertEquals(Optional.empty(), recent.after(9), "event 10 was never kept here");
    }

    @Test
    void beyondItsCapacityTheOldestAreForgottenAndNoLongerClaimed() {
        RecentEvents recent = new RecentEvents(3, 0);
        recent.add(List.of(created(1), created(2), created(3), created(4), created(5)));
        assertEquals(List.of(3L, 4L, 5L), seqs(recent.after(2)));
        assertEquals(Optional.empty(), recent.after(1), "event 2 was forgotten");
    }

    @Test
    void aRemovalPulledLaterRewritesItsSubjectsEarlierEventsAsTheDatabaseDid() {
        RecentEvents recent = new RecentEvents(10, 0);
        String removed = "{\"id\":\"q1\"}";
        recent.add(List.of(created(1), created(2),
                event(3, Frames.CONTRIBUTION_UPDATED, "q1", "{\"text\":\"question 1, edited\"}")));
        recent.add(List.of(event(4, Frames.CONTRIBUTION_REMOVED, "q1", removed)));
        List<BoardEvent> kept = recent.after(0).orElseThrow();
        assertEquals(List.of(Frames.CONTRIBUTION_REMOVED, Frames.CONTRIBUTION_CREATED, Frames.CONTRIBUTION_REMOVED,
                Frames.CONTRIBUTION_REMOVED), kept.stream().map(BoardEvent::type).toList());
        assertEquals(List.of(removed, "{\"text\":\"question 2\"}", removed, removed),
                kept.stream().map(BoardEvent::payload).toList(), "no text of q1 is sent again");
        assertEquals(List.of(1L, 2L, 3L, 4L), kept.stream().map(BoardEvent::seq).toList());
    }

    @Test
    void aPollsResultsReplaceOnlyItsEarlierResults() {
        RecentEvents recent = new RecentEvents(10, 0);
        recent.add(List.of(event(1, Frames.POLL_OPENED, "p1", "{\"open\":1}"),
                event(2, Frames.POLL_RESULTS, "p1", "{\"results\":1}"),
                event(3, Frames.POLL_RESULTS, "p2", "{\"results\":\"other\"}"),
                event(4, Frames.POLL_RESULTS, "p1", "{\"results\":2}")));
        assertEquals(List.of("{\"open\":1}", "{\"results\":2}", "{\"results\":\"other\"}", "{\"results\":2}"),
                recent.after(0).orElseThrow().stream().map(BoardEvent::payload).toList());
    }
}
