package app.rounds.audit.control;

import app.rounds.audit.entity.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Appends decisions to the hash-chained audit trail, reads it back, and verifies the chain. */
@ApplicationScoped
@Transactional
public class AuditLog {

    /** The actor of what Rounds does by itself (a takedown following a consent withdrawal, say). */
    public static final String SYSTEM = "system";
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final int PAGE = 500;

    public record EntryView(long seq, Instant recordedAt, String actor, String action, String subjectType,
                            String subjectId, String sessionId, String detail, String prevHash, String hash) {

        static EntryView of(AuditEntry e) {
            return new EntryView(e.seq(), e.recordedAt(), e.actor(), e.action(), e.subjectType(), e.subjectId(),
                    e.sessionId(), e.detail(), e.prevHash(), e.hash());
        }
    }

    /**
     * The chain checked from its first entry: {@code intact} when every entry follows the one before and hashes to
     * what it says; otherwise {@code firstBrokenSeq} is the first entry that does not, and {@code problem} why.
     */
    public record Verification(boolean intact, long entriesChecked, Long firstBrokenSeq, String problem,
                               String headHash, Instant checkedAt) {
    }

    /** What a decision was about: a type ("question", "highlight", "consent", "staff-user"), its id, its session. */
    public record Subject(String type, String id, String sessionId) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Records a decision by the staff member of that username ({@link #SYSTEM} for Rounds itself), in the caller's
     * transaction: both commit, or neither.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, Subject subject, Map<String, ?> detail) {
        Object[] head = (Object[]) em.createNativeQuery("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .getSingleResult();
        long seq = ((Number) head[0]).longValue() + 1;
        String detailJson = detail == null || detail.isEmpty() ? null : JSON.toJson(new TreeMap<>(detail));
        AuditEntry entry = new AuditEntry(seq, clock.instant(), actor, action, subject.type(), subject.id(),
                subject.sessionId(), detailJson, (String) head[1]);
        em.persist(entry);
        em.createNativeQuery("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")
                .setParameter(1, seq).setParameter(2, entry.hash()).executeUpdate();
    }

    /** The newest entries first, or those after {@code afterSeq} in order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EntryView> entries(Long afterSeq, int limit) {
        var query = afterSeq == null
                ? em.createNamedQuery(AuditEntry.FIND_LATEST, AuditEntry.class)
                : em.createNamedQuery(AuditEntry.FIND_FROM, AuditEntry.class).setParameter("after", afterSeq);
        return query.setMaxResults(limit).getResultStream().map(EntryView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EntryView> about(String subjectType, String subjectId) {
        return em.createNamedQuery(AuditEntry.FIND_BY_SUBJECT, AuditEntry.class)
                .setParameter("type", subjectType).setParameter("id", subjectId)
                .getResultStream().map(EntryView::of).toList();
    }

    /**
     * Walks the chain in pages up to its head as it was when the walk began (entries appended meanwhile are left for
     * the next check), reading rows as the database holds them now.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Verification verify() {
        Object[] head = (Object[]) em.createNativeQuery("SELECT seq, hash FROM audit_head WHERE id = 1")
                .getSingleResult();
        long headSeq = ((Number) head[0]).longValue();
        long expectedSeq = 1;
        String expectedPrev = AuditEntry.GENESIS;
        long checked = 0;
        while (expectedSeq <= headSeq) {
            List<AuditEntry> page = em.createNamedQuery(AuditEntry.FIND_RANGE, AuditEntry.class)
                    .setParameter("after", expectedSeq - 1).setParameter("upTo", headSeq)
                    .setMaxResults(PAGE).getResultList();
            for (AuditEntry entry : page) {
                String problem = entry.seq() != expectedSeq ? "entry " + expectedSeq + " is missing"
                        : !entry.prevHash().equals(expectedPrev) ? "it does not carry the hash of the entry before"
                        : !entry.computedHash().equals(entry.hash()) ? "its content does not match its hash"
                        : null;
                if (problem != null) {
                    return new Verification(false, checked, expectedSeq, problem, null, clock.instant());
                }
                checked++;
                expectedSeq++;
                expectedPrev = entry.hash();
            }
            em.clear();
            if (page.size() < PAGE) {
                break;
            }
        }
        if (expectedSeq - 1 != headSeq || !expectedPrev.equals(head[1])) {
            return new Verification(false, checked, expectedSeq, "entries from " + expectedSeq + " to " + headSeq
                    + " are missing or do not end in the chain's head", null, clock.instant());
        }
        return new Verification(true, checked, null, null, expectedPrev, clock.instant());
    }

    /** Every entry in order, page by page, for an export that never holds the whole log in memory. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void export(Consumer<EntryView> sink) {
        long after = 0;
        while (true) {
            List<AuditEntry> page = em.createNamedQuery(AuditEntry.FIND_FROM, AuditEntry.class)
                    .setParameter("after", after).setMaxResults(PAGE).getResultList();
            for (AuditEntry entry : page) {
                sink.accept(EntryView.of(entry));
                after = entry.seq();
            }
            em.clear();
            if (page.size() < PAGE) {
                return;
            }
        }
    }
}
