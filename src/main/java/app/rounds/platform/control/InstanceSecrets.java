package app.rounds.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;

/**
 * Secrets the installation makes for itself when the operator configures none, kept in the database (table
 * {@code instance_secret}) so that they survive restarts and all instances share them. Whoever reads the database
 * reads them too: an operator who keeps dumps less safe than the environment configures the secret instead.
 */
@ApplicationScoped
@Transactional
public class InstanceSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The secret of this name (32 random bytes), made and stored on first use; instances starting at once agree. */
    public byte[] secret(String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        // the first insert wins; a later one (or a racing instance's) is ignored and reads the winner's
        em.createNativeQuery("INSERT IGNORE INTO instance_secret (name, secret, created_at) VALUES (?, ?, ?)")
                .setParameter(1, name)
                .setParameter(2, Base64.getEncoder().encodeToString(fresh))
                .setParameter(3, Timestamp.from(clock.instant()))
                .executeUpdate();
        String stored = (String) em.createNativeQuery("SELECT secret FROM instance_secret WHERE name = ?")
                .setParameter(1, name).getSingleResult();
        return Base64.getDecoder().decode(stored);
    }
}
