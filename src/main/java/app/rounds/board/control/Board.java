package app.rounds.board.control;

import app.rounds.board.entity.BoardEvent;
import app.rounds.board.entity.Frames;
import app.rounds.board.entity.Stream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * Appends events to a session's board streams, in the caller's transaction: the change and its event commit or roll
 * back together, and clients hear of it only after the commit ({@link BoardAdvanced} is observed AFTER_SUCCESS).
 * Sequence numbers come from a counter row per session and stream, locked until the transaction ends, so they are
 * gap-free and in commit order.
 * <p>
 * A removal ({@link Frames#CONTRIBUTION_REMOVED}, {@link Frames#POLL_REMOVED}) also rewrites the earlier events of its
 * subject on that stream into removals, in the same transaction, and a poll's results replace its earlier results
 * ({@link BoardEvent#rewriteOfEarlierEvents}): a replay then never re-sends the text of something that has left the
 * stream (a question approved and then hidden, a word taken out of a cloud), and the stored log keeps no more of it
 * than the stream may show now.
 */
@ApplicationScoped
public class Board {

    /** Built on first use, not with the class: the hub's unit tests stand in for the board where there is no JSON-B. */
    private static final class Json {
        static final Jsonb JSON = JsonbBuilder.create();
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<BoardAdvanced> advanced;

    @Inject
    BoardState state;

    /** The stream's whole state, and the sequence number it is as of: both read in one transaction, so they agree. */
    public record Snapshot(long seq, String json) {
    }

    /** One change to a stream: what it is about ({@code subjectId}, null for the whole session) and its data. */
    public record Change(String subjectId, Object data) {
    }

    /**
     * Stores an event whose data is the JSON form of {@code data}, about {@code subjectId} (null when it is about the
     * whole session); returns its sequence number.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(String sessionId, Stream stream, String type, String subjectId, Object data) {
        return append(sessionId, stream, type, List.of(new Change(subjectId, data)));
    }

    /**
     * Stores one event of {@code type} for each change, in their order, with consecutive sequence numbers taken in one
     * statement (a batch of questions asked at once); returns the last.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(String sessionId, Stream stream, String type, List<Change> changes) {
        long last = reserveSeqs(sessionId, stream, changes.size());
        long seq = last - changes.size();
        for (Change change : changes) {
            seq++;
            String payload = Json.JSON.toJson(change.data());
            BoardEvent.Rewrite rewrite = BoardEvent.rewriteOfEarlierEvents(type, change.subjectId());
            if (rewrite != null) {
                var update = rewrite.only() == null ? em.createNamedQuery(BoardEvent.REWRITE_SUBJECT)
                        : em.createNamedQuery(BoardEvent.REWRITE_SUBJECT_OF_TYPE).setParameter("only", rewrite.only());
                update.setParameter("type", type)
                        .setParameter("payload", payload)
                        .setParameter("session", sessionId)
                        .setParameter("stream", stream)
                        .setParameter("subject", change.subjectId())
                        .executeUpdate();
            }
            em.persist(new BoardEvent(sessionId, stream, seq, type, change.subjectId(), payload, clock.instant()));
        }
        advanced.fire(new BoardAdvanced(sessionId, stream));
        return last;
    }

    /**
     * Takes the stream's counter lock now, before anything else the transaction writes: changes whose event data is
     * computed from the whole session (a feedback summary) are then made one after the other, each seeing the last.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockStream(String sessionId, Stream stream) {
        em.createNativeQuery("INSERT INTO board_stream (session_id, stream, last_seq) VALUES (?, ?, 0) "
                        + "ON DUPLICATE KEY UPDATE last_seq = last_seq")
                .setParameter(1, sessionId)
                .setParameter(2, stream.name())
                .executeUpdate();
    }

    /**
     * Events after {@code afterSeq}, oldest first, at most {@code limit}. Reads in a transaction of its own: the
     * fan-out calls it from executor threads, where only a transaction gives the entity manager a context.
     */
    @Transactional
    public List<BoardEvent> eventsAfter(String sessionId, Stream stream, long afterSeq, int limit) {
        return em.createNamedQuery(BoardEvent.FIND_AFTER, BoardEvent.class)
                .setParameter("session", sessionId)
                .setParameter("stream", stream)
                .setParameter("after", afterSeq)
                .setMaxResults(limit)
                .getResultList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Snapshot snapshot(String sessionId, Stream stream) {
        long seq = lastSeq(sessionId, stream);
        return new Snapshot(seq, state.snapshot(sessionId, stream));
    }

    @Transactional
    public long lastSeq(String sessionId, Stream stream) {
        Long last = em.createNamedQuery(BoardEvent.LAST_SEQ, Long.class)
                .setParameter("session", sessionId)
                .setParameter("stream", stream)
                .getSingleResult();
        return last == null ? 0 : last;
    }

    /** Takes the stream's next {@code count} sequence numbers (its counter row locked till commit): the last. */
    private long reserveSeqs(String sessionId, Stream stream, int count) {
        // LAST_INSERT_ID(expr) hands the new value back on this connection without a second read of the row
        em.createNativeQuery("INSERT INTO board_stream (session_id, stream, last_seq) VALUES (?, ?, LAST_INSERT_ID(?)) "
                        + "ON DUPLICATE KEY UPDATE last_seq = LAST_INSERT_ID(last_seq + ?)")
                .setParameter(1, sessionId)
                .setParameter(2, stream.name())
                .setParameter(3, count)
                .setParameter(4, count)
                .executeUpdate();
        return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
    }
}
