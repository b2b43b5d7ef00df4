package app.rounds.sessions.control;

import app.rounds.audit.control.AuditLog;
import app.rounds.platform.control.DatabaseOutages;
import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.RateLimiter;
import app.rounds.platform.control.SharedBuckets;
import app.rounds.platform.control.SecretTokens;
import app.rounds.sessions.entity.JoinCode;
import app.rounds.sessions.entity.Participant;
import app.rounds.sessions.entity.SessionStatus;
import app.rounds.sessions.entity.TrainingSession;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Trainees joining a session with its code. Per client address, wrong codes are limited (default 30 a minute) so codes
 * cannot be enumerated, and joins of any kind (default 120 a minute) so a script cannot flood a session with
 * participants. Both are generous because a whole lecture hall may share one address behind the hospital's NAT.
 * <p>
 * Every request of a trainee names them by their token; who holds a token, and their session, are remembered here
 * instead of read at each question, vote and answer (two queries each: 16 % of the HTTP threads' time in a profile
 * of a hall answering a poll, docs/BENCHMARKS.md). What is remembered is forgotten after
 * every committed change to it, on every instance of a cluster: a session's changes fire {@link SessionStale}, a
 * participant's {@link ParticipantChanged} (both cluster-wide). A session is also re-read after
 * {@link #SESSION_REMEMBERED_FOR}, for an instance the data grid could not reach.
 */
@ApplicationScoped
@Transactional
public class Participants {

    /** What a trainee gets on joining: the token (shown once) and who they are in which session. */
    public record Joined(String token, Participant participant, TrainingSession session) {
    }

    /** Remembered trainees and sessions: a lecture hall is a few hundred, a busy day's sessions a few thousand. */
    private static final int REMEMBERED = 50_000;
    private static final Duration PARTICIPANT_REMEMBERED_FOR = Duration.ofMinutes(10);
    static final Duration SESSION_REMEMBERED_FOR = Duration.ofSeconds(5);

    private RateLimiter wrongCodes;
    private RateLimiter joins;
    /** Participants by the hash of their token; unknown tokens are not remembered. */
    private final Cache<String, Participant> byTokenHash = Caffeine.newBuilder().maximumSize(REMEMBERED)
            .expireAfterWrite(PARTICIPANT_REMEMBERED_FOR).build();
    private final Cache<String, TrainingSession> sessionsById = Caffeine.newBuilder().maximumSize(REMEMBERED)
            .expireAfterWrite(SESSION_REMEMBERED_FOR).build();
    /**
     * Session ids by join code: a hall joining and opening the board at once looks its code up once (the query was a
     * sixth of a join's CPU, JFR of bench/run). Only known codes; the session itself comes from {@link #sessionsById}.
     */
    private final Cache<String, String> sessionIdsByCode = Caffeine.newBuilder().maximumSize(REMEMBERED)
            .expireAfterWrite(SESSION_REMEMBERED_FOR).build();

    @Inject
    @ConfigProperty(name = "rounds.join.wrong-codes-per-minute")
    int wrongCodesPerMinute;

    @Inject
    @ConfigProperty(name = "rounds.join.joins-per-minute")
    int joinsPerMinute;

    @PersistenceContext
    EntityManager em;

    @Inject
    TrainingSessions sessions;

    @Inject
    Clock clock;

    @Inject
    SharedBuckets sharedBuckets;

    @Inject
    AuditLog audit;

    @Inject
    Event<QuotingWithdrawn> quotingWithdrawn;

    @Inject
    Event<ParticipantJoined> joined;

    @Inject
    Event<ParticipantChanged> participantChanged;

    /** A trainee who just joined, remembered once the join commits: their page's first request is already known. */
    record NewlyJoined(String tokenHash, Participant participant) {
    }

    @Inject
    Event<NewlyJoined> newlyJoined;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the observer makes the bean start with the application: its limits' shared buckets (SharedBuckets) are made
        // while every member of a cluster answers, not at a first request while one is frozen
    }

    @PostConstruct
    void createLimits() {
        wrongCodes = new RateLimiter("wrong join codes", wrongCodesPerMinute, Duration.ofMinutes(1), clock,
                sharedBuckets);
        joins = new RateLimiter("joins from this address", joinsPerMinute, Duration.ofMinutes(1), clock,
                sharedBuckets);
    }

    public Joined join(String typedCode, String displayName, boolean quoteByName, String clientAddress) {
        joins.acquire(clientAddress);
        TrainingSession session = sessionByCode(typedCode, clientAddress);
        if (session.status() == SessionStatus.ENDED) {
            throw ProblemException.gone("session-ended", "This session has ended.");
        }
        if (quoteByName && Participant.named(displayName) == null) {
            throw ProblemException.invalidField("displayName",
                    "Enter the name to be quoted by, or leave \"quote me by this name\" unticked.");
        }
        String token = SecretTokens.newToken();
        String tokenHash = SecretTokens.hash(token);
        Participant participant = new Participant(session.id(), tokenHash, displayName, quoteByName, clock.instant());
        em.persist(participant);
        newlyJoined.fire(new NewlyJoined(tokenHash, participant));
        if (session.projector().showParticipants()) {
            // counted for the projector only when it shows the count: otherwise no frame goes to every phone
            joined.fire(new ParticipantJoined(session.id()));
        }
        return new Joined(token, participant, session);
    }

    /**
     * The session of a typed join code; wrong codes count against the address (the live board's handshake too). Only
     * wrong codes count: a whole lecture hall behind one address opening the board at once is never refused.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TrainingSession sessionByCode(String typedCode, String clientAddress) {
        wrongCodes.checkAvailable(clientAddress);
        Optional<TrainingSession> session = JoinCode.parse(typedCode).flatMap(this::byCode);
        if (session.isEmpty()) {
            wrongCodes.tryAcquire(clientAddress);
            throw ProblemException.notFound("join-code-unknown", "No session has this join code; check it and try again.");
        }
        return session.get();
    }

    private Optional<TrainingSession> byCode(JoinCode code) {
        // during an outage the database is asked again: a board does not open that could show nothing (503)
        String id = DatabaseOutages.ongoing() ? null : sessionIdsByCode.getIfPresent(code.value());
        TrainingSession remembered = id == null ? null : remembered(id);
        if (remembered != null && code.equals(remembered.joinCode())) {
            return Optional.of(remembered);
        }
        Optional<TrainingSession> found = sessions.findByJoinCode(code);
        found.ifPresentOrElse(session -> sessionIdsByCode.put(code.value(), session.id()),
                () -> sessionIdsByCode.invalidate(code.value()));
        return found;
    }

    private TrainingSession remembered(String sessionId) {
        return sessionsById.get(sessionId, id -> detached(em.find(TrainingSession.class, id)));
    }

    /** The participant holding this token, with their session; 401 without a valid one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Joined trainee(String token) {
        return byToken(token).orElseThrow(() -> ProblemException.unauthenticated(
                "Send the participant token from joining in the Rounds-Participant header."));
    }

    /** The participant holding this token, with their session. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Joined> byToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        // loaded under the cache's lock for this key: an invalidation waits for a load in flight, then removes it
        Participant participant = byTokenHash.get(SecretTokens.hash(token.strip()), hash -> detached(
                em.createNamedQuery(Participant.FIND_BY_TOKEN_HASH, Participant.class).setParameter("hash", hash)
                        .getResultStream().findFirst().orElse(null)));
        return Optional.ofNullable(participant)
                .map(p -> new Joined(null, p, remembered(p.sessionId())));
    }

    /**
     * What is remembered is shared between threads and never changed: an entity that a caller's transaction manages
     * (and may change before it commits or rolls back) is let go of first.
     */
    private <T> T detached(T entity) {
        if (entity != null && em.contains(entity)) {
            em.detach(entity);
        }
        return entity;
    }

    void remember(@Observes(during = TransactionPhase.AFTER_SUCCESS) NewlyJoined joined) {
        // detached after the commit: no transaction manages it any more. The session is not: one read before this
        // join committed may have been changed since, and forgotten already
        byTokenHash.put(joined.tokenHash(), joined.participant());
    }

    void forgetSession(@Observes(during = TransactionPhase.AFTER_COMPLETION) SessionStale stale) {
        sessionsById.invalidate(stale.sessionId());
    }

    void forgetParticipant(@Observes(during = TransactionPhase.AFTER_COMPLETION) ParticipantChanged changed) {
        byTokenHash.invalidate(changed.tokenHash());
    }

    /**
     * A trainee agrees (again) to be quoted by their display name, or takes that back: then everything published
     * that quotes them comes down, and the change is on record.
     */
    public Joined changeQuoting(String token, boolean quoteByName) {
        Joined trainee = trainee(token);
        Participant participant = em.find(Participant.class, trainee.participant().id());
        if (quoteByName && participant.displayName() == null) {
            throw ProblemException.invalidField("quoteByName",
                    "You joined without a name, so there is no name to quote you by. Join again with a name to be quoted by it.");
        }
        boolean before = participant.quoteByName();
        participant.quoteByName(quoteByName);
        if (before != participant.quoteByName()) {
            participantChanged.fire(new ParticipantChanged(SecretTokens.hash(token.strip())));
            audit.record("participant:" + participant.id(), quoteByName ? "participant.quoting-granted"
                            : "participant.quoting-withdrawn",
                    new AuditLog.Subject("participant", participant.id(), participant.sessionId()), Map.of());
            if (before) {
                quotingWithdrawn.fire(new QuotingWithdrawn(participant.sessionId(), participant.id()));
            }
        }
        return new Joined(null, participant, trainee.session());
    }

    /** How many trainees joined the session. In a transaction: the board asks from a scheduler's thread. */
    public long countIn(String sessionId) {
        return em.createNamedQuery(Participant.COUNT_IN_SESSION, Long.class).setParameter("session", sessionId)
                .getSingleResult();
    }

    /** The name under which highlights may quote this participant, if they chose one and agreed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> quotableName(String participantId) {
        Participant participant = participantId == null ? null : em.find(Participant.class, participantId);
        return participant == null ? Optional.empty() : participant.quotableName();
    }
}
