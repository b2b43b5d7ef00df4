package app.rounds.ingest.control;

import app.rounds.platform.control.ThisInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which hashtag sources this instance polls or streams: each source is leased to one instance of a cluster at a time,
 * in its database row. Every tick the instance renews the leases it holds and takes the sources whose lease ran out
 * (their instance died or was cut off), so another instance takes over a source within one lease of its holder's
 * death, from the stored cursor. Each take-over raises the source's epoch: what an instance stores for a source
 * carries the epoch it holds ({@link Ingestion#take}), and a store with an older one is refused, so an instance that
 * lost the lease while paused stores nothing after it. Times are the database's, so that instances' clocks need not
 * agree.
 */
@ApplicationScoped
@Transactional
public class SourceLeases {

    /** This instance as leases name it: its process on its host, and a start of its own. */
    private final String holder = ThisInstance.NAME;

    /** The sources this instance held at its last tick: those whose posts it also asks about again (Rechecks). */
    private volatile Set<String> heldAtLastTick = Set.of();

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "rounds.ingest.lease-seconds")
    int leaseSeconds;

    /** The sources among {@code sourceIds} this instance holds now, with the epoch of its lease. */
    public Map<String, Long> hold(Collection<String> sourceIds) {
        if (sourceIds.isEmpty()) {
            return Map.of();
        }
        List<String> ids = List.copyOf(sourceIds);
        String in = String.join(", ", ids.stream().map(id -> "?").toList());
        // renews this instance's leases and takes the free or run-out ones in one statement; MariaDB assigns left to
        // right, so the epoch is raised (a take-over) before leased_by names this instance. It waits at most 2 s for
        // rows another instance has locked (frozen in the middle of its own renewal, say): InnoDB's 50 s held up the
        // shared scheduler's one thread, and every task behind it (ClusterIT)
        bind(em.createNativeQuery("SET STATEMENT innodb_lock_wait_timeout = 2 FOR UPDATE ingest_source SET lease_epoch = IF(leased_by <=> ?, lease_epoch, "
                + "lease_epoch + 1), leased_by = ?, lease_until = NOW(3) + INTERVAL ? SECOND WHERE (leased_by <=> ? "
                + "OR leased_by IS NULL OR lease_until < NOW(3)) AND id IN (" + in + ")"),
                ids, holder, holder, leaseSeconds, holder).executeUpdate();
        Map<String, Long> held = new HashMap<>();
        for (Object row : bind(em.createNativeQuery("SELECT id, lease_epoch FROM ingest_source WHERE leased_by = ? "
                + "AND id IN (" + in + ")"), ids, holder).getResultList()) {
            Object[] columns = (Object[]) row;
            held.put((String) columns[0], ((Number) columns[1]).longValue());
        }
        heldAtLastTick = Set.copyOf(held.keySet());
        return held;
    }

    /** Whether this instance held the source at its last tick. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean heldAtLastTick(String sourceId) {
        return heldAtLastTick.contains(sourceId);
    }

    /** Gives up this instance's leases (it is stopping): another instance takes the sources at its next tick. */
    public void releaseAll() {
        heldAtLastTick = Set.of();
        em.createNativeQuery("UPDATE ingest_source SET leased_by = NULL, lease_until = NULL WHERE leased_by = ?")
                .setParameter(1, holder).executeUpdate();
    }

    /** Binds {@code leading} to the first placeholders, then the ids to those of the IN list. */
    private static Query bind(Query query, List<String> ids, Object... leading) {
        for (int i = 0; i < leading.length; i++) {
            query.setParameter(i + 1, leading[i]);
        }
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(leading.length + i + 1, ids.get(i));
        }
        return query;
    }
}
