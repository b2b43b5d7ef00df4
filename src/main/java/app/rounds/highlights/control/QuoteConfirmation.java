package app.rounds.highlights.control;

import app.rounds.highlights.entity.Highlight;
import app.rounds.highlights.entity.HighlightPart;
import app.rounds.highlights.entity.HighlightStatus;
import app.rounds.highlights.entity.PartKind;
import app.rounds.ingest.control.Ingestion.Rechecked;
import app.rounds.ingest.control.Rechecks;
import app.rounds.ingest.control.WatchEnding;
import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.ProblemException.FieldError;
import app.rounds.security.control.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Before a highlight quoting posts from Mastodon or Bluesky is submitted, approved or published, their sources are
 * asked whether each post still stands as it was (a polled source never says). Outside any transaction: the calls
 * take up to the request timeout each, and what they find (a deletion, an edit) is stored in transactions of its own,
 * so it stays stored whatever the highlight's step does next.
 *
 * <p>A post deleted or edited at its source refuses the step (409 {@code quote-changed-at-source}): it has been
 * withdrawn or sent back to moderation, live publications quoting it are down, and the highlight must change. A source
 * that cannot be asked (unreachable, failing, rate limited, stopped or removed) refuses it too (503
 * {@code quote-unconfirmed}, with {@code Retry-After}): nothing unconfirmed goes in front of a reviewer or the public.
 * Posts from feeds and relays cannot be asked and pass; their deletions and edits come by themselves.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class QuoteConfirmation {

    /** How soon to try again when the source gave no time. */
    static final Duration RETRY = Duration.ofSeconds(30);

    @Inject
    Highlights highlights;

    @Inject
    Rechecks rechecks;

    @Inject
    Clock clock;

    /** Before {@code author} submits the highlight (nothing to confirm when it cannot be submitted anyway). */
    public void beforeSubmission(String highlightId, StaffMember author) {
        Highlight highlight = highlights.curated(highlightId, author);
        if (highlight.status().submittable()) {
            confirm(highlight, "submitted");
        }
    }

    /** Before {@code reviewer} approves it (nothing to confirm when they may not). */
    public void beforeApproval(String highlightId, StaffMember reviewer) {
        Highlight highlight = highlights.existing(highlightId);
        if (highlight.status() == HighlightStatus.IN_REVIEW && !highlight.contributedTo(reviewer.id())) {
            confirm(highlight, "approved");
        }
    }

    /** Before {@code publisher} publishes it (nothing to confirm when it is not approved). */
    public void beforePublication(String highlightId, StaffMember publisher) {
        Highlight highlight = highlights.curated(highlightId, publisher);
        if (highlight.status() == HighlightStatus.APPROVED) {
            confirm(highlight, "published");
        }
    }

    /**
     * Ingestion is about to stop asking the sources about posts of a session that ended long ago: those a highlight
     * still quotes (or a live publication shows) stay watched, so a deletion at the source still takes it down.
     */
    void keepWatchingQuoted(@Observes WatchEnding ending) {
        ending.quoted(highlights.quoting(ending.contributionIds()));
    }

    private void confirm(Highlight highlight, String step) {
        List<HighlightPart> parts = highlight.parts();
        List<String> quoted = parts.stream().filter(p -> p.kind().quotes()).map(HighlightPart::refId)
                .distinct().toList();
        Rechecked changed;
        try {
            changed = rechecks.confirm(quoted);
        } catch (Rechecks.Unconfirmed e) {
            Duration retry = e.retryAt() == null ? RETRY : Duration.between(clock.instant(), e.retryAt());
            throw new ProblemException(ProblemException.Kind.UNAVAILABLE, "quote-unconfirmed",
                    "A quoted post could not be confirmed at its source",
                    "The highlight was not " + step + ": Rounds could not confirm that a post it quotes still stands "
                            + "as it was (" + e.getMessage() + "). Try again later.",
                    errors(parts, e.contributionIds(), "could not be confirmed at its source"),
                    retry.isNegative() ? RETRY : retry);
        }
        if (changed.changed()) {
            List<FieldError> errors = new ArrayList<>(errors(parts, changed.withdrawn(),
                    "was deleted at its source: it has been withdrawn"));
            errors.addAll(errors(parts, changed.revised(),
                    "was edited at its source: it is back in moderation, screened again"));
            throw new ProblemException(ProblemException.Kind.CONFLICT, "quote-changed-at-source",
                    "A quoted post changed at its source",
                    "The highlight was not " + step + ": a post it quotes was deleted or edited at its source.",
                    errors, null);
        }
    }

    private static List<FieldError> errors(List<HighlightPart> parts, Collection<String> contributionIds,
                                           String message) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).kind().quotes() && contributionIds.contains(parts.get(i).refId())) {
                errors.add(new FieldError("parts[" + i + "]", "The quoted post " + message + "."));
            }
        }
        return errors;
    }
}
