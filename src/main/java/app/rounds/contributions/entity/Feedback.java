package app.rounds.contributions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Embedded;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A rating of a session (1–5) with an optional comment, from a participant or from a post ({@code #feedback 4/5}) with
 * its author's handle; giving feedback again replaces it.
 */
@Entity
@Table(name = "feedback")
@NamedQuery(name = Feedback.FIND_BY_SESSION,
        query = "SELECT f FROM Feedback f WHERE f.sessionId = :session ORDER BY f.updatedAt DESC")
@NamedQuery(name = Feedback.FIND_BY_PARTICIPANT, query = "SELECT f FROM Feedback f WHERE f.sessionId = :session "
        + "AND f.participantId = :participant")
@NamedQuery(name = Feedback.FIND_BY_AUTHOR, query = "SELECT f FROM Feedback f WHERE f.sessionId = :session "
        + "AND f.provenance.authorHandle = :author")
public class Feedback {

    public static final String FIND_BY_SESSION = "Feedback.findBySession";
    public static final String FIND_BY_PARTICIPANT = "Feedback.findByParticipant";
    public static final String FIND_BY_AUTHOR = "Feedback.findByAuthor";
    public static final int MAX_COMMENT = 1000;

    @Id
    private String id;

    @Column(name = "session_id", nullable = false, length = 36)
    private String sessionId;

    @Column(name = "participant_id", length = 36)
    private String participantId;

    @Embedded
    private Provenance provenance = Provenance.web();

    /** The post this feedback reflects now (its author's latest), when it came from posts. */
    @Column(name = "post_uri", length = 2000)
    private String postUri;

    @Column(nullable = false)
    private int rating;

    @Column(length = MAX_COMMENT)
    private String comment;

    @Embedded
    private ScreeningRecord screening = ScreeningRecord.clean();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Feedback() {
    }

    public Feedback(String sessionId, String participantId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.sessionId = sessionId;
        this.participantId = participantId;
        this.createdAt = now;
    }

    /** Feedback from a post on a network. */
    public static Feedback fromPost(String sessionId, Provenance provenance, String postUri, Instant now) {
        Feedback feedback = new Feedback(sessionId, null, now);
        feedback.cameFrom(provenance, postUri);
        return feedback;
    }

    /** Its author posted feedback again: it now reflects that post. */
    public void cameFrom(Provenance provenance, String postUri) {
        this.provenance = provenance;
        this.postUri = postUri;
    }

    /**
     * Whether a change to the post of that URI (an edit, a deletion) changes this feedback: only to the post it
     * reflects now, not to one its author has since replaced (feedback from before Rounds kept this: any post).
     */
    public boolean reflects(String postUri) {
        return this.postUri == null || this.postUri.equals(postUri);
    }

    public void rate(int rating, String comment, ScreeningRecord screening, Instant now) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating must be 1 to 5");
        }
        this.rating = rating;
        this.comment = comment == null || comment.isBlank() ? null : comment.strip();
        this.screening = screening;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public Provenance provenance() {
        return provenance;
    }

    public String participantId() {
        return participantId;
    }

    public int rating() {
        return rating;
    }

    public String comment() {
        return comment;
    }

    public ScreeningRecord screening() {
        return screening == null ? ScreeningRecord.clean() : screening;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
