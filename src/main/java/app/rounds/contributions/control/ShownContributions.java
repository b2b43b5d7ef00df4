package app.rounds.contributions.control;

import app.rounds.contributions.entity.QuestionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Which contributions are shown now, and since when: a pending question (to moderators), an approved one (on the
 * public board, and quotable), feedback (to staff, in the summary, and quotable). Hidden, rejected and withdrawn
 * questions are not. Asked by ingestion, which re-checks the originals of what is shown, the most recently shown
 * first. A read, but in a transaction: it is asked from a scheduler's thread, where Payara closed a non-transactional
 * entity manager under the query.
 */
@ApplicationScoped
@Transactional
public class ShownContributions {

    @PersistenceContext
    EntityManager em;

    /** For each of {@code ids} shown now, when it last changed (was asked, approved, revised, rated). */
    public Map<String, Instant> shownAt(Collection<String> ids) {
        Map<String, Instant> shown = new HashMap<>();
        if (ids.isEmpty()) {
            return shown;
        }
        em.createQuery("SELECT q.id, q.updatedAt FROM Question q WHERE q.id IN :ids AND q.status IN :shown",
                        Object[].class)
                .setParameter("ids", ids)
                .setParameter("shown", java.util.List.of(QuestionStatus.PENDING, QuestionStatus.APPROVED))
                .getResultStream().forEach(row -> shown.put((String) row[0], (Instant) row[1]));
        em.createQuery("SELECT f.id, f.updatedAt FROM Feedback f WHERE f.id IN :ids", Object[].class)
                .setParameter("ids", ids)
                .getResultStream().forEach(row -> shown.put((String) row[0], (Instant) row[1]));
        return shown;
    }
}
