package app.rounds.highlights.control;

import app.rounds.audit.control.AuditLog;
import app.rounds.highlights.entity.Highlight;
import app.rounds.highlights.entity.HighlightStatus;
import app.rounds.highlights.entity.PartKind;
import app.rounds.highlights.entity.Publication;
import app.rounds.highlights.entity.PublicationMedia;
import app.rounds.media.control.ConsentWithdrawn;
import app.rounds.media.control.MediaLibrary;
import app.rounds.platform.control.ProblemException;
import app.rounds.security.control.Roles;
import app.rounds.security.control.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Putting approved highlights in front of the public, and taking them down: by hand, or at once when a person
 * pictured withdraws their consent. The public sees a publication, a copy of the approved rendition; only the
 * pictures it shows have public URLs.
 */
@ApplicationScoped
@Transactional
public class Publishing {

    /** The live set of publications changed: caches of pages and feeds are stale. Fired after commit. */
    public record PublicationsChanged(String highlightId) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Highlights highlights;

    @Inject
    Renditions renditions;

    @Inject
    MediaLibrary media;

    @Inject
    AuditLog audit;

    @Inject
    Event<PublicationsChanged> changed;

    @Inject
    Clock clock;

    /** Publishes an approved highlight by its curator. */
    public Highlights.HighlightView publish(String highlightId, StaffMember publisher) {
        Highlight highlight = highlights.curated(highlightId, publisher);
        publish(highlight, publisher.username());
        return highlights.view(highlight);
    }

    /**
     * Publishes exactly what was approved. Refused when the highlight is not approved, or when its rendition is no
     * longer the one approved (a quoted question or a picture's alt text changed since): then it needs a new review.
     */
    void publish(Highlight highlight, String actor) {
        if (highlight.status() != HighlightStatus.APPROVED) {
            throw ProblemException.conflict("highlight-not-approved", "Only an approved highlight can be published; "
                    + "this one is " + highlight.status().name().toLowerCase().replace('_', ' ') + ".");
        }
        Rendition rendition = renditions.of(highlight);
        if (!rendition.hash().equals(highlight.approvedHash()) || !rendition.blockers().isEmpty()) {
            throw ProblemException.conflict("changed-since-approval", "What the highlight shows changed after it was "
                    + "approved (a quote, a picture or its consent): edit it or submit it again for review.");
        }
        var now = clock.instant();
        Publication publication = em.find(Publication.class, highlight.id());
        if (publication == null) {
            publication = new Publication(highlight.id(), highlight.sessionId(), now);
            publication.show(rendition.title(), rendition.summary(), rendition.html(), rendition.imageMediaId(),
                    rendition.imageAlt(), rendition.hash(), now);
            em.persist(publication);
        } else {
            publication.show(rendition.title(), rendition.summary(), rendition.html(), rendition.imageMediaId(),
                    rendition.imageAlt(), rendition.hash(), now);
            em.createQuery("DELETE FROM PublicationMedia m WHERE m.highlightId = :highlight")
                    .setParameter("highlight", highlight.id()).executeUpdate();
        }
        for (String mediaId : new HashSet<>(rendition.mediaIds())) {
            em.persist(new PublicationMedia(highlight.id(), mediaId));
        }
        highlight.published(now);
        audit.record(actor, "highlight.published", Highlights.subject(highlight),
                Map.of("renditionHash", rendition.hash(), "media", rendition.mediaIds()));
        changed.fire(new PublicationsChanged(highlight.id()));
    }

    /** Takes a live highlight down by hand: its page answers 410 Gone, and it leaves the index and the feeds. */
    public Highlights.HighlightView unpublish(String highlightId, String reason, StaffMember actor) {
        Highlight highlight = highlights.curated(highlightId, actor);
        Publication publication = em.find(Publication.class, highlightId);
        if (publication == null || !publication.live()) {
            throw ProblemException.conflict("highlight-not-live", "This highlight is not published.");
        }
        String why = reason == null || reason.isBlank() ? "unpublished" : reason.strip();
        publication.takeDown(why, clock.instant());
        highlight.unpublished(clock.instant());
        audit.record(actor.username(), "highlight.unpublished", Highlights.subject(highlight), Map.of("reason", why));
        changed.fire(new PublicationsChanged(highlightId));
        return highlights.view(highlight);
    }

    /**
     * A person pictured withdrew consent: every live publication showing the picture comes down at once, and the
     * picture leaves every highlight that shows it, which go back to their authors. In the withdrawal's
     * transaction: the consent change and the takedown commit together.
     */
    void takeDown(@Observes ConsentWithdrawn withdrawal) {
        var now = clock.instant();
        List<Publication> showing = em.createNamedQuery(Publication.FIND_SHOWING_MEDIA, Publication.class)
                .setParameter("media", withdrawal.mediaId()).getResultList();
        Set<String> takenDown = new HashSet<>();
        for (Publication publication : showing) {
            publication.takeDown("consent withdrawn for a picture it showed", now);
            takenDown.add(publication.highlightId());
            audit.record(AuditLog.SYSTEM, "highlight.taken-down",
                    new AuditLog.Subject("highlight", publication.highlightId(), publication.sessionId()),
                    Map.of("reason", "consent withdrawn", "media", withdrawal.mediaId()));
        }
        List<Highlight> containing = em.createNamedQuery(Highlight.FIND_SHOWING, Highlight.class)
                .setParameter("kind", PartKind.MEDIA).setParameter("ref", withdrawal.mediaId()).getResultList();
        for (Highlight highlight : containing) {
            highlight.removeMedia(withdrawal.mediaId(), now);
            if (highlight.status().underReview() || takenDown.contains(highlight.id())) {
                highlight.backToDraft(now);
            }
            audit.record(AuditLog.SYSTEM, "highlight.media-removed", Highlights.subject(highlight),
                    Map.of("reason", "consent withdrawn", "media", withdrawal.mediaId()));
        }
        takenDown.forEach(id -> changed.fire(new PublicationsChanged(id)));
    }

    /** Live publications, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Publication> live(int limit) {
        return em.createNamedQuery(Publication.FIND_LIVE, Publication.class).setMaxResults(limit).getResultList();
    }

    /** The publication of the highlight, live or gone; empty when it was never published. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Publication> publication(String highlightId) {
        return Optional.ofNullable(highlightId == null ? null : em.find(Publication.class, highlightId));
    }

    /**
     * A picture's file for the public when a live publication shows it; for staff who may see the highlight, when
     * its working copy shows it (a preview). Empty otherwise.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MediaLibrary.StoredFile> publicFile(String highlightId, String mediaId, String variant) {
        Publication publication = em.find(Publication.class, highlightId);
        if (publication == null || !publication.live()
                || em.find(PublicationMedia.class, key(highlightId, mediaId)) == null) {
            return Optional.empty();
        }
        return Optional.of(media.file(publication.sessionId(), mediaId, variant));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MediaLibrary.StoredFile> previewFile(String highlightId, String mediaId, String variant,
                                                         StaffMember viewer) {
        Highlight highlight = em.find(Highlight.class, highlightId);
        if (highlight == null || highlight.parts().stream()
                .noneMatch(p -> p.kind() == PartKind.MEDIA && p.refId().equals(mediaId))) {
            return Optional.empty();
        }
        if (!viewer.admin() && !viewer.roles().contains(Roles.REVIEWER)) {
            highlights.curated(highlightId, viewer);
        }
        return Optional.of(media.file(highlight.sessionId(), mediaId, variant));
    }

    private static PublicationMedia.Key key(String highlightId, String mediaId) {
        return PublicationMedia.Key.of(highlightId, mediaId);
    }
}
