package app.rounds.sessions.control;

import app.rounds.platform.control.FieldMessages;
import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.ProblemException.FieldError;
import app.rounds.platform.control.UniqueConstraints;
import app.rounds.security.control.StaffMember;
import app.rounds.sessions.entity.Hashtag;
import app.rounds.sessions.entity.JoinCode;
import app.rounds.sessions.entity.ModerationMode;
import app.rounds.sessions.entity.OtherPosts;
import app.rounds.sessions.entity.ProjectorSettings;
import app.rounds.sessions.entity.SessionDetails;
import app.rounds.sessions.entity.SessionStatus;
import app.rounds.sessions.entity.TrainingSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Scheduling, revising, starting and ending training sessions: revising for their owner or an admin, going live and
 * ending for whoever may run the board ({@link SessionStaff}).
 */
@ApplicationScoped
@Transactional
public class TrainingSessions {

    private static final int JOIN_CODE_ATTEMPTS = 5;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<SessionChanged> changed;

    @Inject
    Event<SessionStale> stale;

    @Inject
    SessionStaff staff;

    /** Checks what an organiser typed and names every field at fault. */
    public static SessionDetails describe(String title, String facility, String description, Instant scheduledStart,
                                          Instant scheduledEnd, String hashtag, ModerationMode moderationMode,
                                          OtherPosts otherPosts) {
        List<FieldError> broken = new ArrayList<>();
        if (title == null || title.isBlank()) {
            broken.add(new FieldError("title", FieldMessages.sentence("NotBlank", "title")));
        }
        broken.addAll(brokenRules(scheduledStart, scheduledEnd, hashtag));
        if (!broken.isEmpty()) {
            throw ProblemException.invalidFields(broken);
        }
        return new SessionDetails(title, facility, description, scheduledStart, scheduledEnd,
                Hashtag.parse(hashtag).orElse(null), moderationMode, otherPosts);
    }

    /** A session's rules beyond each field's length: a hashtag with a letter, the end after the start. */
    public static List<FieldError> brokenRules(Instant scheduledStart, Instant scheduledEnd, String hashtag) {
        List<FieldError> broken = new ArrayList<>();
        Hashtag.flaw(hashtag).ifPresent(flaw -> broken.add(new FieldError("hashtag",
                FieldMessages.sentence(flaw == Hashtag.Flaw.FORM ? "hashtag.Pattern" : "hashtag.noLetter", "hashtag"))));
        if (scheduledStart != null && scheduledEnd != null && !scheduledEnd.isAfter(scheduledStart)) {
            broken.add(new FieldError("scheduledEnd", FieldMessages.sentence("scheduledEnd.beforeStart", "scheduledEnd")));
        }
        return broken;
    }

    /** Reads a status filter such as "live" or "ENDED"; empty means all. */
    public static Optional<SessionStatus> statusFilter(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SessionStatus.valueOf(typed.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "The status filter is live, scheduled or ended.");
        }
    }

    public TrainingSession schedule(SessionDetails details, StaffMember organiser) {
        ensureHashtagFree(details.hashtag(), null);
        TrainingSession session = new TrainingSession(details, unusedJoinCode(), organiser.id(), clock.instant());
        em.persist(session);
        UniqueConstraints.flush(em, "uq_training_session_active_hashtag", TrainingSessions::hashtagTaken);
        return session;
    }

    public TrainingSession revise(String id, SessionDetails details, StaffMember editor) {
        TrainingSession session = staff.require(editor, id, SessionPart.MANAGE);
        if (session.status() == SessionStatus.ENDED) {
            throw ProblemException.conflict("session-ended", "An ended session cannot be changed.");
        }
        ensureHashtagFree(details.hashtag(), session.id());
        session.revise(details, clock.instant());
        UniqueConstraints.flush(em, "uq_training_session_active_hashtag", TrainingSessions::hashtagTaken);
        announce(session);
        return session;
    }

    public TrainingSession start(String id, StaffMember editor) {
        return moveTo(id, SessionStatus.LIVE, editor);
    }

    public TrainingSession end(String id, StaffMember editor) {
        return moveTo(id, SessionStatus.ENDED, editor);
    }

    /**
     * How the projector shows the session (theme, QR code, participant count): the projector follows at once, through
     * the board's session.updated frame. Not once the session has ended.
     */
    public TrainingSession showOnProjector(String id, ProjectorSettings settings, StaffMember editor) {
        TrainingSession session = staff.require(editor, id, SessionPart.BOARD);
        if (session.status() == SessionStatus.ENDED) {
            throw ProblemException.conflict("session-ended", "An ended session cannot be changed.");
        }
        if (session.showOnProjector(settings, clock.instant())) {
            announce(session);
        }
        return session;
    }

    /** The session for whoever may run its board (the projector's settings). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TrainingSession session(String id, StaffMember viewer) {
        return staff.require(viewer, id, SessionPart.BOARD);
    }

    /** Admins see every session; others the sessions they own or are on the team of. Newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TrainingSession> sessionsOf(StaffMember viewer, Optional<SessionStatus> status) {
        var query = viewer.admin()
                ? em.createNamedQuery(TrainingSession.FIND_ALL, TrainingSession.class)
                : em.createNamedQuery(TrainingSession.FIND_BY_OWNER_OR_TEAM, TrainingSession.class)
                .setParameter("staff", viewer.id());
        return query.getResultStream()
                .filter(s -> status.isEmpty() || s.status() == status.get())
                .toList();
    }

    /** What anyone in the session may know of it, for the board. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SessionSummary summary(String sessionId) {
        TrainingSession session = em.find(TrainingSession.class, sessionId);
        if (session == null) {
            throw ProblemException.notFound("session-not-found", "There is no session '" + sessionId + "'.");
        }
        return SessionSummary.of(session);
    }

    /**
     * Of these sessions, those that ended before {@code instant}. In a transaction: ingestion asks from a scheduler's
     * thread.
     */
    public Set<String> endedBefore(Collection<String> sessionIds, Instant instant) {
        if (sessionIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(em.createNamedQuery(TrainingSession.FIND_ENDED_BEFORE, String.class)
                .setParameter("ids", sessionIds).setParameter("before", instant).getResultList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TrainingSession> findByJoinCode(JoinCode code) {
        return em.createNamedQuery(TrainingSession.FIND_BY_JOIN_CODE, TrainingSession.class)
                .setParameter("code", code.value())
                .getResultStream().findFirst();
    }

    private TrainingSession moveTo(String id, SessionStatus next, StaffMember editor) {
        TrainingSession session = staff.require(editor, id, SessionPart.BOARD);
        if (!session.status().canBecome(next)) {
            throw ProblemException.conflict("status-transition-not-allowed",
                    "A " + session.status().name().toLowerCase(Locale.ROOT) + " session cannot become "
                            + next.name().toLowerCase(Locale.ROOT) + ".");
        }
        session.moveTo(next, clock.instant());
        announce(session);
        return session;
    }

    /** The session changed: its board and polls follow in this transaction, every instance forgets its copy after. */
    private void announce(TrainingSession session) {
        changed.fire(new SessionChanged(session.id(), SessionSummary.of(session)));
        stale.fire(new SessionStale(session.id()));
    }

    private void ensureHashtagFree(Hashtag hashtag, String exceptSessionId) {
        if (hashtag == null) {
            return;
        }
        boolean taken = em.createNamedQuery(TrainingSession.FIND_ACTIVE_BY_HASHTAG, TrainingSession.class)
                .setParameter("key", hashtag.key())
                .getResultStream()
                .anyMatch(other -> !other.id().equals(exceptSessionId));
        if (taken) {
            throw hashtagTaken();
        }
    }

    private JoinCode unusedJoinCode() {
        for (int attempt = 0; attempt < JOIN_CODE_ATTEMPTS; attempt++) {
            JoinCode candidate = JoinCode.random();
            if (findByJoinCode(candidate).isEmpty()) {
                return candidate;
            }
        }
        throw new IllegalStateException("No unused join code after " + JOIN_CODE_ATTEMPTS + " attempts");
    }

    private static ProblemException hashtagTaken() {
        return ProblemException.conflictOnField("hashtag-taken", "hashtag",
                "This hashtag is already used by another session that has not ended.");
    }
}
