package app.rounds.reports.control;

import app.rounds.reports.entity.SessionReport;
import app.rounds.reports.entity.SessionReport.Bucket;
import app.rounds.reports.entity.SessionReport.Participation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A report as tables, the same for every export (CSV, XLSX): its figures, its timeline, the feedback's ratings, the
 * polls' results and the posts by source. Cells are text, numbers or instants; a figure that is not there is null.
 */
public final class ReportTables {

    public record Table(String name, String title, List<String> columns, List<List<Object>> rows) {
    }

    /** The tables' names, in the order {@link #of} gives them. */
    public static final List<String> NAMES = List.of("figures", "timeline", "ratings", "polls", "sources");

    private ReportTables() {
    }

    public static List<Table> of(SessionReport report) {
        return List.of(figures(report), timeline(report), ratings(report), polls(report), sources(report));
    }

    /** The table called {@code name}, if a report has one. */
    public static Optional<Table> named(SessionReport report, String name) {
        return of(report).stream().filter(t -> t.name().equals(name)).findFirst();
    }

    static Table figures(SessionReport report) {
        Participation p = report.participation();
        var q = report.questions();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("Participants joined", p.joined()));
        rows.add(row("Active participants (asked, voted, answered a poll or gave feedback)", p.active()));
        rows.add(row("Engagement rate (%)", p.engagementRatePercent()));
        rows.add(row("Participants who asked", p.asked()));
        rows.add(row("Participants who voted", p.voted()));
        rows.add(row("Participants who answered a poll", p.answeredPolls()));
        rows.add(row("Participants who gave feedback", p.gaveFeedback()));
        rows.add(row("Peak board viewers", p.peakViewers()));
        rows.add(row("Questions asked", q.asked()));
        rows.add(row("Questions from the web page", q.fromWeb()));
        rows.add(row("Questions from social networks", q.fromNetworks()));
        rows.add(row("Questions waiting for moderation", q.pending()));
        rows.add(row("Questions approved", q.approved()));
        rows.add(row("Questions answered", q.answered()));
        rows.add(row("Questions rejected", q.rejected()));
        rows.add(row("Questions hidden", q.hidden()));
        rows.add(row("Questions withdrawn", q.withdrawn()));
        rows.add(row("Questions moderated from the queue", q.moderated()));
        rows.add(row("Time to moderation, median (s)", q.moderationMedianSeconds()));
        rows.add(row("Time to moderation, 90th percentile (s)", q.moderationP90Seconds()));
        rows.add(row("Votes", report.votes().votes()));
        rows.add(row("Feedback given", report.feedback().count()));
        rows.add(row("Feedback average rating (1-5)", report.feedback().average()));
        rows.add(row("Polls", report.polls().size()));
        rows.add(row("Posts taken from social networks", report.sources().stream().mapToInt(s -> s.posts()).sum()));
        return new Table("figures", "Figures", List.of("Figure", "Value"), rows);
    }

    static Table timeline(SessionReport report) {
        List<List<Object>> rows = report.timeline().buckets().stream().map((Bucket b) -> row(b.start(), b.joined(),
                b.questions(), b.votes(), b.pollAnswers(), b.feedback(), b.feedbackAverage(), b.viewers())).toList();
        return new Table("timeline", "Activity over time", List.of("Start (UTC), every "
                + report.timeline().bucketSeconds() / 60 + " min", "Joined", "Questions", "Votes", "Poll answers", "Feedback",
                "Feedback average", "Board viewers"), rows);
    }

    static Table ratings(SessionReport report) {
        int[] distribution = report.feedback().distribution();
        List<List<Object>> rows = new ArrayList<>();
        for (int rating = 1; rating <= distribution.length; rating++) {
            rows.add(row(rating, distribution[rating - 1]));
        }
        return new Table("ratings", "Feedback ratings", List.of("Rating", "Count"), rows);
    }

    static Table polls(SessionReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (SessionReport.Poll poll : report.polls()) {
            rows.add(row(poll.title(), poll.kind(), poll.state(), poll.answered(), poll.participationPercent(), null,
                    null, null, null));
            poll.options().forEach(o -> rows.add(row(poll.title(), poll.kind(), poll.state(), null, null, o.text(),
                    o.count(), o.percent(), o.correct() == null ? null : o.correct() ? "yes" : "no")));
            if (poll.ratingDistribution() != null) {
                int[] d = poll.ratingDistribution();
                for (int i = 0; i < d.length; i++) {
                    rows.add(row(poll.title(), poll.kind(), poll.state(), null, null, "Rating " + (i + 1), d[i],
                            null, null));
                }
            }
            poll.words().forEach(w -> rows.add(row(poll.title(), poll.kind(), poll.state(), null, null, w.word(),
                    w.count(), null, null)));
        }
        return new Table("polls", "Polls", List.of("Poll", "Kind", "State", "Answered", "Participation (%)",
                "Answer", "Count", "Percent", "Correct"), rows);
    }

    static Table sources(SessionReport report) {
        List<List<Object>> rows = report.sources().stream().map(s -> row(s.label() == null ? "Relayed" : s.label(),
                s.kind(), s.posts(), s.questions(), s.feedback())).toList();
        return new Table("sources", "Posts by source", List.of("Source", "Kind", "Posts", "Questions", "Feedback"),
                rows);
    }

    /** A row of cells; nulls allowed (List.of refuses them). */
    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    /** How a cell reads as text: an instant in ISO 8601 (UTC), a number as Java writes it, nothing as nothing. */
    public static String text(Object cell) {
        return switch (cell) {
            case null -> "";
            case Instant instant -> instant.toString();
            default -> cell.toString();
        };
    }
}
