package app.rounds.contributions.control;

import app.rounds.board.control.Board;
import app.rounds.board.control.VotesChanged;
import app.rounds.board.entity.Frames;
import app.rounds.board.entity.Stream;
import app.rounds.contributions.control.QuestionViews.ModeratedQuestion;
import app.rounds.contributions.control.QuestionViews.OwnQuestion;
import app.rounds.contributions.control.QuestionViews.VoteView;
import app.rounds.contributions.entity.Question;
import app.rounds.contributions.entity.QuestionStatus;
import app.rounds.contributions.entity.QuestionVote;
import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.UniqueConstraints;
import app.rounds.screening.control.Screener;
import app.rounds.sessions.control.Participants.Joined;
import app.rounds.sessions.entity.ModerationMode;
import app.rounds.sessions.entity.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Asking, voting on and moderating questions; each change goes to the board in the same transaction. */
@ApplicationScoped
@Transactional
public class Questions {

    public enum Order {
        VOTES, NEWEST;

        public static Order parse(String typed) {
            if (typed == null || typed.isBlank()) {
                return NEWEST;
            }
            try {
                return valueOf(typed.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("sort", "must be votes or newest");
            }
        }

        Comparator<Question> comparator() {
            Comparator<Question> newest = Comparator.comparing(Question::createdAt).reversed();
            return this == VOTES ? Comparator.comparingInt(Question::votes).reversed().thenComparing(newest) : newest;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Screener screener;

    @Inject
    Board board;

    @Inject
    Event<VotesChanged> votesChanged;

    @Inject
    Clock clock;

    public OwnQuestion ask(Joined trainee, String text) {
        ensureOpen(trainee);
        String findings = Findings.stored(screener.screen(text));
        Question question = new Question(trainee.session().id(), trainee.participant().id(),
                trainee.participant().displayName(), text.strip(), findings,
                trainee.session().moderationMode() == ModerationMode.PRE_MODERATION, clock.instant());
        em.persist(question);
        board.append(question.sessionId(), Stream.MODERATION, Frames.CONTRIBUTION_CREATED,
                QuestionViews.moderated(question));
        if (question.visible()) {
            board.append(question.sessionId(), Stream.PUBLIC, Frames.CONTRIBUTION_CREATED,
                    QuestionViews.publicView(question));
        }
        return QuestionViews.own(question);
    }

    /**
     * Adds the participant's vote, or takes it back if they had voted already. The count changes by an UPDATE of its
     * own, not through the entity, so a vote storm neither loses counts nor bumps the version moderators edit against.
     */
    public VoteView toggleVote(Joined trainee, String questionId) {
        ensureOpen(trainee);
        // lock the question first: the vote row's foreign key would otherwise take a shared lock on it, and two voters
        // each holding one while waiting to update the count deadlock
        Question question = em.find(Question.class, questionId, LockModeType.PESSIMISTIC_WRITE);
        if (question == null || !question.sessionId().equals(trainee.session().id()) || !question.visible()) {
            throw ProblemException.notFound("question-not-found", "There is no such question on this board.");
        }
        // whether a vote was there is what the DELETE removed, not what an earlier read of this transaction saw
        boolean hadVoted = em.createNamedQuery(QuestionVote.DELETE).setParameter("question", questionId)
                .setParameter("participant", trainee.participant().id()).executeUpdate() > 0;
        if (!hadVoted) {
            em.persist(new QuestionVote(questionId, trainee.participant().id(), clock.instant()));
            UniqueConstraints.flush(em, "PRIMARY", () -> ProblemException.conflict("concurrent-change",
                    "This vote was just counted; reload and try again."));
        }
        em.createNamedQuery(Question.COUNT_VOTE).setParameter("id", questionId)
                .setParameter("delta", hadVoted ? -1 : 1).executeUpdate();
        int votes = em.createNamedQuery(Question.VOTES, Integer.class).setParameter("id", questionId).getSingleResult();
        votesChanged.fire(new VotesChanged(question.sessionId(), questionId));
        return new VoteView(questionId, !hadVoted, votes);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OwnQuestion> asked(Joined trainee) {
        return em.createNamedQuery(Question.FIND_BY_PARTICIPANT, Question.class)
                .setParameter("participant", trainee.participant().id())
                .getResultStream().map(QuestionViews::own).toList();
    }

    /** The session's questions for its staff; archived ones only when asked for. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ModeratedQuestion> forModerators(String sessionId, QuestionStatus status, boolean archived,
                                                 Order order) {
        return em.createNamedQuery(Question.FIND_BY_SESSION, Question.class)
                .setParameter("session", sessionId)
                .getResultStream()
                .filter(q -> status == null || q.status() == status)
                .filter(q -> q.archived() == archived)
                .sorted(order.comparator())
                .map(QuestionViews::moderated).toList();
    }

    public ModeratedQuestion moderate(String sessionId, String questionId, QuestionStatus next) {
        Question question = questionOf(sessionId, questionId);
        if (question.status() == next) {
            return QuestionViews.moderated(question);
        }
        if (!question.status().canBecome(next)) {
            throw ProblemException.conflict("moderation-not-allowed", "A " + question.status().name().toLowerCase(Locale.ROOT)
                    + " question cannot become " + next.name().toLowerCase(Locale.ROOT) + ".");
        }
        boolean wasVisible = question.visible();
        question.moveTo(next, clock.instant());
        return published(question, wasVisible);
    }

    /** Sets the flags given (null leaves one as it is). */
    public ModeratedQuestion flag(String sessionId, String questionId, Boolean answered, Boolean pinned,
                                  Boolean archived) {
        Question question = questionOf(sessionId, questionId);
        boolean wasVisible = question.visible();
        var now = clock.instant();
        if (answered != null) {
            question.markAnswered(answered, now);
        }
        if (pinned != null) {
            question.pin(pinned, now);
        }
        if (archived != null) {
            question.archive(archived, now);
        }
        return published(question, wasVisible);
    }

    private ModeratedQuestion published(Question question, boolean wasVisible) {
        ModeratedQuestion moderated = QuestionViews.moderated(question);
        board.append(question.sessionId(), Stream.MODERATION, Frames.CONTRIBUTION_UPDATED, moderated);
        if (question.visible()) {
            board.append(question.sessionId(), Stream.PUBLIC,
                    wasVisible ? Frames.CONTRIBUTION_UPDATED : Frames.CONTRIBUTION_CREATED,
                    QuestionViews.publicView(question));
        } else if (wasVisible) {
            board.append(question.sessionId(), Stream.PUBLIC, Frames.CONTRIBUTION_REMOVED,
                    new QuestionViews.Removed(question.id()));
        }
        return moderated;
    }

    private Question questionOf(String sessionId, String questionId) {
        Question question = em.find(Question.class, questionId);
        if (question == null || !question.sessionId().equals(sessionId)) {
            throw ProblemException.notFound("question-not-found", "There is no question '" + questionId
                    + "' in this session.");
        }
        return question;
    }

    static void ensureOpen(Joined trainee) {
        if (trainee.session().status() == SessionStatus.ENDED) {
            throw ProblemException.conflict("session-ended", "This session has ended.");
        }
    }
}
