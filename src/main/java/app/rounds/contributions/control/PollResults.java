package app.rounds.contributions.control;

import app.rounds.contributions.control.PollViews.EntryView;
import app.rounds.contributions.control.PollViews.Leader;
import app.rounds.contributions.control.PollViews.OptionCount;
import app.rounds.contributions.control.PollViews.RatingView;
import app.rounds.contributions.control.PollViews.Results;
import app.rounds.contributions.control.PollViews.WordCount;
import app.rounds.contributions.entity.EntryStatus;
import app.rounds.contributions.entity.Poll;
import app.rounds.contributions.entity.PollAnswer;
import app.rounds.contributions.entity.PollEntry;
import app.rounds.contributions.entity.PollKind;
import app.rounds.contributions.entity.PollState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts a poll's answers into its results, from the rows as read: the same function for the public stream (counts and
 * approved entries only) and for moderators (every entry, with why it is held). No database here.
 */
public final class PollResults {

    /** The most words a cloud shows, and open-text answers the public sees (newest first). */
    static final int MAX_WORDS_SHOWN = 60;
    static final int MAX_ENTRIES_SHOWN = 100;
    static final int LEADERBOARD_SIZE = 10;

    /** A participant's quiz points over the session so far, and when they last answered (earlier ranks first on ties). */
    public record Score(String participantId, String name, int points, Instant lastAnswer) {
    }

    private PollResults() {
    }

    /**
     * The results of {@code poll}. {@code scores}: the session's quiz scores (used for a quiz's leaderboard: on the
     * public stream only once it closed). {@code hiddenWords}: folded words a moderator took out.
     */
    public static Results of(Poll poll, List<PollAnswer> answers, List<PollEntry> entries, Set<String> hiddenWords,
                             List<Score> scores, boolean forStaff) {
        PollKind kind = poll.kind();
        List<OptionCount> options = null;
        RatingView rating = null;
        List<WordCount> words = null;
        List<EntryView> shownEntries = null;
        int answered = answers.size();
        if (kind.chooses()) {
            int[] counts = new int[poll.options().size()];
            answers.forEach(a -> a.choices().stream().filter(c -> c >= 0 && c < counts.length)
                    .forEach(c -> counts[c]++));
            options = new ArrayList<>();
            for (int count : counts) {
                options.add(new OptionCount(count, percent(count, answered)));
            }
        } else if (kind == PollKind.RATING) {
            rating = rating(poll.scaleMax() == null ? 5 : poll.scaleMax(), answers);
        } else if (kind == PollKind.WORD_CLOUD) {
            words = cloud(entries);
        } else {
            shownEntries = entries.stream().filter(e -> e.status() == EntryStatus.APPROVED)
                    .sorted(Comparator.comparing(PollEntry::createdAt).reversed())
                    .limit(MAX_ENTRIES_SHOWN)
                    .map(e -> new EntryView(e.id(), e.text(), e.createdAt())).toList();
        }
        List<Leader> leaderboard = kind == PollKind.QUIZ && (forStaff || poll.state() == PollState.CLOSED)
                ? leaderboard(scores) : null;
        return new Results(poll.id(), kind, answered, options, rating, words, shownEntries, leaderboard,
                forStaff && kind.freeText() ? PollViews.moderated(entries) : null,
                forStaff && kind == PollKind.WORD_CLOUD ? hiddenWords.stream().sorted().toList() : null);
    }

    static double percent(int count, int of) {
        return of == 0 ? 0 : Math.round(count * 1000.0 / of) / 10.0;
    }

    static RatingView rating(int scaleMax, List<PollAnswer> answers) {
        int[] distribution = new int[scaleMax];
        long sum = 0;
        int counted = 0;
        for (PollAnswer answer : answers) {
            Integer r = answer.rating();
            if (r != null && r >= 1 && r <= scaleMax) {
                distribution[r - 1]++;
                sum += r;
                counted++;
            }
        }
        return new RatingView(distribution, counted == 0 ? 0 : Math.round(sum * 100.0 / counted) / 100.0);
    }

    /**
     * The cloud: approved entries counted by their folded word, each shown as most people typed it (the first typed on
     * a tie), most entered first, at most {@link #MAX_WORDS_SHOWN}.
     */
    static List<WordCount> cloud(List<PollEntry> entries) {
        Map<String, Map<String, Integer>> typedByWord = new LinkedHashMap<>();
        for (PollEntry entry : entries) {
            if (entry.status() == EntryStatus.APPROVED && entry.word() != null) {
                typedByWord.computeIfAbsent(entry.word(), w -> new LinkedHashMap<>()).merge(entry.text(), 1,
                        Integer::sum);
            }
        }
        List<WordCount> cloud = new ArrayList<>();
        typedByWord.forEach((word, typed) -> {
            String shown = null;
            int most = 0;
            for (Map.Entry<String, Integer> form : typed.entrySet()) {
                if (form.getValue() > most) { // strictly more: the first typed wins a tie
                    most = form.getValue();
                    shown = form.getKey();
                }
            }
            cloud.add(new WordCount(shown, typed.values().stream().mapToInt(Integer::intValue).sum()));
        });
        cloud.sort(Comparator.comparingInt(WordCount::count).reversed().thenComparing(WordCount::word));
        return cloud.size() > MAX_WORDS_SHOWN ? List.copyOf(cloud.subList(0, MAX_WORDS_SHOWN)) : cloud;
    }

    /**
     * The top of the session's quiz scores: most points first, an earlier last answer before a later one on a tie;
     * equal points share a rank. Participants without points are left out.
     */
    /** The scores on the leaderboard, best first: only these need a name. */
    public static List<Score> top(List<Score> scores) {
        return scores.stream().filter(s -> s.points() > 0)
                .sorted(Comparator.comparingInt(Score::points).reversed().thenComparing(Score::lastAnswer))
                .limit(LEADERBOARD_SIZE).toList();
    }

    static List<Leader> leaderboard(List<Score> scores) {
        List<Score> sorted = top(scores);
        List<Leader> leaders = new ArrayList<>();
        Map<Integer, Integer> rankOfPoints = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            Score score = sorted.get(i);
            int rank = rankOfPoints.computeIfAbsent(score.points(), p -> leaders.size() + 1);
            leaders.add(new Leader(rank, score.name(), score.points()));
        }
        return leaders;
    }
}
