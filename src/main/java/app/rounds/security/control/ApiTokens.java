package app.rounds.security.control;

import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.SecretTokens;
import app.rounds.security.entity.ApiToken;
import app.rounds.security.entity.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Bearer tokens for scripts and integrations: random, shown once, stored as a hash, expiring, revocable. */
@ApplicationScoped
@Transactional
public class ApiTokens {

    public record IssuedToken(String token, Instant expiresAt) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<CredentialsWithdrawn> withdrawn;

    @Inject
    @ConfigProperty(name = "rounds.auth.token-lifetime")
    Duration lifetime;

    public IssuedToken issue(StaffMember member) {
        String token = SecretTokens.newToken();
        Instant now = clock.instant();
        StaffUser user = em.find(StaffUser.class, member.id());
        if (user == null) {
            throw ProblemException.notFound("user-not-found", "The user no longer exists.");
        }
        ApiToken issued = new ApiToken(SecretTokens.hash(token), user, now, now.plus(lifetime));
        em.persist(issued);
        return new IssuedToken(token, issued.expiresAt());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StaffMember> authenticate(String token) {
        return find(token).filter(t -> t.validAt(clock.instant())).map(t -> StaffMember.of(t.user()));
    }

    public void revoke(String token) {
        find(token).ifPresent(revoked -> {
            revoked.revoke();
            withdrawn.fire(new CredentialsWithdrawn(revoked.user().username()));
        });
    }

    private Optional<ApiToken> find(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return em.createNamedQuery(ApiToken.FIND_BY_HASH, ApiToken.class)
                .setParameter("hash", SecretTokens.hash(token.trim()))
                .getResultStream().findFirst();
    }
}
