package app.rounds.security.control;

import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.SecretTokens;
import app.rounds.security.entity.BrowserSession;
import app.rounds.security.entity.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Staff browser sessions, kept in the database like bearer tokens, so that a session started through one instance of
 * a cluster works on all of them and a logout, a disabled account or a changed password ends it on all of them at
 * once. The cookie carries a random token; only its hash is stored. A session is over after
 * {@code rounds.auth.session-idle-timeout} without a request; its last use is written at most once a minute.
 */
@ApplicationScoped
@Transactional
public class BrowserSessions {

    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A session just started: the cookie's token (shown once) and the session's CSRF token. */
    public record Started(String token, String csrfToken) {
    }

    /** A valid session: who, its CSRF token, and whether its last use is to be written ({@link #touch}). */
    public record Current(String id, StaffMember member, String csrfToken, boolean touchDue) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "rounds.auth.session-idle-timeout")
    Duration idleTimeout;

    /** Starts a session for the member, ending the one the browser had ({@code replaced}, when any). */
    public Started start(StaffMember member, Optional<String> replaced) {
        replaced.ifPresent(this::end);
        Instant now = clock.instant();
        em.createNamedQuery(BrowserSession.DELETE_IDLE).setParameter("before", now.minus(idleTimeout)).executeUpdate();
        StaffUser user = em.find(StaffUser.class, member.id());
        if (user == null) {
            throw ProblemException.notFound("user-not-found", "The user no longer exists.");
        }
        String token = SecretTokens.newToken();
        String csrf = SecretTokens.newToken();
        em.persist(new BrowserSession(SecretTokens.hash(token), user, csrf, now));
        return new Started(token, csrf);
    }

    /** The session of the cookie's token, while it is valid; read without a transaction (every staff request asks). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Current> find(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return em.createNamedQuery(BrowserSession.FIND_BY_HASH, BrowserSession.class)
                .setParameter("hash", SecretTokens.hash(token.strip()))
                .getResultStream().findFirst()
                .filter(s -> s.validAt(now, idleTimeout))
                .map(s -> new Current(s.id(), StaffMember.of(s.user()), s.csrfToken(),
                        s.lastSeenAt().plus(TOUCH_EVERY).isBefore(now)));
    }

    /** Writes that the session was used now (when {@link Current#touchDue}: at most once a minute). */
    public void touch(Current session) {
        em.createNamedQuery(BrowserSession.TOUCH).setParameter("now", clock.instant()).setParameter("id", session.id())
                .executeUpdate();
    }

    /** Ends the session of the cookie's token, on every instance. */
    public void end(String token) {
        if (token != null && !token.isBlank()) {
            em.createNamedQuery(BrowserSession.DELETE_BY_HASH).setParameter("hash", SecretTokens.hash(token.strip()))
                    .executeUpdate();
        }
    }
}
