package app.rounds.media.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** The consent of one person pictured in a media item. */
@Entity
@Table(name = "media_consent")
@NamedQuery(name = Consent.FIND_BY_MEDIA,
        query = "SELECT c FROM Consent c WHERE c.mediaId = :media ORDER BY c.recordedAt")
@NamedQuery(name = Consent.COUNT_EVIDENCE, query = "SELECT COUNT(c) FROM Consent c WHERE c.evidenceSha256 = :sha")
public class Consent {

    public static final String FIND_BY_MEDIA = "Consent.findByMedia";
    public static final String COUNT_EVIDENCE = "Consent.countEvidence";

    @Id
    private String id;

    @Column(name = "media_id", nullable = false, length = 36)
    private String mediaId;

    @Column(nullable = false, length = 200)
    private String person;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ConsentRelation relation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ConsentScope scope;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ConsentStatus status;

    @Column(name = "signed_authorisation", nullable = false)
    private boolean signedAuthorisation;

    @Column(name = "evidence_note", length = 1000)
    private String evidenceNote;

    /** A scanned consent form, stored by its hash; null when the evidence is a note only. */
    @Column(name = "evidence_sha256", length = 64)
    private String evidenceSha256;

    @Column(name = "evidence_type", length = 100)
    private String evidenceType;

    @Column(name = "evidence_name", length = 255)
    private String evidenceName;

    @Column(name = "recorded_by", length = 36)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Consent() {
    }

    public Consent(String mediaId, String person, ConsentRelation relation, ConsentScope scope, ConsentStatus status,
                   boolean signedAuthorisation, String evidenceNote, String recordedBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.mediaId = mediaId;
        this.person = person;
        this.relation = relation;
        this.scope = scope;
        this.status = status;
        this.signedAuthorisation = signedAuthorisation;
        this.evidenceNote = evidenceNote;
        this.recordedBy = recordedBy;
        this.recordedAt = now;
        this.updatedAt = now;
    }

    /** A change of what was agreed; null leaves a field as it is. */
    public void change(ConsentStatus status, ConsentScope scope, Boolean signedAuthorisation, String evidenceNote,
                       Instant now) {
        if (status != null) {
            this.status = status;
        }
        if (scope != null) {
            this.scope = scope;
        }
        if (signedAuthorisation != null) {
            this.signedAuthorisation = signedAuthorisation;
        }
        if (evidenceNote != null) {
            this.evidenceNote = evidenceNote.isBlank() ? null : evidenceNote.strip();
        }
        this.updatedAt = now;
    }

    /** Attaches a scanned form; returns the hash of the one it replaces, if any. */
    public String attachEvidence(String sha256, String contentType, String fileName, Instant now) {
        String replaced = evidenceSha256;
        this.evidenceSha256 = sha256;
        this.evidenceType = contentType;
        this.evidenceName = fileName;
        this.updatedAt = now;
        return replaced;
    }

    public String evidenceSha256() {
        return evidenceSha256;
    }

    public String evidenceType() {
        return evidenceType;
    }

    public String evidenceName() {
        return evidenceName;
    }

    /** Whether this person allows publication: granted, public, and for a patient a signed authorisation. */
    public boolean allowsPublication() {
        return status == ConsentStatus.GRANTED && scope == ConsentScope.PUBLIC
                && (relation != ConsentRelation.PATIENT || signedAuthorisation);
    }

    public String id() {
        return id;
    }

    public String mediaId() {
        return mediaId;
    }

    public String person() {
        return person;
    }

    public ConsentRelation relation() {
        return relation;
    }

    public ConsentScope scope() {
        return scope;
    }

    public ConsentStatus status() {
        return status;
    }

    public boolean signedAuthorisation() {
        return signedAuthorisation;
    }

    public String evidenceNote() {
        return evidenceNote;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
