package app.rounds.reports.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Sessions compared, as of {@code generatedAt}: each session of the chosen months (by when it started, else was
 * scheduled, else created), facility and presenter with its figures; the same added up by month, facility and
 * presenter; how long compliance review took, by month of the decision; and how often each published highlight was
 * read over the last {@code days}. Percentages have one decimal; what has nothing to be computed from is null.
 */
public record SessionsOverview(Instant generatedAt, Filter filter, List<SessionRow> sessions, List<Trend> byMonth,
                               List<Trend> byFacility, List<Trend> byPresenter, List<ReviewMonth> reviewTurnaround,
                               List<HighlightReach> reach) {

    /** Months as YYYY-MM, both included; facility and presenter (a user name) exactly; null: any. */
    public record Filter(String from, String to, String facility, String presenter, int days) {
    }

    /** A session: {@code presenter} is its owner's name, {@code presenterUsername} what the filter takes. */
    public record SessionRow(String id, String title, String facility, String presenter, String presenterUsername,
                             String status,
                             Instant at, int joined, int active, Double engagementRatePercent, int questions,
                             int votes, int pollAnswers, int feedback, Double feedbackAverage, int peakViewers) {
    }

    /**
     * Sessions added up under one key (a month YYYY-MM, a facility, a presenter as "name (user name)"); the rate and
     * the average are of the sums.
     */
    public record Trend(String key, int sessions, int joined, int active, Double engagementRatePercent, int questions,
                        int votes, int pollAnswers, int feedback, Double feedbackAverage) {
    }

    /** Compliance decisions of a month: from submission to decision, median and 90th percentile. */
    public record ReviewMonth(String month, int decisions, int approved, int rejected, Long medianSeconds,
                              Long p90Seconds) {
    }

    /**
     * A published highlight of a session of the filter's facility and presenter (published in any month): its reads
     * over the window, in all and per day that had any.
     */
    public record HighlightReach(String highlightId, String title, String sessionTitle, String state,
                                 Instant publishedAt, long pages, long feeds, long embeds, List<ReachDay> days) {
    }

    public record ReachDay(LocalDate day, long pages, long feeds, long embeds) {
    }
}
