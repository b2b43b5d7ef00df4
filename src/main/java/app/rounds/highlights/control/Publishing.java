package app.rounds.highlights.control;

import app.rounds.audit.control.AuditLog;
import app.rounds.contributions.control.ContributionRetracted;
import app.rounds.contributions.control.QuotableContributions;
import app.rounds.highlights.entity.Highlight;
import app.rounds.highlights.entity.HighlightStatus;
import app.rounds.highlights.entity.PartKind;
import app.rounds.highlights.entity.Publication;
import app.rounds.highlights.entity.PublicationPart;
import app.rounds.media.control.MediaWithdrawn;
import app.rounds.media.control.MediaLibrary;
import app.rounds.platform.control.ClusterWide;
import app.rounds.platform.control.ProblemException;
import app.rounds.security.control.Roles;
import app.rounds.security.control.StaffMember;
import app.rounds.sessions.control.QuotingWithdrawn;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Putting approved highlights in front of the public, and taking them down: by hand, or at once when a picture or a
 * quote it shows may no longer be shown (a consent withdrawn, a post deleted at its source). The public sees a publication, a copy of the approved rendition; only the
 * pictures it shows have public URLs.
 */
@ApplicationScoped
@Transactional
public class Publishing {

    /** What the public sees changed: fired inside the transaction, acted on after it commits. */
    public record PublicationChanged(String highlightId) implements ClusterWide {
    }

    /** A publication as served, with the pictures it shows (the only ones with public URLs). */
    public record Served(Publication publication, Set<String> mediaIds) {
    }

    /**
     * Publications as served, kept a few seconds: a page view then costs no database round trip. A change clears them
     * when it commits, on every instance of a cluster ({@link PublicationChanged} is cluster-wide), so a takedown is
     * served at once; an instance the grid cannot reach within {@code rounds.highlights.cache-seconds}.
     */
    private Cache<String, Optional<Served>> served;
    private LiveIndex indexes;

    @Inject
    @ConfigProperty(name = "rounds.highlights.cache-seconds")
    int cacheSeconds;

    @PostConstruct
    void createCaches() {
        served = Caffeine.newBuilder().maximumSize(1000).expireAfterWrite(Duration.ofSeconds(cacheSeconds)).build();
        indexes = new LiveIndex(Duration.ofSeconds(cacheSeconds));
    }

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicationChanged change) {
        served.invalidate(change.highlightId());
        indexes.forget();
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
    QuotableContributions contributions;

    @Inject
    AuditLog audit;

    @Inject
    Event<PublicationChanged> changed;

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
            em.flush(); // its parts refer to it, and nothing tells EclipseLink to insert it first
        } else {
            publication.show(rendition.title(), rendition.summary(), rendition.html(), rendition.imageMediaId(),
                    rendition.imageAlt(), rendition.hash(), now);
            em.createQuery("DELETE FROM PublicationPart s WHERE s.highlightId = :highlight")
                    .setParameter("highlight", highlight.id()).executeUpdate();
        }
        Set<String> shown = new HashSet<>();
        for (Rendition.Part part : rendition.parts()) {
            if (shown.add(part.refId())) {
                em.persist(new PublicationPart(highlight.id(), part.refId(), part.kind()));
            }
        }
        highlight.published(now);
        audit.record(actor, "highlight.published", Highlights.subject(highlight),
                Map.of("renditionHash", rendition.hash(), "media", rendition.mediaIds()));
        changed.fire(new PublicationChanged(highlight.id()));
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
        changed.fire(new PublicationChanged(highlightId));
        return highlights.view(highlight);
    }

    /**
     * A picture may no longer be shown (consent withdrawn, alt text removed, removed from the library): every live
     * publication showing it comes down at once, and it leaves every highlight that shows it; those under review go
     * back to their authors. In the withdrawal's transaction: the change and the takedown commit together.
     */
    void takeDown(@Observes MediaWithdrawn withdrawal) {
        var now = clock.instant();
        Set<String> takenDown = takeDownShowing(withdrawal.mediaId(), "picture: " + withdrawal.reason());
        List<Highlight> containing = em.createNamedQuery(Highlight.FIND_SHOWING, Highlight.class)
                .setParameter("kind", PartKind.MEDIA).setParameter("ref", withdrawal.mediaId()).getResultList();
        for (Highlight highlight : containing) {
            highlight.removeMedia(withdrawal.mediaId(), now);
            if (highlight.status().underReview() || takenDown.contains(highlight.id())) {
                highlight.backToDraft(now);
            }
            audit.record(AuditLog.SYSTEM, "highlight.media-removed", Highlights.subject(highlight),
                    Map.of("reason", withdrawal.reason(), "media", withdrawal.mediaId()));
        }
    }

    /**
     * A quoted question or feedback was deleted or edited at its source, changed by its author or hidden by a
     * moderator: every live publication quoting it comes down, and goes back to its author, whose rendition now
     * shows why.
     */
    void takeDown(@Observes ContributionRetracted retraction) {
        takeDownShowing(retraction.contributionId(), "quote: " + retraction.reason());
    }

    /** A trainee took back their agreement to be named: publications quoting them come down. */
    void takeDown(@Observes QuotingWithdrawn withdrawal) {
        contributions.idsOf(withdrawal.participantId()).forEach(id ->
                takeDownShowing(id, "quote: its author no longer agrees to be named"));
    }

    private Set<String> takeDownShowing(String refId, String reason) {
        var now = clock.instant();
        Set<String> takenDown = new HashSet<>();
        for (Publication publication : em.createNamedQuery(Publication.FIND_SHOWING, Publication.class)
                .setParameter("ref", refId).getResultList()) {
            publication.takeDown(reason, now);
            takenDown.add(publication.highlightId());
            Highlight highlight = em.find(Highlight.class, publication.highlightId());
            if (highlight.status() == HighlightStatus.PUBLISHED) {
                highlight.backToDraft(now);
            }
            audit.record(AuditLog.SYSTEM, "highlight.taken-down", Highlights.subject(highlight),
                    Map.of("reason", reason, "ref", refId));
            changed.fire(new PublicationChanged(publication.highlightId()));
        }
        return takenDown;
    }

    /** Live publications, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Publication> live(int limit) {
        return indexes.newest(limit, l -> em.createNamedQuery(Publication.FIND_LIVE, Publication.class).setMaxResults(l)
                .getResultList());
    }

    /** The publication of the highlight, live or gone, as served; empty when it was never published. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Publication> publication(String highlightId) {
        return served(highlightId).map(Served::publication);
    }

    /** A picture's file for the public, when a live publication shows it; empty otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MediaLibrary.StoredFile> publicFile(String highlightId, String mediaId, String variant) {
        return served(highlightId).filter(s -> s.publication().live() && s.mediaIds().contains(mediaId))
                .flatMap(s -> media.publicFile(s.publication().sessionId(), mediaId, variant));
    }

    private Optional<Served> served(String highlightId) {
        if (highlightId == null) {
            return Optional.empty();
        }
        return served.get(highlightId, id -> Optional.ofNullable(em.find(Publication.class, id)).map(p -> new Served(p,
                Set.copyOf(em.createQuery("SELECT s.refId FROM PublicationPart s WHERE s.highlightId = :highlight "
                        + "AND s.kind = app.rounds.highlights.entity.PartKind.MEDIA", String.class)
                        .setParameter("highlight", id).getResultList()))));
    }

    /** A picture of the highlight's working copy, for staff who may see it before it is published (a preview). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MediaLibrary.StoredFile> previewFile(String highlightId, String mediaId, String variant,
                                                         StaffMember viewer) {
        Highlight highlight = em.find(Highlight.class, highlightId);
        if (highlight == null || highlight.parts().stream()
                .noneMatch(p -> p.kind() == PartKind.MEDIA && p.refId().equals(mediaId))) {
            return Optional.empty();
        }
        boolean reviewing = viewer.roles().contains(Roles.REVIEWER) && highlight.shownToReviewers();
        if (!viewer.admin() && !reviewing) {
            highlights.curated(highlightId, viewer);
        }
        return Optional.of(media.file(highlight.sessionId(), mediaId, variant));
    }

}
