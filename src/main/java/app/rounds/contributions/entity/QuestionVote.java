package app.rounds.contributions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** One participant's vote on one question. Votes are stored in batches of plain SQL (VoteWrites). */
@Entity
@Table(name = "question_vote")
@IdClass(QuestionVote.Key.class)
@NamedQuery(name = QuestionVote.FIND_BY_PARTICIPANT,
        query = "SELECT v.questionId FROM QuestionVote v WHERE v.participantId = :participant")
public class QuestionVote {

    public static final String FIND_BY_PARTICIPANT = "QuestionVote.findByParticipant";

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
