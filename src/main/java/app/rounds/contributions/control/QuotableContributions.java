package app.rounds.contributions.control;

import app.rounds.contributions.entity.Feedback;
import app.rounds.contributions.entity.Origin;
import app.rounds.contributions.entity.Question;
import app.rounds.contributions.entity.QuestionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Questions and feedback as material for a published highlight: what was said, where, by whom (a participant, or a
 * network handle), and whether it may be shown at all (a question that moderators approved; feedback with a comment
 * that screening found clean).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class QuotableContributions {

    public enum Kind {
        QUESTION, FEEDBACK
    }

    /** {@code showable} false: withdrawn, rejected, hidden, pending, flagged by screening, or without words. */
    public record Quotable(String id, Kind kind, String sessionId, String text, Origin origin, String participantId,
                           String authorHandle, String originalUrl, boolean showable, int votes, Integer rating,
                           Instant at) {
    }

    /** The lowest rating among the best rated comments suggested for highlights. */
    public static final int WELL_RATED = 4;

    @PersistenceContext
    EntityManager em;

    public Optional<Quotable> question(String sessionId, String id) {
        Question question = em.find(Question.class, id);
        return question == null || !question.sessionId().equals(sessionId) ? Optional.empty()
                : Optional.of(of(question));
    }

    public Optional<Quotable> feedback(String sessionId, String id) {
        Feedback feedback = em.find(Feedback.class, id);
        return feedback == null || !feedback.sessionId().equals(sessionId) ? Optional.empty()
                : Optional.of(of(feedback));
    }

    /** The approved questions with the most votes first. */
    public List<Quotable> mostVotedQuestions(String sessionId, int limit) {
        return em.createNamedQuery(Question.FIND_BY_SESSION, Question.class).setParameter("session", sessionId)
                .getResultStream().map(QuotableContributions::of).filter(Quotable::showable)
                .sorted(Comparator.comparingInt(Quotable::votes).reversed()).limit(limit).toList();
    }

    /** Clean feedback comments rated {@value #WELL_RATED} stars or more, the best rated first, then the newest. */
    public List<Quotable> bestRatedComments(String sessionId, int limit) {
        return bestRated(em.createNamedQuery(Feedback.FIND_BY_SESSION, Feedback.class)
                .setParameter("session", sessionId).getResultStream().map(QuotableContributions::of), limit);
    }

    /**
     * A critical comment (1 to 3 stars) is no "best rated" material: offered among praise it would read as praise in
     * a highlight, and a curator skimming suggestions might publish it by mistake.
     */
    static List<Quotable> bestRated(Stream<Quotable> feedback, int limit) {
        return feedback.filter(Quotable::showable).filter(f -> f.rating() != null && f.rating() >= WELL_RATED)
                .sorted(Comparator.comparing(Quotable::rating).thenComparing(Quotable::at).reversed())
                .limit(limit).toList();
    }

    /** The ids of everything a participant contributed to their session: questions and feedback. */
    public List<String> idsOf(String participantId) {
        return Stream.concat(
                em.createNamedQuery(Question.FIND_BY_PARTICIPANT, Question.class)
                        .setParameter("participant", participantId).getResultStream().map(Question::id),
                em.createQuery("SELECT f.id FROM Feedback f WHERE f.participantId = :participant", String.class)
                        .setParameter("participant", participantId).getResultStream()).toList();
    }

    static Quotable of(Question q) {
        return new Quotable(q.id(), Kind.QUESTION, q.sessionId(), q.text(), q.provenance().origin(),
                q.participantId(), q.provenance().authorHandle(), q.provenance().originalUrl(),
                q.status() == QuestionStatus.APPROVED, q.votes(), null, q.createdAt());
    }

    static Quotable of(Feedback f) {
        return new Quotable(f.id(), Kind.FEEDBACK, f.sessionId(), f.comment(), f.provenance().origin(),
                f.participantId(), f.provenance().authorHandle(), f.provenance().originalUrl(),
                f.comment() != null && !f.screening().held(), 0, f.rating(), f.updatedAt());
    }
}
