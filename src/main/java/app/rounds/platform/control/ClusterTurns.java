package app.rounds.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;

/**
 * Chores that one instance of a cluster does for all, such as the media sweep: each instance asks on its own
 * schedule, and the first to ask once the chore's interval has passed since the last turn takes it, in the chore's
 * database row; the others skip. An instance that dies simply stops asking: the next to ask takes the turn. Times are
 * the database's, so that instances' clocks need not agree.
 */
@ApplicationScoped
@Transactional
public class ClusterTurns {

    @PersistenceContext
    EntityManager em;

    /**
     * Whether this instance does the chore now: no instance took its turn within the last {@code every} (less a
     * tenth, so that instances asking every {@code every} are not refused by their own scheduling's jitter).
     */
    public boolean take(String chore, Duration every) {
        em.createNativeQuery("INSERT IGNORE INTO cluster_turn (chore) VALUES (?)").setParameter(1, chore)
                .executeUpdate();
        long gapMicros = every.toNanos() / 1_000 * 9 / 10;
        return em.createNativeQuery("UPDATE cluster_turn SET turns = turns + 1, last_taken_at = NOW(6), "
                        + "first_taken_at = IFNULL(first_taken_at, NOW(6)) WHERE chore = ? AND (last_taken_at IS NULL "
                        + "OR last_taken_at <= NOW(6) - INTERVAL ? MICROSECOND)")
                .setParameter(1, chore).setParameter(2, gapMicros).executeUpdate() == 1;
    }
}
