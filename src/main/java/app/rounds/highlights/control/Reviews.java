package app.rounds.highlights.control;

import app.rounds.audit.control.AuditLog;
import app.rounds.highlights.control.HighlightScreening.HighlightFinding;
import app.rounds.highlights.entity.Highlight;
import app.rounds.highlights.entity.HighlightReview;
import app.rounds.highlights.entity.HighlightStatus;
import app.rounds.highlights.entity.ReviewDecision;
import app.rounds.platform.control.Percentiles;
import app.rounds.platform.control.ProblemException;
import app.rounds.security.control.StaffMember;
import app.rounds.sessions.control.TrainingSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compliance review: the queue, everything a reviewer needs on one screen, and the decision, bound to the hash of the
 * exact rendition the reviewer saw. Authors never approve their own work. How long each submission waited for its
 * decision is kept, per reviewer and overall.
 */
@ApplicationScoped
@Transactional
public class Reviews {

    public record Waiting(String id, String sessionId, String sessionTitle, String title, String authorName,
                          Instant submittedAt, long waitingSeconds, int findings, int pictures, int quotes,
                          boolean ownWork) {
    }

    /**
     * One screen for the reviewer: the rendition the public would see (with each picture's consent and each quote's
     * permission in its parts), what screening found with the author's reasons, and the author's notes.
     */
    public record Packet(String id, String sessionId, String sessionTitle, String title, String authorName,
                         String authorNotes, HighlightStatus status, Instant submittedAt, Rendition rendition,
                         List<HighlightFinding> findings, List<Highlights.ReviewView> earlierReviews,
                         boolean ownWork) {
    }

    public record Timing(String reviewer, int decisions, long medianSeconds, long p90Seconds, long maxSeconds) {
    }

    public record Stats(Timing overall, List<Timing> perReviewer, Instant since) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Highlights highlights;

    @Inject
    Renditions renditions;

    @Inject
    HighlightScreening screening;

    @Inject
    Publishing publishing;

    @Inject
    TrainingSessions sessions;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Highlights waiting for review, the longest waiting first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Waiting> queue(StaffMember reviewer) {
        Instant now = clock.instant();
        return em.createNamedQuery(Highlight.FIND_BY_STATUS, Highlight.class)
                .setParameter("status", HighlightStatus.IN_REVIEW).getResultStream()
                .map(h -> {
                    Rendition rendition = renditions.of(h);
                    return new Waiting(h.id(), h.sessionId(), sessions.summary(h.sessionId()).title(), h.title(),
                            h.authorName(), h.submittedAt(), Duration.between(h.submittedAt(), now).toSeconds(),
                            HighlightScreening.read(h.screening()).size(), rendition.mediaIds().size(),
                            rendition.parts().size() - rendition.mediaIds().size(), h.contributedTo(reviewer.id()));
                }).toList();
    }

    /** The highlight, when a reviewer may see it: a draft never submitted is its curators' alone (admins see all). */
    private Highlight submitted(String highlightId, StaffMember reviewer) {
        Highlight h = highlights.existing(highlightId);
        if (!reviewer.admin() && !h.shownToReviewers()) {
            throw ProblemException.notFound("highlight-not-found", "There is no highlight '" + highlightId
                    + "' in review.");
        }
        return h;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Packet packet(String highlightId, StaffMember reviewer) {
        Highlight h = submitted(highlightId, reviewer);
        Rendition rendition = renditions.of(h);
        return new Packet(h.id(), h.sessionId(), sessions.summary(h.sessionId()).title(), h.title(), h.authorName(),
                h.authorNotes(), h.status(), h.submittedAt(), rendition,
                screening.screen(rendition, HighlightScreening.justificationsIn(h.screening())),
                highlights.reviews(h.id()), h.contributedTo(reviewer.id()));
    }

    /**
     * Approves or rejects the rendition the reviewer saw ({@code renditionHash}); refused when it changed since they
     * loaded it. An approval of a highlight whose author asked for it publishes it at once.
     */
    public Packet decide(String highlightId, ReviewDecision decision, String comment, String renditionHash,
                         StaffMember reviewer) {
        Highlight h = submitted(highlightId, reviewer);
        if (h.status() != HighlightStatus.IN_REVIEW) {
            throw ProblemException.conflict("highlight-not-in-review", "This highlight is not waiting for review "
                    + "(it is " + h.status().name().toLowerCase().replace('_', ' ') + ").");
        }
        if (h.contributedTo(reviewer.id())) {
            throw ProblemException.forbidden("Authors cannot review their own highlights, nor editors their edits.");
        }
        Rendition rendition = renditions.of(h);
        if (!rendition.hash().equals(renditionHash)) {
            throw ProblemException.conflictOnField("rendition-changed", "renditionHash",
                    "The highlight changed since you opened it: look at it again.");
        }
        String why = comment == null || comment.isBlank() ? null : comment.strip();
        if (decision == ReviewDecision.APPROVE) {
            List<HighlightFinding> findings = screening.screen(rendition,
                    HighlightScreening.justificationsIn(h.screening()));
            if (!rendition.blockers().isEmpty() || !findings.stream().allMatch(HighlightFinding::overridden)) {
                throw ProblemException.conflict("highlight-blocked", "This highlight cannot be approved: "
                        + String.join("; ", rendition.blockers().isEmpty()
                        ? List.of("a screening finding has no reason to go ahead") : rendition.blockers()));
            }
        } else if (why == null) {
            throw ProblemException.invalidField("comment", "Say what has to change: a rejection needs a comment.");
        }
        Instant now = clock.instant();
        em.persist(new HighlightReview(h.id(), reviewer.id(), reviewer.displayName(), decision, why,
                rendition.hash(), h.submittedAt(), now));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("renditionHash", rendition.hash());
        detail.put("waitedSeconds", Duration.between(h.submittedAt(), now).toSeconds());
        if (why != null) {
            detail.put("comment", why);
        }
        if (decision == ReviewDecision.APPROVE) {
            h.approve(rendition.hash(), now);
            audit.record(reviewer.username(), "highlight.approved", Highlights.subject(h), detail);
            if (h.publishOnApproval()) {
                publishing.publish(h, reviewer.username());
            }
        } else {
            h.reject(now);
            audit.record(reviewer.username(), "highlight.rejected", Highlights.subject(h), detail);
        }
        return packet(highlightId, reviewer);
    }

    /** Time from submission to decision over the decisions since {@code since}, overall and per reviewer. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Stats stats(Instant since) {
        List<HighlightReview> all = em.createNamedQuery(HighlightReview.FIND_SINCE, HighlightReview.class)
                .setParameter("since", since).getResultList();
        Map<String, List<HighlightReview>> byReviewer = new LinkedHashMap<>();
        all.forEach(r -> byReviewer.computeIfAbsent(r.reviewerName(), k -> new ArrayList<>()).add(r));
        List<Timing> per = byReviewer.entrySet().stream().map(e -> timing(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Timing::reviewer)).toList();
        return new Stats(timing("everyone", all), per, since);
    }

    private static Timing timing(String reviewer, List<HighlightReview> reviews) {
        long[] seconds = reviews.stream().mapToLong(r -> r.waited().toSeconds()).sorted().toArray();
        if (seconds.length == 0) {
            return new Timing(reviewer, 0, 0, 0, 0);
        }
        return new Timing(reviewer, seconds.length, Percentiles.nearestRank(seconds, 50),
                Percentiles.nearestRank(seconds, 90), seconds[seconds.length - 1]);
    }
}
