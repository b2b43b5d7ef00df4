package app.rounds.contributions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** One participant's vote on one question. Votes are inserted natively (INSERT IGNORE: see Questions.toggleVote). */
@Entity
@Table(name = "question_vote")
@IdClass(QuestionVote.Key.class)
@NamedQuery(name = QuestionVote.DELETE,
        query = "DELETE FROM QuestionVote v WHERE v.questionId = :question AND v.participantId = :participant")
@NamedQuery(name = QuestionVote.FIND_BY_PARTICIPANT,
        query = "SELECT v.questionId FROM QuestionVote v WHERE v.participantId = :participant")
@NamedQuery(name = QuestionVote.COUNT_ONE,
        query = "SELECT COUNT(v) FROM QuestionVote v WHERE v.questionId = :question AND v.participantId = :participant")
@NamedQuery(name = QuestionVote.COUNT_FOR_QUESTION,
        query = "SELECT COUNT(v) FROM QuestionVote v WHERE v.questionId = :question")
public class QuestionVote {

    public static final String COUNT_FOR_QUESTION = "QuestionVote.countForQuestion";
    public static final String DELETE = "QuestionVote.delete";
    public static final String FIND_BY_PARTICIPANT = "QuestionVote.findByParticipant";
    public static final String COUNT_ONE = "QuestionVote.countOne";

    public record Key(String questionId, String participantId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "question_id", length = 36)
    private String questionId;

    @Id
    @Column(name = "participant_id", length = 36)
    private String participantId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected QuestionVote() {
    }
}
