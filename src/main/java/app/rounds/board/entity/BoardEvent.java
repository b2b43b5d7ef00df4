package app.rounds.board.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One change on one stream of a session's board, stored in the transaction that made the change. Its sequence
 * number is gap-free per session and stream; a reconnecting client asks for what follows the last one it saw.
 */
@Entity
@Table(name = "board_event")
@IdClass(BoardEvent.Key.class)
@NamedQuery(name = BoardEvent.FIND_AFTER, query = "SELECT e FROM BoardEvent e WHERE e.sessionId = :session "
        + "AND e.stream = :stream AND e.seq > :after ORDER BY e.seq")
@NamedQuery(name = BoardEvent.REWRITE_SUBJECT, query = "UPDATE BoardEvent e SET e.type = :type, e.payload = :payload "
        + "WHERE e.sessionId = :session AND e.stream = :stream AND e.subjectId = :subject AND e.type <> :type")
@NamedQuery(name = BoardEvent.REWRITE_SUBJECT_OF_TYPE, query = "UPDATE BoardEvent e SET e.type = :type, "
        + "e.payload = :payload WHERE e.sessionId = :session AND e.stream = :stream AND e.subjectId = :subject "
        + "AND e.type = :only")
@NamedQuery(name = BoardEvent.LAST_SEQ, query = "SELECT MAX(e.seq) FROM BoardEvent e WHERE e.sessionId = :session "
        + "AND e.stream = :stream")
public class BoardEvent {

    public static final String FIND_AFTER = "BoardEvent.findAfter";
    public static final String LAST_SEQ = "BoardEvent.lastSeq";
    public static final String REWRITE_SUBJECT = "BoardEvent.rewriteSubject";
    public static final String REWRITE_SUBJECT_OF_TYPE = "BoardEvent.rewriteSubjectOfType";

    public record Key(String sessionId, Stream stream, long seq) implements Serializable {
        public Key() {
            this(null, null, 0);
        }
    }

    @Id
    @Column(name = "session_id", length = 36)
    private String sessionId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 12)
    private Stream stream;

    @Id
    private long seq;

    @Column(nullable = false, length = 40)
    private String type;

    /** What the event is about (a question's or a poll's id), or null: see {@link #rewriteOfEarlierEvents}. */
    @Column(name = "subject_id", length = 36)
    private String subjectId;

    /** The frame's data, as JSON. */
    @Column(nullable = false)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected BoardEvent() {
    }

    public BoardEvent(String sessionId, Stream stream, long seq, String type, String subjectId, String payload,
            Instant createdAt) {
        this.sessionId = Objects.requireNonNull(sessionId);
        this.stream = Objects.requireNonNull(stream);
        this.seq = seq;
        this.type = Objects.requireNonNull(type);
        this.subjectId = subjectId;
        this.payload = Objects.requireNonNull(payload);
        this.createdAt = createdAt;
    }

    /**
     * What storing an event of {@code type} about {@code subjectId} does first to the earlier events of that subject on
     * its stream, so that nothing replayed still carries what the stream may no longer show: a removal turns all of
     * them into itself; a poll's results replace its earlier results; hiding a poll's results turns its earlier
     * results into the hiding. Null: nothing.
     */
    public static Rewrite rewriteOfEarlierEvents(String type, String subjectId) {
        if (subjectId == null) {
            return null;
        }
        return switch (type) {
            case Frames.CONTRIBUTION_REMOVED, Frames.POLL_REMOVED -> new Rewrite(null);
            case Frames.POLL_RESULTS, Frames.POLL_HIDDEN -> new Rewrite(Frames.POLL_RESULTS);
            default -> null;
        };
    }

    /**
     * Earlier events of the subject of type {@code only} (every type when null) become the new event: its type and
     * its data.
     */
    public record Rewrite(String only) {
    }

    /**
     * This event as storing {@code later} on its stream leaves it ({@link #rewriteOfEarlierEvents}): so that a copy
     * kept in memory says what the stored event says now.
     */
    public BoardEvent rewrittenBy(BoardEvent later) {
        Rewrite rewrite = rewriteOfEarlierEvents(later.type, later.subjectId);
        boolean rewritten = rewrite != null && seq < later.seq && later.subjectId.equals(subjectId)
                && later.stream == stream && later.sessionId.equals(sessionId)
                && (rewrite.only() == null || rewrite.only().equals(type));
        return rewritten ? new BoardEvent(sessionId, stream, seq, later.type, subjectId, later.payload, createdAt) : this;
    }

    public String sessionId() {
        return sessionId;
    }

    public Stream stream() {
        return stream;
    }

    public long seq() {
        return seq;
    }

    public String type() {
        return type;
    }

    public String payload() {
        return payload;
    }

    /** The frame a client receives. The payload is JSON already, so it is embedded as it is. */
    public String frame() {
        return Frames.frame(seq, type, payload);
    }
}
