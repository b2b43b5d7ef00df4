package app.rounds.contributions.control;

import app.rounds.board.control.Board;
import app.rounds.board.entity.Frames;
import app.rounds.board.entity.Stream;
import app.rounds.contributions.entity.Feedback;
import app.rounds.contributions.entity.Origin;
import app.rounds.contributions.entity.Provenance;
import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.UniqueConstraints;
import app.rounds.screening.control.Screener;
import app.rounds.sessions.control.Participants.Joined;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Feedback on a session: one rating (1–5) and optional comment per participant, replaced when given again. Only the
 * session's staff see it, as a summary on the moderation stream; a comment that screening flags is kept out of the
 * latest comments and shown with its findings in the full list.
 */
@ApplicationScoped
@Transactional
public class FeedbackBox {

    static final int LATEST_COMMENTS = 5;

    public record Given(int rating, String comment, Instant at) {
    }

    public record Comment(String comment, int rating, Instant at) {
    }

    public record Summary(int count, double average, int[] distribution, List<Comment> latestComments) {
    }

    /** One feedback for staff, with where it came from (the web page, or a post and its author's handle). */
    public record Entry(int rating, String comment, Instant at, List<Findings.Shown> screening,
                        List<Findings.Shown> screeningNotes, Origin origin,
                        String authorHandle) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Screener screener;

    @Inject
    Board board;

    @Inject
    Clock clock;

    @Inject
    Event<ContributionRetracted> retracted;

    public Given give(Joined trainee, int rating, String comment) {
        Questions.ensureOpen(trainee);
        String sessionId = trainee.session().id();
        board.lockStream(sessionId, Stream.MODERATION);
        Feedback feedback = em.createNamedQuery(Feedback.FIND_BY_PARTICIPANT, Feedback.class)
                .setParameter("session", sessionId)
                .setParameter("participant", trainee.participant().id())
                .getResultStream().findFirst()
                .orElseGet(() -> {
                    Feedback created = new Feedback(sessionId, trainee.participant().id(), clock.instant());
                    em.persist(created);
                    return created;
                });
        String stripped = comment == null ? null : comment.strip(); // screened as stored, for the offsets
        feedback.rate(rating, stripped, Findings.recorded(screener.screen(stripped)), clock.instant());
        retracted.fire(new ContributionRetracted(sessionId, feedback.id(), "changed by its author"));
        UniqueConstraints.flush(em, "uq_feedback_participant", () -> ProblemException.conflict("concurrent-change",
                "Your feedback was just given from another tab; reload and try again."));
        appendSummary(sessionId);
        return new Given(feedback.rating(), feedback.comment(), feedback.updatedAt());
    }

    /**
     * Feedback from a post ({@code #feedback} with a rating): one per author and session, replaced when they give it
     * again; staff-only like all feedback, its comment screened. Returns its id.
     */
    public String ingest(String sessionId, Provenance provenance, String postUri, int rating, String comment) {
        board.lockStream(sessionId, Stream.MODERATION);
        Feedback feedback = (provenance.authorHandle() == null ? java.util.stream.Stream.<Feedback>empty()
                : em.createNamedQuery(Feedback.FIND_BY_AUTHOR, Feedback.class).setParameter("session", sessionId)
                .setParameter("author", provenance.authorHandle()).getResultStream()).findFirst()
                .orElseGet(() -> {
                    Feedback created = Feedback.fromPost(sessionId, provenance, postUri, clock.instant());
                    em.persist(created);
                    return created;
                });
        feedback.cameFrom(provenance, postUri);
        rate(feedback, rating, comment);
        return feedback.id();
    }

    /** The post behind this feedback was edited (an earlier post its author has since replaced changes nothing). */
    public void revise(String feedbackId, String postUri, int rating, String comment) {
        Feedback feedback = em.find(Feedback.class, feedbackId);
        if (feedback != null && feedback.reflects(postUri)) {
            board.lockStream(feedback.sessionId(), Stream.MODERATION);
            rate(feedback, rating, comment);
            retracted.fire(new ContributionRetracted(feedback.sessionId(), feedback.id(), "edited at its source"));
        }
    }

    /**
     * The post behind this feedback was deleted, or edited so that it no longer rates: the feedback no longer counts
     * (an earlier post its author has since replaced changes nothing).
     */
    public void withdraw(String feedbackId, String postUri) {
        Feedback feedback = em.find(Feedback.class, feedbackId);
        if (feedback != null && feedback.reflects(postUri)) {
            board.lockStream(feedback.sessionId(), Stream.MODERATION);
            retracted.fire(new ContributionRetracted(feedback.sessionId(), feedback.id(), "deleted at its source"));
            em.remove(feedback);
            em.flush();
            appendSummary(feedback.sessionId());
        }
    }

    private void rate(Feedback feedback, int rating, String comment) {
        String shortened = comment == null ? null : Questions.shortened(comment, Feedback.MAX_COMMENT);
        feedback.rate(rating, shortened, Findings.recorded(screener.screen(shortened)), clock.instant());
        em.flush();
        appendSummary(feedback.sessionId());
    }

    private void appendSummary(String sessionId) {
        // a locking read sees every feedback committed before this one took the lock, not this transaction's snapshot
        board.append(sessionId, Stream.MODERATION, Frames.FEEDBACK_SUMMARY, null,
                summarise(all(sessionId, LockModeType.PESSIMISTIC_READ)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Summary summary(String sessionId) {
        return summarise(all(sessionId, LockModeType.NONE));
    }

    /** {@code all} as read for the session (newest first): the latest comments are the first clean ones. */
    static Summary summarise(List<Feedback> all) {
        int[] distribution = new int[5];
        all.forEach(f -> distribution[f.rating() - 1]++);
        double average = all.stream().mapToInt(Feedback::rating).average().orElse(0);
        List<Comment> latest = all.stream()
                .filter(f -> f.comment() != null && !f.screening().held())
                .limit(LATEST_COMMENTS)
                .map(f -> new Comment(f.comment(), f.rating(), f.updatedAt()))
                .toList();
        return new Summary(all.size(), Math.round(average * 100) / 100.0, distribution, latest);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Entry> entries(String sessionId) {
        return all(sessionId, LockModeType.NONE).stream()
                .map(f -> new Entry(f.rating(), f.comment(), f.updatedAt(), Findings.read(f.screening().findings()),
                        Findings.read(f.screening().notes()),
                        f.provenance().origin(), f.provenance().authorHandle()))
                .toList();
    }

    private List<Feedback> all(String sessionId, LockModeType lock) {
        return em.createNamedQuery(Feedback.FIND_BY_SESSION, Feedback.class)
                .setParameter("session", sessionId).setLockMode(lock).getResultList();
    }
}
