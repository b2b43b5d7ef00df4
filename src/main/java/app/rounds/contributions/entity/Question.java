package app.rounds.contributions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A trainee's question in a session, with its moderation state and votes. */
@Entity
@Table(name = "question")
@NamedQuery(name = Question.FIND_BY_SESSION,
        query = "SELECT q FROM Question q WHERE q.sessionId = :session ORDER BY q.createdAt")
@NamedQuery(name = Question.FIND_BY_PARTICIPANT,
        query = "SELECT q FROM Question q WHERE q.participantId = :participant ORDER BY q.createdAt")
@NamedQuery(name = Question.FIND_VISIBLE, query = "SELECT q FROM Question q WHERE q.sessionId = :session "
        + "AND q.status = app.rounds.contributions.entity.QuestionStatus.APPROVED AND q.archived = FALSE "
        + "ORDER BY q.createdAt")
@NamedQuery(name = Question.FIND_IN_SESSION,
        query = "SELECT q FROM Question q WHERE q.sessionId = :session AND q.id IN :ids")
@NamedQuery(name = Question.COUNT_VOTES, query = "SELECT v.questionId, COUNT(v) FROM QuestionVote v "
        + "WHERE v.questionId IN :ids GROUP BY v.questionId")
@NamedQuery(name = Question.SET_VOTES, query = "UPDATE Question q SET q.votes = :votes WHERE q.id = :id")
public class Question {

    public static final String FIND_BY_SESSION = "Question.findBySession";
    public static final String FIND_BY_PARTICIPANT = "Question.findByParticipant";
    public static final String FIND_VISIBLE = "Question.findVisible";
    public static final String COUNT_VOTES = "Question.countVotes";
    public static final String SET_VOTES = "Question.setVotes";
    public static final String FIND_IN_SESSION = "Question.findInSession";
    public static final int MAX_LENGTH = 1000;

    @Id
    private String id;

    @Column(name = "session_id", nullable = false, length = 36)
    private String sessionId;

    @Column(name = "participant_id", length = 36)
    private String participantId;

    @Column(name = "author_name", length = 60)
    private String authorName;

    @Embedded
    private Provenance provenance = Provenance.web();

    @Column(nullable = false, length = MAX_LENGTH)
    private String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private QuestionStatus status;

    @Column(nullable = false)
    private boolean answered;

    @Column(nullable = false)
    private boolean pinned;

    @Column(nullable = false)
    private boolean archived;

    /** Screening findings and notes, for moderators only. */
    @Embedded
    private ScreeningRecord screening = ScreeningRecord.clean();

    @Column(nullable = false)
    private int votes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Question() {
    }

    /**
     * A new question: held PENDING when screening flagged it or the session pre-moderates, otherwise APPROVED at once.
     */
    public Question(String sessionId, String participantId, String authorName, String text, ScreeningRecord screening,
                    boolean preModeration, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.sessionId = sessionId;
        this.participantId = participantId;
        this.authorName = authorName;
        this.text = text;
        this.screening = screening;
        this.status = preModeration || screening.held() ? QuestionStatus.PENDING : QuestionStatus.APPROVED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A post taken from a network: it always waits for moderation, whatever the session's mode. */
    public static Question ingested(String sessionId, Provenance provenance, String text, ScreeningRecord screening,
                                    Instant now) {
        Question question = new Question(sessionId, null, null, text, screening, true, now);
        question.provenance = provenance;
        return question;
    }

    /** The original was edited: the new text is screened again and goes back to moderation. */
    public void revise(String text, ScreeningRecord screening, Instant now) {
        if (status == QuestionStatus.WITHDRAWN) {
            throw new IllegalStateException("A withdrawn question stays withdrawn");
        }
        this.text = text;
        this.screening = screening;
        this.status = QuestionStatus.PENDING;
        this.updatedAt = now;
    }

    /** The original was deleted: never shown or published again. */
    public void withdraw(Instant now) {
        status = QuestionStatus.WITHDRAWN;
        pinned = false;
        updatedAt = now;
    }

    /** Whether this participant asked it on the web page (an ingested post has no participant). */
    public boolean askedBy(String participantId) {
        return participantId != null && participantId.equals(this.participantId);
    }

    /**
     * Its author takes it back: it leaves the moderation queue and the board and is never shown or published again.
     * Only the participant who asked it may, from any state but WITHDRAWN (a rejected one too: an undone reject
     * could otherwise still bring it onto the board).
     */
    public void withdrawByAuthor(String participantId, Instant now) {
        if (!askedBy(participantId)) {
            throw new IllegalArgumentException("Only the participant who asked a question may withdraw it");
        }
        if (!status.withdrawableByAuthor()) {
            throw new IllegalStateException("A " + status + " question cannot be withdrawn");
        }
        withdraw(now);
    }

    public void moveTo(QuestionStatus next, Instant now) {
        if (!status.canBecome(next)) {
            throw new IllegalStateException("A " + status + " question cannot become " + next);
        }
        status = next;
        updatedAt = now;
    }

    /** Marks it answered or not; whether that changed it. */
    public boolean markAnswered(boolean answered, Instant now) {
        if (this.answered == answered) {
            return false;
        }
        this.answered = answered;
        this.updatedAt = now;
        return true;
    }

    /** Pins or unpins it; whether that changed it. */
    public boolean pin(boolean pinned, Instant now) {
        if (this.pinned == pinned) {
            return false;
        }
        this.pinned = pinned;
        this.updatedAt = now;
        return true;
    }

    /**
     * Archives it, out of the way of every list but the archived one, or takes it back out: its status, pin and
     * answered mark stay as they were, so unarchiving puts it back where it was (the queue, the board, the hidden
     * ones). Whether that changed it.
     */
    public boolean archive(boolean archived, Instant now) {
        if (this.archived == archived) {
            return false;
        }
        this.archived = archived;
        this.updatedAt = now;
        return true;
    }

    /** Whether the public board shows it. */
    public boolean visible() {
        return status == QuestionStatus.APPROVED && !archived;
    }

    public String id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public String participantId() {
        return participantId;
    }

    public String authorName() {
        return authorName;
    }

    public Provenance provenance() {
        return provenance;
    }

    public String text() {
        return text;
    }

    public QuestionStatus status() {
        return status;
    }

    public boolean answered() {
        return answered;
    }

    public boolean pinned() {
        return pinned;
    }

    public boolean archived() {
        return archived;
    }

    public ScreeningRecord screening() {
        return screening == null ? ScreeningRecord.clean() : screening;
    }

    public int votes() {
        return votes;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
