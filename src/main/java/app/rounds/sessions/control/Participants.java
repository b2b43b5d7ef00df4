package app.rounds.sessions.control;

import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.RateLimiter;
import app.rounds.platform.control.SecretTokens;
import app.rounds.sessions.entity.JoinCode;
import app.rounds.sessions.entity.Participant;
import app.rounds.sessions.entity.SessionStatus;
import app.rounds.sessions.entity.TrainingSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Trainees joining a session with its code. A wrong code costs the address one of 10 attempts per minute, so codes
 * cannot be enumerated; a right code costs nothing.
 */
@ApplicationScoped
@Transactional
public class Participants {

    /** What a trainee gets on joining: the token (shown once) and who they are in which session. */
    public record Joined(String token, Participant participant, TrainingSession session) {
    }

    private final RateLimiter wrongCodes = new RateLimiter("wrong join codes", 10, Duration.ofMinutes(1));

    @PersistenceContext
    EntityManager em;

    @Inject
    TrainingSessions sessions;

    @Inject
    Clock clock;

    public Joined join(String typedCode, String displayName, String clientAddress) {
        wrongCodes.checkNotExhausted(clientAddress);
        Optional<TrainingSession> session = JoinCode.parse(typedCode).flatMap(sessions::findByJoinCode);
        if (session.isEmpty()) {
            wrongCodes.recordFailure(clientAddress);
            throw ProblemException.notFound("join-code-unknown", "No session has this join code; check it and try again.");
        }
        if (session.get().status() == SessionStatus.ENDED) {
            throw ProblemException.gone("session-ended", "This session has ended.");
        }
        String token = SecretTokens.newToken();
        Participant participant = new Participant(session.get().id(), SecretTokens.hash(token), displayName,
                clock.instant());
        em.persist(participant);
        return new Joined(token, participant, session.get());
    }

    /** The participant holding this token, with their session. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Joined> byToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return em.createNamedQuery(Participant.FIND_BY_TOKEN_HASH, Participant.class)
                .setParameter("hash", SecretTokens.hash(token.strip()))
                .getResultStream().findFirst()
                .map(p -> new Joined(null, p, em.find(TrainingSession.class, p.sessionId())));
    }
}
