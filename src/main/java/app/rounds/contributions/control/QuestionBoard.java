package app.rounds.contributions.control;

import app.rounds.board.control.BoardState;
import app.rounds.board.entity.Stream;
import app.rounds.contributions.entity.Question;
import app.rounds.sessions.control.TrainingSessions;
import app.rounds.sessions.control.SessionSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The board's state as contributions know it: for snapshots and for the vote counts sent after a replay. Called from
 * the fan-out's threads, so each read runs in a transaction (of its own when there is none).
 */
@ApplicationScoped
@Transactional
public class QuestionBoard implements BoardState {

    private static final Jsonb JSON = JsonbBuilder.create();

    /** {@code poll}: the current poll (the open one, else the one closed last) with its results when shown. */
    public record PublicSnapshot(SessionSummary session, List<QuestionViews.PublicQuestion> questions,
                                 PollViews.PollWithResults poll) {
    }

    public record ModerationSnapshot(SessionSummary session, List<QuestionViews.ModeratedQuestion> questions,
                                     FeedbackBox.Summary feedback, List<PollViews.PollWithResults> polls) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    TrainingSessions sessions;

    @Inject
    Questions questions;

    @Inject
    FeedbackBox feedback;

    @Inject
    Polls polls;

    @Override
    public String snapshot(String sessionId, Stream stream) {
        SessionSummary session = sessions.summary(sessionId);
        return switch (stream) {
            case PUBLIC -> JSON.toJson(new PublicSnapshot(session, em.createNamedQuery(Question.FIND_VISIBLE, Question.class)
                    .setParameter("session", sessionId).getResultStream().map(QuestionViews::publicView).toList(),
                    polls.currentForPublic(sessionId)));
            case MODERATION -> JSON.toJson(new ModerationSnapshot(session,
                    questions.allForModerators(sessionId), feedback.summary(sessionId), polls.forStaff(sessionId)));
        };
    }

    @Override
    public Map<String, Integer> voteCounts(String sessionId, Stream stream) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        em.createNamedQuery(Question.FIND_BY_SESSION, Question.class)
                .setParameter("session", sessionId)
                .getResultStream()
                .filter(q -> stream == Stream.MODERATION || q.visible())
                .forEach(q -> counts.put(q.id(), q.votes()));
        return counts;
    }
}
