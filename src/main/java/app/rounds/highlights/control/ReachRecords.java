package app.rounds.highlights.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.util.Comparator;
import java.util.Map;

/** Adds counted reads of highlights to {@code highlight_reach} ({@link Reach}). */
@ApplicationScoped
@Transactional
public class ReachRecords {

    @PersistenceContext
    EntityManager em;

    /**
     * Adds each count to its row, in key order (two instances adding at once take their locks in one order); a
     * highlight deleted meanwhile is left out (its rows would go with it).
     */
    public void add(Map<ReadCounts.Key, Long> counts) {
        counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(ReadCounts.Key::highlightId)
                        .thenComparing(ReadCounts.Key::day).thenComparing(ReadCounts.Key::kind)))
                .forEach(count -> em.createNativeQuery("INSERT INTO highlight_reach (highlight_id, day, kind, read_count) "
                                + "SELECT id, ?, ?, ? FROM highlight WHERE id = ? "
                                + "ON DUPLICATE KEY UPDATE read_count = read_count + VALUES(read_count)")
                        .setParameter(1, Date.valueOf(count.getKey().day()))
                        .setParameter(2, count.getKey().kind().name())
                        .setParameter(3, count.getValue())
                        .setParameter(4, count.getKey().highlightId())
                        .executeUpdate());
    }
}
