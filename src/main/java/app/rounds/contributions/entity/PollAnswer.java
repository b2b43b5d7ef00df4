package app.rounds.contributions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One participant's answer to one poll: the options they chose (positions) or their rating, and a quiz's points.
 * Written natively (an upsert: see Polls.answer); free text is in {@link PollEntry}.
 */
@Entity
@Table(name = "poll_answer")
@IdClass(PollAnswer.Key.class)
@NamedQuery(name = PollAnswer.FIND_BY_POLL, query = "SELECT a FROM PollAnswer a WHERE a.pollId = :poll")
@NamedQuery(name = PollAnswer.FIND_ONE,
        query = "SELECT a FROM PollAnswer a WHERE a.pollId = :poll AND a.participantId = :participant")
@NamedQuery(name = PollAnswer.POINTS_IN_SESSION, query = "SELECT a.participantId, SUM(a.points), MAX(a.answeredAt) "
        + "FROM PollAnswer a, Poll p WHERE p.id = a.pollId AND p.sessionId = :session "
        + "AND p.kind = app.rounds.contributions.entity.PollKind.QUIZ GROUP BY a.participantId")
public class PollAnswer {

    public static final String FIND_BY_POLL = "PollAnswer.findByPoll";
    public static final String FIND_ONE = "PollAnswer.findOne";
    public static final String POINTS_IN_SESSION = "PollAnswer.pointsInSession";

    public record Key(String pollId, String participantId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "poll_id", length = 36)
    private String pollId;

    @Id
    @Column(name = "participant_id", length = 36)
    private String participantId;

    /** The chosen options' positions, comma-separated; null for a rating or free text. */
    @Column(length = 200)
    private String choices;

    private Integer rating;

    @Column(nullable = false)
    private int points;

    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;

    protected PollAnswer() {
    }

    public PollAnswer(String pollId, String participantId, List<Integer> choices, Integer rating, int points,
                      Instant answeredAt) {
        this.pollId = pollId;
        this.participantId = participantId;
        this.choices = storedChoices(choices);
        this.rating = rating;
        this.points = points;
        this.answeredAt = answeredAt;
    }

    /** Positions as stored: "0,2"; null for none. */
    public static String storedChoices(List<Integer> choices) {
        return choices == null || choices.isEmpty() ? null
                : choices.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    public String pollId() {
        return pollId;
    }

    public String participantId() {
        return participantId;
    }

    public List<Integer> choices() {
        return choices == null || choices.isBlank() ? List.of()
                : Arrays.stream(choices.split(",")).map(Integer::valueOf).toList();
    }

    public Integer rating() {
        return rating;
    }

    public int points() {
        return points;
    }

    public Instant answeredAt() {
        return answeredAt;
    }
}
