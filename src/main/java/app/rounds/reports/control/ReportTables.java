package app.rounds.reports.control;

import app.rounds.reports.entity.SessionReport;
import app.rounds.reports.entity.SessionReport.Bucket;
import app.rounds.reports.entity.SessionReport.Participation;
import app.rounds.reports.entity.SessionsOverview;
import app.rounds.reports.entity.SessionsOverview.HighlightReach;
import app.rounds.reports.entity.SessionsOverview.SessionRow;
import app.rounds.reports.entity.SessionsOverview.Trend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reports as tables, the same for every export (CSV, XLSX). A session's: its figures, its timeline, the feedback's
 * ratings, the polls' results and the posts by source. An overview's: its sessions, the same by month, facility and
 * presenter, review turnaround, and the reach of highlights. Cells are text, numbers or instants; a figure that is not
 * there is null.
 */
public final class ReportTables {

    public record Table(String name, String title, List<String> columns, List<List<Object>> rows) {
    }

    /** The tables' names of a session's report, in the order {@link #of(SessionReport)} gives them. */
    public static final List<String> NAMES = List.of("figures", "timeline", "ratings", "polls", "sources");
    /** The tables' names of an overview, in the order {@link #of(SessionsOverview)} gives them. */
    public static final List<String> OVERVIEW_NAMES = List.of("sessions", "months", "facilities", "presenters",
            "reviews", "reach");

    private ReportTables() {
    }

    public static List<Table> of(SessionReport report) {
        return List.of(figures(report), timeline(report), ratings(report), polls(report), sources(report));
    }

    public static List<Table> of(SessionsOverview overview) {
        return List.of(sessions(overview), trends("months", "By month", "Month", overview.byMonth()),
                trends("facilities", "By facility", "Facility", overview.byFacility()),
                trends("presenters", "By presenter", "Presenter", overview.byPresenter()), reviews(overview),
                reach(overview));
    }

    /** The table called {@code name}, if there is one. */
    public static Optional<Table> named(List<Table> tables, String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
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

    static Table sessions(SessionsOverview overview) {
        List<List<Object>> rows = overview.sessions().stream().map((SessionRow r) -> row(r.title(), r.facility(),
                r.presenter(), r.presenterUsername(), r.status(), r.at(), r.joined(), r.active(), r.engagementRatePercent(), r.questions(),
                r.votes(), r.pollAnswers(), r.feedback(), r.feedbackAverage(), r.peakViewers())).toList();
        return new Table("sessions", "Sessions", List.of("Session", "Facility", "Presenter", "User name", "Status",
                "When (UTC)",
                "Joined", "Took part", "Engagement rate (%)", "Questions", "Votes", "Poll answers", "Feedback",
                "Feedback average", "Peak board viewers"), rows);
    }

    static Table trends(String name, String title, String key, List<Trend> trends) {
        List<List<Object>> rows = trends.stream().map(t -> row(t.key(), t.sessions(), t.joined(), t.active(),
                t.engagementRatePercent(), t.questions(), t.votes(), t.pollAnswers(), t.feedback(),
                t.feedbackAverage())).toList();
        return new Table(name, title, List.of(key, "Sessions", "Joined", "Took part", "Engagement rate (%)",
                "Questions", "Votes", "Poll answers", "Feedback", "Feedback average"), rows);
    }

    static Table reviews(SessionsOverview overview) {
        List<List<Object>> rows = overview.reviewTurnaround().stream().map(m -> row(m.month(), m.decisions(),
                m.approved(), m.rejected(), m.medianSeconds(), m.p90Seconds())).toList();
        return new Table("reviews", "Review turnaround", List.of("Month", "Decisions", "Approved", "Rejected",
                "Submission to decision, median (s)", "Submission to decision, 90th percentile (s)"), rows);
    }

    static Table reach(SessionsOverview overview) {
        List<List<Object>> rows = new ArrayList<>();
        for (HighlightReach h : overview.reach()) {
            rows.add(row(h.title(), h.sessionTitle(), h.state(), h.publishedAt(), null, h.pages(), h.feeds(),
                    h.embeds()));
            h.days().forEach(d -> rows.add(row(h.title(), h.sessionTitle(), h.state(), h.publishedAt(),
                    d.day().toString(), d.pages(), d.feeds(), d.embeds())));
        }
        return new Table("reach", "Reach of highlights", List.of("Highlight", "Session", "State", "Published (UTC)",
                "Day (blank: all " + overview.filter().days() + " days)", "Page views", "Feed fetches", "Embed loads"),
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
