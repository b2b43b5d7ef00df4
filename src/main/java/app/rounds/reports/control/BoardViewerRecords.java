package app.rounds.reports.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/** The most board connections an instance held for each session in each minute ({@link BoardViewers}). */
@ApplicationScoped
@Transactional
public class BoardViewerRecords {

    @PersistenceContext
    EntityManager em;

    /**
     * Records {@code connections} (by session) as seen in {@code minute} by {@code instance}, keeping the most seen.
     * Sessions are visited in order, so that two instances recording at once take their rows' locks in one order; a
     * session deleted meanwhile is left out (its rows would go with it).
     */
    public void record(Instant minute, String instance, Map<String, Integer> connections) {
        Timestamp at = Timestamp.from(minute);
        connections.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(session ->
                em.createNativeQuery("INSERT INTO board_viewers (session_id, at_minute, instance, viewers) "
                                + "SELECT id, ?, ?, ? FROM training_session WHERE id = ? "
                                + "ON DUPLICATE KEY UPDATE viewers = GREATEST(viewers, VALUES(viewers))")
                        .setParameter(1, at).setParameter(2, instance).setParameter(3, session.getValue())
                        .setParameter(4, session.getKey()).executeUpdate());
    }
}
