package app.rounds.contributions.control;

import app.rounds.audit.control.AuditLog;
import app.rounds.board.control.Board;
import app.rounds.board.entity.Frames;
import app.rounds.board.entity.Stream;
import app.rounds.contributions.control.QuestionViews.ModeratedQuestion;
import app.rounds.contributions.control.QuestionViews.OwnQuestion;
import app.rounds.contributions.entity.Provenance;
import app.rounds.contributions.entity.Question;
import app.rounds.contributions.entity.QuestionStatus;
import app.rounds.contributions.entity.ScreeningRecord;
import app.rounds.contributions.entity.QuestionVote;
import app.rounds.platform.control.ProblemException;
import app.rounds.screening.control.Screener;
import app.rounds.sessions.control.Participants.Joined;
import app.rounds.sessions.entity.ModerationMode;
import app.rounds.sessions.entity.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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
                throw ProblemException.invalidField("sort", "Sort by votes or newest.");
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
    AuditLog audit;

    @Inject
    Event<ContributionRetracted> retracted;

    @Inject
    Screener screener;

    @Inject
    Board board;

    @Inject
    Clock clock;

    /** A question a trainee asks: its text as stored (stripped) and what screening found in it. */
    public record Asked(Joined trainee, String text, ScreeningRecord findings) {
    }

    /**
     * Questions trainees asked, stored in the order given ({@link QuestionWrites}' batch): each goes to its session's
     * moderation stream, and to the public one when nothing holds it; each stream takes its sequence numbers once.
     */
    public List<OwnQuestion> ask(List<Asked> asked) {
        Map<String, List<Question>> bySession = new TreeMap<>(); // streams locked in one order: no deadlock between two
        List<OwnQuestion> own = new ArrayList<>();
        for (Asked one : asked) {
            Joined trainee = one.trainee();
            Question question = new Question(trainee.session().id(), trainee.participant().id(),
                    trainee.participant().displayName(), one.text(), one.findings(),
                    trainee.session().moderationMode() == ModerationMode.PRE_MODERATION, clock.instant());
            em.persist(question);
            bySession.computeIfAbsent(question.sessionId(), id -> new ArrayList<>()).add(question);
            own.add(QuestionViews.own(question));
        }
        bySession.forEach((sessionId, questions) -> {
            board.append(sessionId, Stream.MODERATION, Frames.CONTRIBUTION_CREATED, questions.stream()
                    .map(q -> new Board.Change(q.id(), QuestionViews.moderated(q))).toList());
            List<Board.Change> shown = questions.stream().filter(Question::visible)
                    .map(q -> new Board.Change(q.id(), QuestionViews.publicView(q))).toList();
            if (!shown.isEmpty()) {
                board.append(sessionId, Stream.PUBLIC, Frames.CONTRIBUTION_CREATED, shown);
            }
        });
        return own;
    }

    /**
     * A post taken from a network (by the ingest component): it waits for moderation, with its origin, its author's
     * public handle and a link to the original. Text beyond the length limit is cut.
     */
    public String ingest(String sessionId, Provenance provenance, String text) {
        String shortened = shortened(text);
        Question question = Question.ingested(sessionId, provenance, shortened,
                Findings.recorded(screener.screen(shortened)), clock.instant());
        em.persist(question);
        board.append(sessionId, Stream.MODERATION, Frames.CONTRIBUTION_CREATED, question.id(),
                QuestionViews.moderated(question));
        return question.id();
    }

    /** The original of an ingested question was edited: screened again, back to moderation. */
    public void revise(String questionId, String text) {
        Question question = em.find(Question.class, questionId);
        if (question == null || question.status() == QuestionStatus.WITHDRAWN) {
            return;
        }
        boolean wasVisible = question.visible();
        String shortened = shortened(text);
        question.revise(shortened, Findings.recorded(screener.screen(shortened)), clock.instant());
        retracted.fire(new ContributionRetracted(question.sessionId(), question.id(), "edited at its source"));
        published(question, wasVisible);
    }

    /** The original of an ingested question was deleted: it leaves the board and can never be published. */
    public void withdraw(String questionId) {
        Question question = em.find(Question.class, questionId);
        if (question == null || question.status() == QuestionStatus.WITHDRAWN) {
            return;
        }
        boolean wasVisible = question.visible();
        question.withdraw(clock.instant());
        retracted.fire(new ContributionRetracted(question.sessionId(), question.id(), "deleted at its source"));
        published(question, wasVisible);
    }

    /**
     * The trainee who asked a question takes it back, from the moderation queue and the board at once, also after the
     * session ended (highlights quoting it come down). Another participant's question is refused (403); withdrawing
     * again answers as the first time did.
     */
    public OwnQuestion withdrawOwn(Joined trainee, String questionId) {
        Question question = em.find(Question.class, questionId);
        if (question == null || !question.sessionId().equals(trainee.session().id())) {
            throw ProblemException.notFound("question-not-found", "There is no such question in your session.");
        }
        String participantId = trainee.participant().id();
        if (!question.askedBy(participantId)) {
            throw ProblemException.forbidden("Only the trainee who asked a question can withdraw it.");
        }
        if (!question.status().withdrawableByAuthor()) {
            return QuestionViews.own(question);
        }
        boolean wasVisible = question.visible();
        QuestionStatus before = question.status();
        question.withdrawByAuthor(participantId, clock.instant());
        audit.record("participant:" + participantId, "question.withdrawn", subject(question), Map.of("from", before));
        retracted.fire(new ContributionRetracted(question.sessionId(), question.id(), "withdrawn by its author"));
        published(question, wasVisible);
        return QuestionViews.own(question);
    }

    private static String shortened(String text) {
        return shortened(text, Question.MAX_LENGTH);
    }

    /** At most {@code max} characters: a longer text is cut (not inside a surrogate pair) and ends with "…". */
    static String shortened(String text, int max) {
        String stripped = text.strip();
        if (stripped.length() <= max) {
            return stripped;
        }
        int end = Character.isHighSurrogate(stripped.charAt(max - 2)) ? max - 2 : max - 1;
        return stripped.substring(0, end).stripTrailing() + "…";
    }

    /** The ids of the questions this participant votes for. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> votedFor(Joined trainee) {
        return em.createNamedQuery(QuestionVote.FIND_BY_PARTICIPANT, String.class)
                .setParameter("participant", trainee.participant().id()).getResultList();
    }

    /** Only a question on this session's public board can be voted on. */
    static boolean votableIn(String sessionId, Question question) {
        return question != null && question.sessionId().equals(sessionId) && question.visible();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OwnQuestion> asked(Joined trainee) {
        return em.createNamedQuery(Question.FIND_BY_PARTICIPANT, Question.class)
                .setParameter("participant", trainee.participant().id())
                .getResultStream().map(QuestionViews::own).toList();
    }

    /** Every question of the session, archived ones too, for the moderation board's snapshot. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ModeratedQuestion> allForModerators(String sessionId) {
        return em.createNamedQuery(Question.FIND_BY_SESSION, Question.class)
                .setParameter("session", sessionId)
                .getResultStream()
                .sorted(Order.NEWEST.comparator())
                .map(QuestionViews::moderated).toList();
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

    /** A moderator's decision ({@code actor} is their username), on record in the audit trail. */
    public ModeratedQuestion moderate(String sessionId, String questionId, QuestionStatus next, String actor) {
        Question question = questionOf(sessionId, questionId);
        if (!moderationChanges(question.status(), next)) {
            return QuestionViews.moderated(question);
        }
        boolean wasVisible = question.visible();
        QuestionStatus before = question.status();
        question.moveTo(next, clock.instant());
        audit.record(actor, "question.moderated", subject(question), Map.of("from", before, "to", next));
        if (before == QuestionStatus.APPROVED) {
            retracted.fire(new ContributionRetracted(question.sessionId(), question.id(),
                    "moderated to " + next.name().toLowerCase(Locale.ROOT)));
        }
        return published(question, wasVisible);
    }

    /**
     * Whether moderating a question in {@code current} to {@code next} changes it: not when it is there already;
     * refused (409) when moderation does not allow the step.
     */
    static boolean moderationChanges(QuestionStatus current, QuestionStatus next) {
        if (current == next) {
            return false;
        }
        if (!current.canBecome(next)) {
            throw ProblemException.conflict("moderation-not-allowed", "A " + current.name().toLowerCase(Locale.ROOT)
                    + " question cannot become " + next.name().toLowerCase(Locale.ROOT) + ".");
        }
        return true;
    }

    /**
     * Sets the flags given (null leaves one as it is). Unarchiving puts a question back where it was, live for every
     * board: an approved one reappears on the public board. Flags already as asked change nothing: no audit entry, no
     * frame.
     */
    public ModeratedQuestion flag(String sessionId, String questionId, Boolean answered, Boolean pinned,
                                  Boolean archived, String actor) {
        Question question = questionOf(sessionId, questionId);
        boolean wasVisible = question.visible();
        var now = clock.instant();
        Map<String, Boolean> flags = new HashMap<>();
        if (answered != null && question.markAnswered(answered, now)) {
            flags.put("answered", answered);
        }
        if (pinned != null && question.pin(pinned, now)) {
            flags.put("pinned", pinned);
        }
        if (archived != null && question.archive(archived, now)) {
            flags.put("archived", archived);
        }
        if (flags.isEmpty()) {
            return QuestionViews.moderated(question);
        }
        audit.record(actor, "question.flagged", subject(question), flags);
        return published(question, wasVisible);
    }

    private ModeratedQuestion published(Question question, boolean wasVisible) {
        ModeratedQuestion moderated = QuestionViews.moderated(question);
        board.append(question.sessionId(), Stream.MODERATION, Frames.CONTRIBUTION_UPDATED, question.id(), moderated);
        String publicFrame = publicFrame(wasVisible, question.visible());
        if (publicFrame != null) {
            board.append(question.sessionId(), Stream.PUBLIC, publicFrame, question.id(), question.visible()
                    ? QuestionViews.publicView(question) : new QuestionViews.Removed(question.id()));
        }
        return moderated;
    }

    /**
     * What the public board hears of a changed question: created when it comes onto the board, updated while it
     * stays, removed when it leaves; nothing when it was not and is not on it.
     */
    static String publicFrame(boolean wasVisible, boolean visible) {
        if (visible) {
            return wasVisible ? Frames.CONTRIBUTION_UPDATED : Frames.CONTRIBUTION_CREATED;
        }
        return wasVisible ? Frames.CONTRIBUTION_REMOVED : null;
    }

    private static AuditLog.Subject subject(Question question) {
        return new AuditLog.Subject("question", question.id(), question.sessionId());
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
