package app.rounds.media.control;

import app.rounds.audit.control.AuditLog;
import app.rounds.media.entity.Consent;
import app.rounds.media.entity.ConsentRelation;
import app.rounds.media.entity.ConsentScope;
import app.rounds.media.entity.ConsentStatus;
import app.rounds.media.entity.MediaBlob;
import app.rounds.media.entity.MediaItem;
import app.rounds.media.entity.MediaKind;
import app.rounds.media.entity.MetadataHandling;
import app.rounds.platform.control.ProblemException;
import app.rounds.security.control.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A session's photos and videos: taking an upload in, describing it, finding its files. */
@ApplicationScoped
@Transactional
public class MediaLibrary {

    /** What staff see of an item, with the consent of the people pictured; the URLs are relative to the API. */
    public record MediaView(String id, String sessionId, MediaKind kind, String contentType, long sizeBytes,
                            String fileName, Integer width, Integer height, Long durationMillis,
                            MetadataHandling metadata, String metadataNote, String caption, String altText,
                            String photographer, Instant takenAt, String tags, Instant createdAt, String contentUrl,
                            String smallUrl, String largeUrl, boolean noIdentifiablePeople,
                            List<Consents.ConsentView> consents, boolean publishable,
                            List<String> unpublishableReasons) {
    }

    /** A stored file to send. */
    public record StoredFile(Path path, String contentType, long size, String sha256) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    MediaStore store;

    @Inject
    MediaRecords records;

    @Inject
    Consents consents;

    @Inject
    VideoMetadataRemover videoMetadata;

    @Inject
    PhotoDecodeBudget photoDecodes;

    @Inject
    Event<MediaWithdrawn> withdrawn;

    @Inject
    Event<FilesUnused> unusedFiles;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "rounds.media.max-photo-mb")
    long maxPhotoMb;

    @Inject
    @ConfigProperty(name = "rounds.media.max-video-mb")
    long maxVideoMb;

    @Inject
    @ConfigProperty(name = "rounds.media.max-megapixels")
    long maxMegapixels;

    @Inject
    @ConfigProperty(name = "rounds.media.max-evidence-mb")
    long maxEvidenceMb;

    /**
     * Takes an upload in: streamed to disk while hashed, its type judged by its content, a photo re-encoded without
     * metadata and thumbnailed, a video's container rewritten without its metadata (or, where that cannot be done,
     * kept as uploaded and unpublishable), the files placed by their hash, then the item recorded. The same file
     * again in the same session is the same item ({@code created} false). Outside any transaction until the record:
     * a large video takes minutes to arrive.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Uploaded upload(String sessionId, String staffId, String fileName, InputStream body, Long declaredLength) {
        long maxPhoto = maxPhotoMb * 1024 * 1024;
        long maxVideo = maxVideoMb * 1024 * 1024;
        long max = Math.max(maxPhoto, maxVideo);
        if (declaredLength != null && declaredLength > max) {
            throw MediaStore.tooLarge(max);
        }
        List<Path> temporary = new ArrayList<>();
        try {
            MediaStore.Received upload = store.receive(body, max);
            temporary.add(upload.file());
            String type = MediaTypes.detect(upload.file());
            MediaKind kind = MediaTypes.accept(upload.file(), type, fileName);
            if (kind == MediaKind.PHOTO && upload.size() > maxPhoto) {
                throw MediaStore.tooLarge(maxPhoto);
            }
            List<MediaRecords.Blob> blobs = new ArrayList<>();
            MediaItem item = kind == MediaKind.PHOTO
                    ? photo(sessionId, staffId, fileName, upload, type, temporary, blobs)
                    : video(sessionId, staffId, fileName, upload, type, temporary, blobs);
            MediaRecords.Recorded recorded;
            try {
                recorded = records.record(item, blobs);
            } catch (ProblemException concurrent) {
                if (!MediaRecords.CONCURRENT_UPLOAD.equals(concurrent.type())) {
                    throw concurrent;
                }
                // the same file reached this session from another upload at the same moment: that one stands
                recorded = records.record(item, blobs);
            }
            store.settled(blobs.stream().map(MediaRecords.Blob::sha256).toList());
            return new Uploaded(view(recorded.item()), recorded.created());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            store.discard(temporary);
        }
    }

    public record Uploaded(MediaView item, boolean created) {
    }

    private MediaItem photo(String sessionId, String staffId, String fileName, MediaStore.Received upload,
                            String type, List<Path> temporary, List<MediaRecords.Blob> blobs) throws IOException {
        PhotoProcessor.Processed processed = PhotoProcessor.process(upload.file(), type, maxMegapixels * 1_000_000,
                photoDecodes, store);
        temporary.addAll(processed.files());
        String photo = keep(store.hash(processed.photo()), upload.sha256(), processed.contentType(), blobs);
        String small = keep(store.hash(processed.small()), upload.sha256(), "image/jpeg", blobs);
        String large = keep(store.hash(processed.large()), upload.sha256(), "image/jpeg", blobs);
        return new MediaItem(sessionId, MediaKind.PHOTO, photo, small, large, safeName(fileName), processed.width(),
                processed.height(), null, MetadataHandling.REMOVED, "Re-encoded from its pixels: EXIF (including "
                + "GPS), XMP, IPTC and comments were not carried over.", staffId, clock.instant());
    }

    /**
     * The video without its container metadata, checked, stored by the hash of that copy; or, when that cannot be
     * done, the video as uploaded with the reason, which keeps it unpublishable.
     */
    private MediaItem video(String sessionId, String staffId, String fileName, MediaStore.Received upload,
                            String type, List<Path> temporary, List<MediaRecords.Blob> blobs) throws IOException {
        Path copy = store.temporary(".video");
        temporary.add(copy);
        return switch (videoMetadata.remove(upload.file(), type, copy)) {
            case VideoMetadataRemover.Removed removed -> {
                MediaStore.Received stripped = store.hash(removed.file());
                VideoInspector.Inspected inspected = VideoInspector.inspect(stripped.file());
                yield new MediaItem(sessionId, MediaKind.VIDEO, keep(stripped, upload.sha256(), type, blobs), null,
                        null, safeName(fileName), inspected.width(), inspected.height(), inspected.durationMillis(),
                        MetadataHandling.REMOVED, VideoMetadataRemover.REMOVED_NOTE, staffId, clock.instant());
            }
            case VideoMetadataRemover.Kept kept -> {
                VideoInspector.Inspected inspected = VideoInspector.inspect(upload.file());
                yield new MediaItem(sessionId, MediaKind.VIDEO, keep(upload, upload.sha256(), type, blobs), null,
                        null, safeName(fileName), inspected.width(), inspected.height(), inspected.durationMillis(),
                        MetadataHandling.NOT_REMOVED, kept.note(), staffId, clock.instant());
            }
        };
    }

    /** Places a file by its hash (synced, moved atomically), to be recorded with the item. */
    private String keep(MediaStore.Received file, String originalSha256, String contentType,
                        List<MediaRecords.Blob> blobs) throws IOException {
        store.place(file);
        blobs.add(new MediaRecords.Blob(file.sha256(), originalSha256, contentType, file.size()));
        return file.sha256();
    }

    /** The session's items with their files' records and consents: three queries, however many items. */
    public List<MediaView> of(String sessionId) {
        List<MediaItem> items = em.createNamedQuery(MediaItem.FIND_BY_SESSION, MediaItem.class)
                .setParameter("session", sessionId).getResultList();
        if (items.isEmpty()) {
            return List.of();
        }
        Map<String, MediaBlob> blobs = em.createQuery("SELECT b FROM MediaBlob b WHERE b.sha256 IN :shas",
                        MediaBlob.class).setParameter("shas", items.stream().map(MediaItem::blobSha256).toList())
                .getResultStream().collect(Collectors.toMap(MediaBlob::sha256, b -> b));
        Map<String, List<Consent>> consentsOf = consents.ofSession(sessionId).stream()
                .collect(Collectors.groupingBy(Consent::mediaId));
        return items.stream().map(m -> view(m, blobs.get(m.blobSha256()), consentsOf.getOrDefault(m.id(), List.of())))
                .toList();
    }

    public MediaView one(String sessionId, String itemId) {
        return view(item(sessionId, itemId));
    }

    /** The item if the session has it: for callers to whom a missing item is no error (nothing is rolled back). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MediaView> find(String sessionId, String itemId) {
        MediaItem item = itemId == null ? null : em.find(MediaItem.class, itemId);
        return item == null || !item.sessionId().equals(sessionId) ? Optional.empty() : Optional.of(view(item));
    }

    public MediaView describe(String sessionId, String itemId, String caption, String altText, String photographer,
                              Instant takenAt, String tags) {
        MediaItem item = item(sessionId, itemId);
        return changing(item, "its alt text was removed", () -> item.describe(blankToNull(caption),
                blankToNull(altText), blankToNull(photographer), takenAt, blankToNull(tags), clock.instant()));
    }

    /**
     * Removes an item (its consent records go with it) and every stored file no other item uses: the files are
     * deleted once the transaction has committed, so a rollback never loses a file still referred to.
     */
    public void remove(String sessionId, String itemId) {
        MediaItem item = item(sessionId, itemId);
        List<Consent> recorded = consents.of(item.id());
        List<String> files = new ArrayList<>(item.files());
        recorded.forEach(consent -> files.add(consent.evidenceSha256()));
        em.remove(item);
        unusedFiles.fire(new FilesUnused(records.forgetUnreferenced(files)));
        withdrawn.fire(new MediaWithdrawn(item.sessionId(), item.id(), "removed from the library"));
    }


    /** Stored files nothing refers to any more, by hash. */
    public record FilesUnused(List<String> sha256s) {
    }

    void deleteUnused(@Observes(during = TransactionPhase.AFTER_SUCCESS) FilesUnused unused) {
        store.delete(unused.sha256s());
    }

    /** Staff decide whether anyone can be recognised in the item. */
    public MediaView peopleDecided(String sessionId, String itemId, boolean noIdentifiablePeople, StaffMember staff) {
        MediaItem item = item(sessionId, itemId);
        return changing(item, "people in it need consent", () -> {
            item.peopleDecided(noIdentifiablePeople, clock.instant());
            audit.record(staff.username(), "media.people-decided", new AuditLog.Subject("media", item.id(),
                    item.sessionId()), Map.of("noIdentifiablePeople", noIdentifiablePeople));
        });
    }

    public MediaView recordConsent(String sessionId, String itemId, String person, ConsentRelation relation,
                                   ConsentScope scope, ConsentStatus status, boolean signedAuthorisation,
                                   String evidenceNote, StaffMember staff) {
        MediaItem item = item(sessionId, itemId);
        return changing(item, "a person pictured has not consented", () -> consents.record(item, person, relation,
                scope, status, signedAuthorisation, evidenceNote, staff));
    }

    /** Any change of a consent, withdrawal included: as easy as granting. */
    public MediaView changeConsent(String sessionId, String itemId, String consentId, ConsentStatus status,
                                   ConsentScope scope, Boolean signedAuthorisation, String evidenceNote,
                                   StaffMember staff) {
        MediaItem item = item(sessionId, itemId);
        return changing(item, "consent withdrawn", () -> consents.change(item, consentId, status, scope,
                signedAuthorisation, evidenceNote, staff));
    }

    public List<String> consentHistory(String sessionId, String itemId) {
        return consents.history(item(sessionId, itemId).id());
    }

    /**
     * Attaches a scanned consent form to a consent: streamed to disk, judged by its content (PDF, JPEG, PNG), kept as
     * uploaded, stored by its hash. Outside a transaction until the record, like an upload.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public MediaView attachEvidence(String sessionId, String itemId, String consentId, String fileName,
                                    InputStream body, Long declaredLength, StaffMember staff) {
        MediaItem item = item(sessionId, itemId);
        long max = maxEvidenceMb * 1024 * 1024;
        if (declaredLength != null && declaredLength > max) {
            throw MediaStore.tooLarge(max);
        }
        MediaStore.Received upload = null;
        try {
            upload = store.receive(body, max);
            String type = MediaTypes.detect(upload.file());
            MediaTypes.acceptEvidence(upload.file(), type, fileName);
            store.place(upload);
            consents.attachEvidence(item, consentId, new MediaRecords.Blob(upload.sha256(), upload.sha256(), type,
                    upload.size()), safeName(fileName), staff);
            store.settled(List.of(upload.sha256()));
            return view(em.find(MediaItem.class, item.id()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (upload != null) {
                store.discard(List.of(upload.file()));
            }
        }
    }

    /** A consent's scanned form, for staff of the session. */
    public StoredFile evidence(String sessionId, String itemId, String consentId) {
        Consent consent = consents.existing(item(sessionId, itemId), consentId);
        if (consent.evidenceSha256() == null) {
            throw ProblemException.notFound("evidence-not-found", "No scanned form is attached to this consent.");
        }
        return new StoredFile(store.path(consent.evidenceSha256()), consent.evidenceType(),
                em.find(MediaBlob.class, consent.evidenceSha256()).sizeBytes(), consent.evidenceSha256());
    }

    /**
     * Applies a change; an item that was publishable and is no longer is taken down wherever it is published (an
     * item that is not publishable is published nowhere: it was taken down when it stopped being so).
     */
    private MediaView changing(MediaItem item, String whyNotPublishable, Runnable change) {
        boolean before = Consents.publishability(item, consents.of(item.id())).publishable();
        change.run();
        em.flush();
        if (before && !Consents.publishability(item, consents.of(item.id())).publishable()) {
            withdrawn.fire(new MediaWithdrawn(item.sessionId(), item.id(), whyNotPublishable));
        }
        return view(item);
    }

    /** The variant a request asks for by its {@code variant} parameter: {@code full} when it names none. */
    public static String variant(String requested) {
        if (requested == null) {
            return "full";
        }
        if (!requested.equals("small") && !requested.equals("large")) {
            throw ProblemException.invalidField("variant", "The variant is small or large (a photo's thumbnails), or "
                    + "left out for the file itself.");
        }
        return requested;
    }

    /** The item's file: the stored photo or video ({@code full}), or a thumbnail ({@code small}, {@code large}). */
    public StoredFile file(String sessionId, String itemId, String variant) {
        MediaItem item = item(sessionId, itemId);
        String sha256 = switch (variant) {
            case "small" -> item.smallSha256();
            case "large" -> item.largeSha256();
            default -> item.blobSha256();
        };
        if (sha256 == null) {
            throw ProblemException.notFound("media-variant-not-found", "This item has no " + variant + " version.");
        }
        MediaBlob blob = em.find(MediaBlob.class, sha256);
        return new StoredFile(store.path(sha256), blob.contentType(), blob.sizeBytes(), sha256);
    }

    /**
     * The item's file for the public, for a live publication showing it: none for an item whose hidden metadata was
     * kept (a video published before Rounds removed video metadata is no longer sent, though its page still stands).
     */
    public Optional<StoredFile> publicFile(String sessionId, String itemId, String variant) {
        MediaItem item = item(sessionId, itemId);
        return item.metadata() == MetadataHandling.REMOVED ? Optional.of(file(sessionId, itemId, variant))
                : Optional.empty();
    }

    private MediaItem item(String sessionId, String itemId) {
        MediaItem item = em.find(MediaItem.class, itemId);
        if (item == null || !item.sessionId().equals(sessionId)) {
            throw ProblemException.notFound("media-not-found", "There is no media item '" + itemId
                    + "' in this session.");
        }
        return item;
    }

    private MediaView view(MediaItem m) {
        return view(m, em.find(MediaBlob.class, m.blobSha256()), consents.of(m.id()));
    }

    private static MediaView view(MediaItem m, MediaBlob blob, List<Consent> recorded) {
        String base = "api/sessions/" + m.sessionId() + "/media/" + m.id();
        Consents.Publishability publishability = Consents.publishability(m, recorded);
        return new MediaView(m.id(), m.sessionId(), m.kind(), blob.contentType(), blob.sizeBytes(), m.fileName(),
                m.width(), m.height(), m.durationMillis(), m.metadata(), m.metadataNote(), m.caption(), m.altText(),
                m.photographer(), m.takenAt(), m.tags(), m.createdAt(), base + "/content",
                m.smallSha256() == null ? null : base + "/content?variant=small",
                m.largeSha256() == null ? null : base + "/content?variant=large", m.noIdentifiablePeople(),
                recorded.stream().map(Consents::view).toList(), publishability.publishable(),
                publishability.reasons());
    }

    /** A file name to show, never to use as a path: its last segment, without control characters, at most 255. */
    private static String safeName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return null;
        }
        String last = fileName.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        return last.isEmpty() ? null : last.substring(0, Math.min(255, last.length()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
