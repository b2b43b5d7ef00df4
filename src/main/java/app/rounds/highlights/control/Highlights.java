package app.rounds.highlights.control;

import app.rounds.audit.control.AuditLog;
import app.rounds.contributions.control.PollViews;
import app.rounds.contributions.control.Polls;
import app.rounds.contributions.control.QuotableContributions;
import app.rounds.contributions.control.QuotableContributions.Quotable;
import app.rounds.highlights.control.HighlightScreening.HighlightFinding;
import app.rounds.highlights.control.HighlightScreening.Justification;
import app.rounds.highlights.entity.Highlight;
import app.rounds.highlights.entity.HighlightPart;
import app.rounds.highlights.entity.HighlightReview;
import app.rounds.highlights.entity.HighlightStatus;
import app.rounds.highlights.entity.PartKind;
import app.rounds.highlights.entity.Publication;
import app.rounds.highlights.entity.PublicationPart;
import app.rounds.highlights.entity.QuoteMode;
import app.rounds.highlights.entity.QuotePermission;
import app.rounds.media.control.MediaLibrary;
import app.rounds.media.control.MediaLibrary.MediaView;
import app.rounds.platform.control.ProblemException;
import app.rounds.security.control.StaffMember;
import app.rounds.sessions.control.SessionPart;
import app.rounds.sessions.control.SessionStaff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Curating highlights, for communicators who own the session (or admins): a draft from the session's material,
 * edited, screened and submitted to review. Editing a highlight in review, approved or published returns it to
 * review; the public keeps seeing what was approved until a new version is.
 */
@ApplicationScoped
@Transactional
public class Highlights {

    private static final int SUGGESTIONS = 10;

    /** One quote or picture as the author chooses it. */
    public record PartChoice(PartKind kind, String refId, QuoteMode quoteMode, String paraphrase,
                             QuotePermission permission, String permissionEvidence) {

        static PartChoice of(HighlightPart p) {
            return new PartChoice(p.kind(), p.refId(), p.quoteMode(), p.paraphrase(), p.permission(),
                    p.permissionEvidence());
        }
    }

    /** Everything the author controls, replaced whole by an edit. */
    public record Draft(String title, String summary, String bodyHtml, String authorNotes,
                        boolean publishOnApproval, List<PartChoice> parts) {
    }

    public record ReviewView(String reviewerName, String decision, String comment, String renditionHash,
                             Instant submittedAt, Instant decidedAt, long waitedSeconds) {

        static ReviewView of(HighlightReview r) {
            return new ReviewView(r.reviewerName(), r.decision().name(), r.comment(), r.renditionHash(),
                    r.submittedAt(), r.decidedAt(), r.waited().toSeconds());
        }
    }

    /**
     * A highlight for its author: the working copy, its rendition with blockers, the screening as submitted, and
     * whether (and where) a version of it is live.
     */
    public record HighlightView(String id, String sessionId, String title, String summary, String bodyHtml,
                                String authorNotes, String authorName, HighlightStatus status,
                                boolean publishOnApproval, List<PartChoice> parts, Rendition rendition,
                                List<HighlightFinding> submittedScreening, Instant submittedAt, boolean live,
                                String publicPath, List<ReviewView> reviews, Instant updatedAt) {
    }

    public record Listed(String id, String title, HighlightStatus status, String authorName, boolean live,
                         String publicPath, Instant updatedAt) {
    }

    /** Material Rounds suggests for a session's highlights. */
    public record Suggestions(List<Quotable> questions, List<Quotable> comments, List<MediaView> media,
                              List<PollViews.PollView> polls) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    SessionStaff staff;

    @Inject
    Renditions renditions;

    @Inject
    HighlightScreening screening;

    @Inject
    QuotableContributions contributions;

    @Inject
    Polls polls;

    @Inject
    MediaLibrary media;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /**
     * Of these contributions, those still quoted: by a highlight, whatever its status (a draft may yet be submitted),
     * or by a live publication (the approved copy may quote what the working copy no longer does).
     */
    public Set<String> quoting(Collection<String> contributionIds) {
        if (contributionIds.isEmpty()) {
            return Set.of();
        }
        Set<String> quoted = new HashSet<>(em.createNamedQuery(Highlight.FIND_QUOTED, String.class)
                .setParameter("refs", contributionIds).getResultList());
        quoted.addAll(em.createNamedQuery(PublicationPart.FIND_QUOTED_LIVE, String.class)
                .setParameter("refs", contributionIds).getResultList());
        return quoted;
    }

    public static String publicPath(String highlightId) {
        return "/highlights/" + highlightId;
    }

    public HighlightView create(String sessionId, String title, StaffMember author) {
        staff.require(author, sessionId, SessionPart.HIGHLIGHTS);
        Highlight highlight = new Highlight(sessionId, title.strip(), author.id(), author.displayName(),
                clock.instant());
        em.persist(highlight);
        audit.record(author.username(), "highlight.created", subject(highlight), Map.of("title", highlight.title()));
        return view(highlight);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Listed> of(String sessionId, StaffMember viewer) {
        staff.require(viewer, sessionId, SessionPart.HIGHLIGHTS);
        return em.createNamedQuery(Highlight.FIND_BY_SESSION, Highlight.class).setParameter("session", sessionId)
                .getResultStream().map(h -> new Listed(h.id(), h.title(), h.status(), h.authorName(), live(h.id()),
                        publicPath(h.id()), h.updatedAt())).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public HighlightView one(String highlightId, StaffMember viewer) {
        return view(curated(highlightId, viewer));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Suggestions suggestions(String sessionId, StaffMember viewer) {
        staff.require(viewer, sessionId, SessionPart.HIGHLIGHTS);
        return new Suggestions(contributions.mostVotedQuestions(sessionId, SUGGESTIONS),
                contributions.bestRatedComments(sessionId, SUGGESTIONS),
                media.of(sessionId).stream().filter(MediaView::publishable).toList(), polls.publishable(sessionId));
    }

    /**
     * Replaces the draft. On a highlight under review, approved or published, the change returns it to review when
     * nothing blocks it and the reasons given for its findings still cover them, else to the author as a draft.
     */
    public HighlightView edit(String highlightId, Draft draft, StaffMember editor) {
        Highlight highlight = curated(highlightId, editor);
        List<HighlightPart> parts = new ArrayList<>();
        for (int i = 0; i < draft.parts().size(); i++) {
            parts.add(checkedPart(highlight.sessionId(), i, draft.parts().get(i)));
        }
        String before = renditions.of(highlight).hash();
        highlight.edit(draft.title().strip(), blankToNull(draft.summary()), BodyHtml.sanitised(draft.bodyHtml()),
                blankToNull(draft.authorNotes()), draft.publishOnApproval(), parts, editor.id(), clock.instant());
        Rendition after = renditions.of(highlight);
        if (highlight.status().underReview() && !after.hash().equals(before)) {
            List<HighlightFinding> findings = screening.screen(after,
                    HighlightScreening.justificationsIn(highlight.screening()));
            if (after.blockers().isEmpty() && findings.stream().allMatch(HighlightFinding::overridden)) {
                highlight.submit(after.hash(), HighlightScreening.stored(findings), editor.id(), clock.instant());
                audit.record(editor.username(), "highlight.returned-to-review", subject(highlight),
                        Map.of("renditionHash", after.hash()));
            } else {
                highlight.backToDraft(clock.instant());
                audit.record(editor.username(), "highlight.returned-to-draft", subject(highlight),
                        Map.of("renditionHash", after.hash(), "reason", "the edit needs screening or has blockers"));
            }
        }
        return view(highlight, after);
    }

    /** What screening finds in the draft now, with the reasons given at the last submission. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HighlightFinding> screen(String highlightId, StaffMember viewer) {
        Highlight highlight = curated(highlightId, viewer);
        return screening.screen(renditions.of(highlight), HighlightScreening.justificationsIn(highlight.screening()));
    }

    /**
     * Sends the highlight to review: refused while anything blocks it, or while a screening finding has no written
     * reason to go ahead.
     */
    public HighlightView submit(String highlightId, List<Justification> justifications, StaffMember author) {
        Highlight highlight = curated(highlightId, author);
        if (!highlight.status().submittable()) {
            throw ProblemException.conflict("highlight-not-submittable", "A highlight that is "
                    + highlight.status().name().toLowerCase().replace('_', ' ') + " cannot be submitted.");
        }
        Rendition rendition = renditions.of(highlight);
        if (!rendition.blockers().isEmpty()) {
            throw new ProblemException(ProblemException.Kind.UNPROCESSABLE, "highlight-blocked",
                    "The highlight cannot be published as it is", String.join("; ", rendition.blockers()),
                    rendition.blockers().stream().map(b -> new ProblemException.FieldError("parts", b)).toList(), null);
        }
        List<HighlightFinding> findings = screening.screen(rendition, justifications);
        List<HighlightFinding> open = findings.stream().filter(f -> !f.overridden()).toList();
        if (!open.isEmpty()) {
            throw new ProblemException(ProblemException.Kind.UNPROCESSABLE, "screening-findings",
                    "Screening found something to fix, or to justify",
                    open.size() + " finding(s) need a change or a written reason to go ahead",
                    open.stream().map(f -> new ProblemException.FieldError(f.field(),
                            f.label() + ": \u201c" + f.excerpt() + "\u201d")).toList(), null);
        }
        highlight.submit(rendition.hash(), HighlightScreening.stored(findings), author.id(), clock.instant());
        audit.record(author.username(), "highlight.submitted", subject(highlight),
                Map.of("renditionHash", rendition.hash(), "findingsJustified", findings.size()));
        return view(highlight, rendition);
    }

    HighlightView view(Highlight h) {
        return view(h, renditions.of(h));
    }

    /** The view with a rendition the caller already built (a rendering costs a lookup per part). */
    HighlightView view(Highlight h, Rendition rendition) {
        return new HighlightView(h.id(), h.sessionId(), h.title(), h.summary(), h.bodyHtml(), h.authorNotes(),
                h.authorName(), h.status(), h.publishOnApproval(), h.parts().stream().map(PartChoice::of).toList(),
                rendition, HighlightScreening.read(h.screening()), h.submittedAt(), live(h.id()),
                publicPath(h.id()), reviews(h.id()), h.updatedAt());
    }

    List<ReviewView> reviews(String highlightId) {
        return em.createNamedQuery(HighlightReview.FIND_BY_HIGHLIGHT, HighlightReview.class)
                .setParameter("highlight", highlightId).getResultStream().map(ReviewView::of).toList();
    }

    /** The highlight, for a staff member who may curate its session. */
    Highlight curated(String highlightId, StaffMember member) {
        Highlight highlight = existing(highlightId);
        staff.require(member, highlight.sessionId(), SessionPart.HIGHLIGHTS);
        return highlight;
    }

    Highlight existing(String highlightId) {
        Highlight highlight = highlightId == null ? null : em.find(Highlight.class, highlightId);
        if (highlight == null) {
            throw ProblemException.notFound("highlight-not-found", "There is no highlight '" + highlightId + "'.");
        }
        return highlight;
    }

    private boolean live(String highlightId) {
        Publication publication = em.find(Publication.class, highlightId);
        return publication != null && publication.live();
    }

    private HighlightPart checkedPart(String sessionId, int index, PartChoice choice) {
        String field = "parts[" + index + "]";
        if (choice == null || choice.kind() == null || choice.refId() == null) {
            throw ProblemException.invalidField(field, "Each part needs a kind and what it refers to.");
        }
        boolean exists = switch (choice.kind()) {
            case QUESTION -> contributions.question(sessionId, choice.refId()).isPresent();
            case FEEDBACK -> contributions.feedback(sessionId, choice.refId()).isPresent();
            case MEDIA -> media.find(sessionId, choice.refId()).isPresent();
            case POLL -> polls.forHighlight(sessionId, choice.refId()).isPresent();
        };
        if (!exists) {
            throw ProblemException.invalidField(field + ".refId", "This session has no such "
                    + choice.kind().name().toLowerCase() + " (it may have been deleted): remove the part.");
        }
        if (choice.paraphrase() != null && choice.paraphrase().length() > HighlightPart.MAX_PARAPHRASE) {
            throw ProblemException.invalidField(field + ".paraphrase", "A paraphrase can be at most "
                    + HighlightPart.MAX_PARAPHRASE + " characters.");
        }
        if (choice.permissionEvidence() != null && choice.permissionEvidence().length() > HighlightPart.MAX_EVIDENCE) {
            throw ProblemException.invalidField(field + ".permissionEvidence", "The permission on record can be at "
                    + "most " + HighlightPart.MAX_EVIDENCE + " characters.");
        }
        return new HighlightPart(choice.kind(), choice.refId(), choice.quoteMode(), choice.paraphrase(),
                choice.permission(), choice.permissionEvidence());
    }

    static AuditLog.Subject subject(Highlight highlight) {
        return new AuditLog.Subject("highlight", highlight.id(), highlight.sessionId());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
