package app.rounds.media.control;

import app.rounds.audit.control.AuditLog;
import app.rounds.media.entity.Consent;
import app.rounds.media.entity.ConsentRelation;
import app.rounds.media.entity.ConsentScope;
import app.rounds.media.entity.ConsentStatus;
import app.rounds.media.entity.MediaItem;
import app.rounds.media.entity.MetadataHandling;
import app.rounds.platform.control.ProblemException;
import app.rounds.security.control.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Consent of the people pictured: recorded, changed (withdrawal is a change like granting), every change appended to
 * the item's consent history, and the rule that decides whether an item may be published.
 */
@ApplicationScoped
@Transactional
public class Consents {

    /** {@code evidenceFile}: the name of the scanned form attached, if any. */
    public record ConsentView(String id, String person, ConsentRelation relation, ConsentScope scope,
                              ConsentStatus status, boolean signedAuthorisation, String evidenceNote,
                              String evidenceFile, Instant recordedAt, Instant updatedAt) {
    }

    /** Whether an item may be published, and if not, every reason why. */
    public record Publishability(boolean publishable, List<String> reasons) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    MediaRecords records;

    @Inject
    Event<MediaLibrary.FilesUnused> unusedFiles;

    /** The consents of every item of a session, in the order they were recorded. */
    public List<Consent> ofSession(String sessionId) {
        return em.createQuery("SELECT c FROM Consent c WHERE c.mediaId IN (SELECT m.id FROM MediaItem m "
                + "WHERE m.sessionId = :session) ORDER BY c.recordedAt", Consent.class)
                .setParameter("session", sessionId).getResultList();
    }

    public List<Consent> of(String mediaId) {
        return em.createNamedQuery(Consent.FIND_BY_MEDIA, Consent.class).setParameter("media", mediaId).getResultList();
    }

    public Consent record(MediaItem item, String person, ConsentRelation relation, ConsentScope scope,
                          ConsentStatus status, boolean signedAuthorisation, String evidenceNote, StaffMember staff) {
        Consent consent = new Consent(item.id(), person.strip(), relation, scope, status, signedAuthorisation,
                evidenceNote == null || evidenceNote.isBlank() ? null : evidenceNote.strip(), staff.id(), clock.instant());
        em.persist(consent);
        history(consent, staff, "recorded");
        return consent;
    }

    public Consent change(MediaItem item, String consentId, ConsentStatus status, ConsentScope scope,
                          Boolean signedAuthorisation, String evidenceNote, StaffMember staff) {
        Consent consent = existing(item, consentId);
        consent.change(status, scope, signedAuthorisation, evidenceNote, clock.instant());
        history(consent, staff, status == ConsentStatus.WITHDRAWN ? "withdrawn" : "changed");
        return consent;
    }
    /** Records a placed scanned form as a consent's evidence; the form it replaces goes when nothing else uses it. */
    public void attachEvidence(MediaItem item, String consentId, MediaRecords.Blob form, String fileName,
                               StaffMember staff) {
        Consent consent = existing(em.find(MediaItem.class, item.id()), consentId);
        records.recordBlob(form);
        String replaced = consent.attachEvidence(form.sha256(), form.contentType(), fileName, clock.instant());
        if (replaced != null && !replaced.equals(form.sha256())) {
            unusedFiles.fire(new MediaLibrary.FilesUnused(records.forgetUnreferenced(List.of(replaced))));
        }
        audit.record(staff.username(), "consent.evidence-attached", new AuditLog.Subject("consent", consent.id(),
                null), Map.of("media", consent.mediaId(), "person", consent.person(), "file", form.sha256(),
                "type", form.contentType()));
    }

    public Consent existing(MediaItem item, String consentId) {
        Consent consent = item == null || consentId == null ? null : em.find(Consent.class, consentId);
        if (consent == null || !consent.mediaId().equals(item.id())) {
            throw ProblemException.notFound("consent-not-found", "This item has no consent record '" + consentId
                    + "'.");
        }
        return consent;
    }


    /** Every change to consent, appended: never updated or deleted by Rounds. */
    public List<String> history(String mediaId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT changed_at, status, scope, note FROM media_consent_change "
                + "WHERE media_id = ? ORDER BY id").setParameter(1, mediaId).getResultList();
        return rows.stream().map(r -> r[0] + " " + r[1] + " " + r[2] + " (" + r[3] + ")").toList();
    }

    /** Kept twice on purpose: the item's own history for staff, and the hash-chained audit trail for compliance. */
    private void history(Consent consent, StaffMember staff, String note) {
        em.flush();
        em.createNativeQuery("INSERT INTO media_consent_change (consent_id, media_id, status, scope, changed_by, "
                        + "changed_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, consent.id()).setParameter(2, consent.mediaId())
                .setParameter(3, consent.status().name()).setParameter(4, consent.scope().name())
                .setParameter(5, staff.id()).setParameter(6, Timestamp.from(clock.instant()))
                .setParameter(7, consent.person() + ": " + note)
                .executeUpdate();
        audit.record(staff.username(), "consent." + note, new AuditLog.Subject("consent", consent.id(), null),
                Map.of("media", consent.mediaId(), "person", consent.person(), "relation", consent.relation(),
                        "status", consent.status(), "scope", consent.scope(),
                        "signedAuthorisation", consent.signedAuthorisation()));
    }

    /**
     * Publishable when its hidden metadata was removed, it has alt text and either nobody can be recognised in it or
     * every person pictured has a consent that allows publication (granted, public, and for a patient a signed
     * authorisation).
     */
    public static Publishability publishability(MediaItem item, List<Consent> consents) {
        List<String> reasons = new ArrayList<>();
        if (item.metadata() != MetadataHandling.REMOVED) {
            reasons.add("its hidden metadata, which can tell where, when and with which device it was filmed, was not "
                    + "removed" + (item.metadataNote() == null ? "" : ": " + item.metadataNote()));
        }
        if (item.altText() == null) {
            reasons.add("it has no alt text");
        }
        if (!item.noIdentifiablePeople()) {
            if (consents.isEmpty()) {
                reasons.add("no one has recorded who is pictured (or that no one can be recognised)");
            }
            for (Consent consent : consents) {
                if (consent.relation() == ConsentRelation.PATIENT && !consent.signedAuthorisation()) {
                    reasons.add(consent.person() + " is a patient without a signed authorisation on record");
                } else if (consent.status() != ConsentStatus.GRANTED) {
                    reasons.add(consent.person() + "'s consent is " + consent.status().name().toLowerCase());
                } else if (consent.scope() != ConsentScope.PUBLIC) {
                    reasons.add(consent.person() + " agreed to internal use only");
                }
            }
        }
        return new Publishability(reasons.isEmpty(), List.copyOf(reasons));
    }

    public static ConsentView view(Consent c) {
        return new ConsentView(c.id(), c.person(), c.relation(), c.scope(), c.status(), c.signedAuthorisation(),
                c.evidenceNote(), c.evidenceSha256() == null ? null
                : (c.evidenceName() == null ? "scanned form" : c.evidenceName()), c.recordedAt(), c.updatedAt());
    }
}
