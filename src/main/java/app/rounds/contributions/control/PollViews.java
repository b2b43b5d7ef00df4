package app.rounds.contributions.control;

import app.rounds.contributions.entity.EntryStatus;
import app.rounds.contributions.entity.Poll;
import app.rounds.contributions.entity.PollEntry;
import app.rounds.contributions.entity.PollKind;
import app.rounds.contributions.entity.PollState;

import java.time.Instant;
import java.util.List;

/**
 * How polls and their results are shown. Null fields are left out of the JSON: the public stream never carries a
 * quiz's correct options before it closes, the poll's place in the presenter's list, or anything about who answered.
 */
public final class PollViews {

    public record OptionView(String text, Boolean correct) {
    }

    public record PollView(String id, PollKind kind, String title, List<OptionView> options, Integer maxChoices,
                           Integer scaleMax, String lowLabel, String highLabel, String language,
                           Integer timeLimitSeconds, PollState state, boolean resultsShown, Instant openedAt,
                           Instant closesAt, Instant closedAt, Integer position) {
    }

    /** An option's share: participants who chose it, and their percentage of all who answered (one decimal). */
    public record OptionCount(int count, double percent) {
    }

    /** A rating's spread: {@code distribution[i]} gave i + 1; the mean to two decimals (0 with no answers). */
    public record RatingView(int[] distribution, double mean) {
    }

    /** A word of the cloud as most people typed it, and how many entered it. */
    public record WordCount(String word, int count) {
    }

    /** An approved open-text answer, without its author. */
    public record EntryView(String id, String text, Instant at) {
    }

    /** A free-text entry for moderators: why it is held, and its folded word in a word cloud. */
    public record ModeratedEntry(String id, String text, String word, EntryStatus status, Instant at,
                                 List<Findings.Shown> screening, List<Findings.Shown> screeningNotes) {
    }

    /** A place on a quiz's leaderboard: the participant's own name if they gave a clean one, else a pseudonym. */
    public record Leader(int rank, String name, int points) {
    }

    /**
     * The results of a poll. Public: counts only (options, rating, words, approved entries), a quiz's leaderboard
     * once it closed. Moderators also get every entry with its status and findings, and the words they hid.
     */
    public record Results(String pollId, PollKind kind, int answered, List<OptionCount> options, RatingView rating,
                          List<WordCount> words, List<EntryView> entries, List<Leader> leaderboard,
                          List<ModeratedEntry> moderation, List<String> hiddenWords) {
    }

    /** A poll with its current results (null when the stream may not show them). */
    public record PollWithResults(PollView poll, Results results) {
    }

    /** A poll that left the board (deleted). */
    public record Removed(String id) {
    }

    /** What a trainee answered; a quiz's points only once it closed. */
    public record OwnAnswer(String pollId, List<Integer> choices, Integer rating, List<OwnEntry> words, OwnEntry text,
                            Integer points, Instant answeredAt) {
    }

    /** One of the trainee's own entries; {@code shown}: approved and counted (held ones wait, without saying why). */
    public record OwnEntry(String text, boolean shown) {
    }

    private PollViews() {
    }

    /** For staff: everything, the correct options and the poll's place included. */
    public static PollView moderated(Poll poll) {
        return view(poll, true);
    }

    /** For the public stream and trainees: a quiz's answer only once it closed. */
    public static PollView publicView(Poll poll) {
        return view(poll, false);
    }

    private static PollView view(Poll poll, boolean staff) {
        boolean revealCorrect = poll.kind() == PollKind.QUIZ && (staff || poll.state() == PollState.CLOSED);
        List<OptionView> options = poll.options().stream()
                .map(o -> new OptionView(o.text(), revealCorrect ? o.correct() : null)).toList();
        var spec = poll.spec();
        return new PollView(poll.id(), poll.kind(), poll.title(), options.isEmpty() ? null : options,
                poll.maxChoices(), poll.scaleMax(), spec.lowLabel(), spec.highLabel(),
                poll.kind() == PollKind.WORD_CLOUD ? poll.language() : null, poll.timeLimitSeconds(), poll.state(),
                poll.resultsShown(), poll.openedAt(), poll.closesAt(), poll.closedAt(),
                staff ? poll.position() : null);
    }

    static List<ModeratedEntry> moderated(List<PollEntry> entries) {
        return entries.stream().map(e -> new ModeratedEntry(e.id(), e.text(), e.word(), e.status(), e.createdAt(),
                Findings.read(e.screening().findings()), Findings.read(e.screening().notes()))).toList();
    }
}
