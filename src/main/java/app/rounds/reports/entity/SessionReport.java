package app.rounds.reports.entity;

import java.time.Instant;
import java.util.List;

/**
 * What a session achieved, as of {@code generatedAt}: {@code live} while the session has not ended (the figures still
 * change), final after. No question or comment: counts, and a word cloud's most entered words. Percentages have one decimal; a figure that has nothing to
 * be computed from (an average of no ratings) is null.
 */
public record SessionReport(About session, Instant generatedAt, boolean live, Participation participation,
                            Questions questions, Votes votes, Feedback feedback, List<Poll> polls,
                            List<Source> sources, Timeline timeline) {

    public record About(String id, String title, String facility, String status, Instant startedAt,
                        Instant endedAt) {
    }

    /**
     * Who took part: {@code joined} participants, of whom {@code active} did at least one thing (asked, voted,
     * answered a poll, gave feedback on the web page); {@code engagementRatePercent} is active of joined. Peak board
     * viewers: the most board connections in one minute, all instances together.
     */
    public record Participation(int joined, int active, Double engagementRatePercent, int asked, int voted,
                                int answeredPolls, int gaveFeedback, int peakViewers, Instant peakViewersAt) {
    }

    /**
     * Questions by where they stand now, from the page and from networks; {@code moderated}: those a moderator
     * decided on from the queue, with the time from asking to that first decision.
     */
    public record Questions(int asked, int fromWeb, int fromNetworks, int pending, int approved, int answered,
                            int rejected, int hidden, int withdrawn, int moderated, Long moderationMedianSeconds,
                            Long moderationP90Seconds) {
    }

    public record Votes(int votes, int voters, int questionsVotedOn) {
    }

    /** Ratings 1 to 5: {@code distribution[i]} gave i + 1. */
    public record Feedback(int count, Double average, int[] distribution) {
    }

    /**
     * A poll: how many answered, as a share of those who joined; its options' counts (a quiz's correct ones marked),
     * a rating's mean and spread, a word cloud's most entered words.
     */
    public record Poll(String id, String title, String kind, String state, int answered,
                       Double participationPercent, List<PollOption> options, Double ratingMean,
                       int[] ratingDistribution, List<PollWord> words) {
    }

    public record PollOption(String text, int count, double percent, Boolean correct) {
    }

    public record PollWord(String word, int count) {
    }

    /** Posts taken from one hashtag source (or relayed to the session without one), and what they became. */
    public record Source(String label, String kind, int posts, int questions, int feedback) {
    }

    /** Activity over time in buckets of {@code bucketSeconds}, from the first bucket with anything in it. */
    public record Timeline(long bucketSeconds, List<Bucket> buckets) {
    }

    /** One bucket: what happened in it, the feedback's average rating, and the most board viewers in a minute. */
    public record Bucket(Instant start, int joined, int questions, int votes, int pollAnswers, int feedback,
                         Double feedbackAverage, int viewers) {
    }
}
