package app.rounds.media.control;

import app.rounds.media.entity.Consent;
import app.rounds.media.entity.MediaBlob;
import app.rounds.media.entity.MediaItem;
import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.UniqueConstraints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;

/** The database side of an upload, in one short transaction once its files are in place. */
@ApplicationScoped
@Transactional
public class MediaRecords {

    /** A placed file to record. */
    public record Blob(String sha256, String originalSha256, String contentType, long size) {
    }

    public record Recorded(MediaItem item, boolean created) {
    }

    static final String CONCURRENT_UPLOAD = "media-uploading";
    private static final Logger LOG = Logger.getLogger(MediaRecords.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Records a placed file once, whoever else records the same bytes at the same moment. */
    public void recordBlob(Blob blob) {
        em.createNativeQuery("INSERT IGNORE INTO media_blob (sha256, original_sha256, content_type, size_bytes, "
                        + "created_at) VALUES (?, ?, ?, ?, ?)")
                .setParameter(1, blob.sha256()).setParameter(2, blob.originalSha256())
                .setParameter(3, blob.contentType()).setParameter(4, blob.size())
                .setParameter(5, Timestamp.from(clock.instant()))
                .executeUpdate();
    }

    /**
     * Of these stored files, those nothing refers to any more (no item's file or thumbnail, no consent's scanned
     * form), with their records removed: to delete once the transaction commits.
     */
    public List<String> forgetUnreferenced(Collection<String> sha256s) {
        em.flush();
        List<String> unused = sha256s.stream().filter(Objects::nonNull).distinct()
                .filter(sha -> em.createNamedQuery(MediaItem.COUNT_USING, Long.class).setParameter("sha", sha)
                        .getSingleResult() == 0)
                .filter(sha -> em.createNamedQuery(Consent.COUNT_EVIDENCE, Long.class).setParameter("sha", sha)
                        .getSingleResult() == 0)
                .toList();
        for (String sha : unused) {
            MediaBlob blob = em.find(MediaBlob.class, sha);
            if (blob != null) {
                em.remove(blob);
            }
        }
        return unused;
    }

    /**
     * Of these stored files, those the database does not know at all: no file record, no item or consent form
     * referring to them. A file whose record is missing while something refers to it is kept, and reported. In a
     * transaction of its own: outside one, a scheduler thread's entity manager is closed after its first use.
     */
    public List<String> unknown(List<String> sha256s) {
        List<String> unknown = new ArrayList<>();
        for (int from = 0; from < sha256s.size(); from += 500) {
            List<String> chunk = sha256s.subList(from, Math.min(sha256s.size(), from + 500));
            Set<String> recorded = Set.copyOf(em.createQuery("SELECT b.sha256 FROM MediaBlob b WHERE b.sha256 IN :shas",
                    String.class).setParameter("shas", chunk).getResultList());
            for (String sha : chunk) {
                if (recorded.contains(sha)) {
                    continue;
                }
                boolean referred = em.createNamedQuery(MediaItem.COUNT_USING, Long.class).setParameter("sha", sha)
                        .getSingleResult() > 0 || em.createNamedQuery(Consent.COUNT_EVIDENCE, Long.class)
                        .setParameter("sha", sha).getSingleResult() > 0;
                if (referred) {
                    LOG.warning(() -> "stored file " + sha + " has no record but is referred to: kept");
                } else {
                    unknown.add(sha);
                }
            }
        }
        return unknown;
    }

    /**
     * Records the blobs (once: two uploads of the same bytes at once both come here) and the item, unless the session
     * has an item of the same file already.
     */
    public Recorded record(MediaItem item, List<Blob> blobs) {
        blobs.forEach(this::recordBlob);
        MediaItem existing = em.createNamedQuery(MediaItem.FIND_BY_BLOB, MediaItem.class)
                .setParameter("session", item.sessionId()).setParameter("blob", item.blobSha256())
                .getResultStream().findFirst().orElse(null);
        if (existing != null) {
            return new Recorded(existing, false);
        }
        em.persist(item);
        UniqueConstraints.flush(em, "uq_media_item_blob", () -> ProblemException.conflict(CONCURRENT_UPLOAD,
                "The same file is being uploaded to this session at this moment; try again."));
        return new Recorded(item, true);
    }
}
