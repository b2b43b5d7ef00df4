package app.rounds.reports.control;

import app.rounds.platform.control.Percentiles;
import app.rounds.reports.entity.SessionsOverview;
import app.rounds.reports.entity.SessionsOverview.Filter;
import app.rounds.reports.entity.SessionsOverview.HighlightReach;
import app.rounds.reports.entity.SessionsOverview.ReachDay;
import app.rounds.reports.entity.SessionsOverview.ReviewMonth;
import app.rounds.reports.entity.SessionsOverview.SessionRow;
import app.rounds.reports.entity.SessionsOverview.Trend;
import app.rounds.security.control.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Compares sessions ({@link SessionsOverview}) with one grouped query per figure over the chosen sessions, not a report
 * per session: 500 sessions cost a handful of queries.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SessionsOverviews {

    /** The most sessions one overview lists (the newest); their sums cover those only. */
    static final int MAX_SESSIONS = 2000;
    /** Session ids per IN list. */
    private static final int CHUNK = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The overview as {@code viewer} may see it: an admin every session, anyone else theirs and their teams'. */
    public SessionsOverview of(Filter filter, StaffMember viewer) {
        Condition condition = Condition.of(filter, viewer);
        Map<String, Long> ratingSums = new HashMap<>();
        List<SessionRow> sessions = sessions(filter, condition, ratingSums);
        return new SessionsOverview(clock.instant(), filter, sessions,
                trends(sessions, ratingSums, row -> YearMonth.from(row.at().atZone(ZoneOffset.UTC)).toString()),
                trends(sessions, ratingSums, row -> row.facility() == null ? "" : row.facility()),
                trends(sessions, ratingSums, row -> row.presenter() + " (" + row.presenterUsername() + ")"),
                reviews(filter, condition), reach(filter, condition));
    }

    /**
     * A condition on a session {@code s} and its owner {@code u}: the filter's facility and presenter, and for anyone
     * but an admin, sessions they own or are on the team of.
     */
    private record Condition(String sql, List<Object> parameters) {

        static Condition of(Filter filter, StaffMember viewer) {
            StringBuilder sql = new StringBuilder();
            List<Object> parameters = new ArrayList<>();
            if (!viewer.admin()) {
                sql.append(" AND (s.owner_id = ? OR EXISTS (SELECT 1 FROM session_team_member t "
                        + "WHERE t.session_id = s.id AND t.staff_id = ?))");
                parameters.add(viewer.id());
                parameters.add(viewer.id());
            }
            if (filter.facility() != null) {
                sql.append(" AND s.facility = ?");
                parameters.add(filter.facility());
            }
            if (filter.presenter() != null) {
                sql.append(" AND u.username = ?");
                parameters.add(filter.presenter());
            }
            return new Condition(sql.toString(), parameters);
        }

        /** The filter's months, from its first day to the first day after, with this condition's parameters. */
        List<Object> after(Filter filter) {
            List<Object> all = new ArrayList<>(List.of(Timestamp.from(start(filter.from())),
                    Timestamp.from(start(YearMonth.parse(filter.to()).plusMonths(1).toString()))));
            all.addAll(parameters);
            return all;
        }
    }

    /** The sessions, each with its figures; {@code ratingSums} gets each one's sum of ratings, for exact averages. */
    private List<SessionRow> sessions(Filter filter, Condition condition, Map<String, Long> ratingSums) {
        String sql = "SELECT s.id, s.title, s.facility, u.display_name, s.status, "
                + "COALESCE(s.started_at, s.scheduled_start, s.created_at) AS at, u.username FROM training_session s "
                + "JOIN staff_user u ON u.id = s.owner_id WHERE COALESCE(s.started_at, s.scheduled_start, "
                + "s.created_at) >= ? AND COALESCE(s.started_at, s.scheduled_start, s.created_at) < ?"
                + condition.sql() + " ORDER BY at DESC, s.id LIMIT " + MAX_SESSIONS;
        List<Object> parameters = condition.after(filter);
        List<Object[]> found = rows(sql, parameters);
        if (found.isEmpty()) {
            return List.of();
        }
        List<String> ids = found.stream().map(r -> (String) r[0]).toList();
        Map<String, long[]> joined = perSession(ids, "SELECT session_id, COUNT(*) FROM participant "
                + "WHERE session_id %s GROUP BY session_id");
        Map<String, long[]> active = perSession(ids, ReportSql.activeBySession("%s"));
        Map<String, long[]> questions = perSession(ids, "SELECT session_id, COUNT(*) FROM question "
                + "WHERE session_id %s GROUP BY session_id");
        Map<String, long[]> votes = perSession(ids, "SELECT q.session_id, COUNT(*) FROM question_vote v "
                + "JOIN question q ON q.id = v.question_id WHERE q.session_id %s GROUP BY q.session_id");
        Map<String, long[]> pollAnswers = perSession(ids, "SELECT p.session_id, COUNT(*) FROM poll_answer a "
                + "JOIN poll p ON p.id = a.poll_id WHERE p.session_id %s GROUP BY p.session_id");
        Map<String, long[]> feedback = perSession(ids, "SELECT session_id, COUNT(*), SUM(rating) FROM feedback "
                + "WHERE session_id %s GROUP BY session_id");
        Map<String, long[]> viewers = perSession(ids, "SELECT session_id, MAX(seen) FROM (SELECT session_id, "
                + "SUM(viewers) AS seen FROM board_viewers WHERE session_id %s GROUP BY session_id, at_minute) m "
                + "GROUP BY session_id");
        List<SessionRow> rows = new ArrayList<>(found.size());
        for (Object[] r : found) {
            String id = (String) r[0];
            int joins = (int) first(joined, id);
            int actives = (int) first(active, id);
            long[] given = feedback.getOrDefault(id, new long[2]);
            ratingSums.put(id, given[1]);
            rows.add(new SessionRow(id, (String) r[1], (String) r[2], (String) r[3], (String) r[6], (String) r[4],
                    ((Timestamp) r[5]).toInstant(), joins, actives, SessionReports.percent(actives, joins),
                    (int) first(questions, id), (int) first(votes, id), (int) first(pollAnswers, id), (int) given[0],
                    average(given[1], given[0]), (int) first(viewers, id)));
        }
        return rows;
    }

    /** Sessions added up by {@code key}, in key order (months oldest first); averages from the sums of ratings. */
    static List<Trend> trends(List<SessionRow> sessions, Map<String, Long> ratingSums,
                              Function<SessionRow, String> key) {
        Map<String, List<SessionRow>> grouped = new TreeMap<>();
        sessions.forEach(row -> grouped.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row));
        List<Trend> trends = new ArrayList<>(grouped.size());
        grouped.forEach((name, rows) -> {
            int joined = rows.stream().mapToInt(SessionRow::joined).sum();
            int active = rows.stream().mapToInt(SessionRow::active).sum();
            int feedback = rows.stream().mapToInt(SessionRow::feedback).sum();
            long ratings = rows.stream().mapToLong(r -> ratingSums.getOrDefault(r.id(), 0L)).sum();
            trends.add(new Trend(name, rows.size(), joined, active, SessionReports.percent(active, joined),
                    rows.stream().mapToInt(SessionRow::questions).sum(), rows.stream().mapToInt(SessionRow::votes).sum(),
                    rows.stream().mapToInt(SessionRow::pollAnswers).sum(), feedback,
                    average(ratings, feedback)));
        });
        return trends;
    }

    /**
     * Compliance decisions by the month they were made in, within the filter's months, on highlights of sessions of
     * its facility and presenter.
     */
    private List<ReviewMonth> reviews(Filter filter, Condition condition) {
        List<Object[]> decided = rows("SELECT r.decided_at, r.decision, TIMESTAMPDIFF(SECOND, r.submitted_at, "
                + "r.decided_at) FROM highlight_review r JOIN highlight h ON h.id = r.highlight_id "
                + "JOIN training_session s ON s.id = h.session_id JOIN staff_user u ON u.id = s.owner_id "
                + "WHERE r.decided_at >= ? AND r.decided_at < ?" + condition.sql(), condition.after(filter));
        Map<String, List<Object[]>> byMonth = new TreeMap<>();
        decided.forEach(r -> byMonth.computeIfAbsent(YearMonth.from(((Timestamp) r[0]).toInstant()
                .atZone(ZoneOffset.UTC)).toString(), k -> new ArrayList<>()).add(r));
        List<ReviewMonth> months = new ArrayList<>();
        byMonth.forEach((month, rows) -> {
            long[] seconds = rows.stream().mapToLong(r -> Math.max(0, ((Number) r[2]).longValue())).sorted().toArray();
            int approved = (int) rows.stream().filter(r -> "APPROVE".equals(r[1])).count();
            months.add(new ReviewMonth(month, rows.size(), approved, rows.size() - approved,
                    Percentiles.nearestRank(seconds, 50), Percentiles.nearestRank(seconds, 90)));
        });
        return months;
    }

    /**
     * The reads of every publication of a session of the filter's facility and presenter over the last
     * {@code days} days (today included), most read first.
     */
    private List<HighlightReach> reach(Filter filter, Condition condition) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Object> parameters = new ArrayList<>(List.of(Date.valueOf(today.minusDays(filter.days() - 1))));
        parameters.addAll(condition.parameters());
        List<Object[]> rows = rows("SELECT p.highlight_id, p.title, s.title, p.state, p.published_at, r.day, r.kind, "
                + "r.read_count FROM highlight_publication p JOIN training_session s ON s.id = p.session_id "
                + "JOIN staff_user u ON u.id = s.owner_id "
                + "LEFT JOIN highlight_reach r ON r.highlight_id = p.highlight_id AND r.day >= ? WHERE TRUE"
                + condition.sql() + " ORDER BY p.published_at DESC, p.highlight_id, r.day", parameters);
        Map<String, Object[]> publications = new LinkedHashMap<>();
        Map<String, Map<LocalDate, long[]>> reads = new HashMap<>();
        for (Object[] r : rows) {
            String id = (String) r[0];
            publications.putIfAbsent(id, r);
            if (r[5] != null) {
                long[] day = reads.computeIfAbsent(id, k -> new TreeMap<>())
                        .computeIfAbsent(((Date) r[5]).toLocalDate(), k -> new long[3]);
                day[switch ((String) r[6]) { case "PAGE" -> 0; case "FEED" -> 1; default -> 2; }]
                        += ((Number) r[7]).longValue();
            }
        }
        List<HighlightReach> reach = new ArrayList<>();
        publications.forEach((id, r) -> {
            Map<LocalDate, long[]> perDay = reads.getOrDefault(id, Map.of());
            List<ReachDay> daysRead = perDay.entrySet().stream()
                    .map(e -> new ReachDay(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
            reach.add(new HighlightReach(id, (String) r[1], (String) r[2], (String) r[3],
                    ((Timestamp) r[4]).toInstant(), daysRead.stream().mapToLong(ReachDay::pages).sum(),
                    daysRead.stream().mapToLong(ReachDay::feeds).sum(),
                    daysRead.stream().mapToLong(ReachDay::embeds).sum(), daysRead));
        });
        reach.sort(Comparator.comparingLong((HighlightReach h) -> h.pages() + h.feeds() + h.embeds()).reversed());
        return reach;
    }

    /** The first of a month (YYYY-MM), UTC. */
    private static Instant start(String month) {
        return YearMonth.parse(month).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** A grouped query's numbers by session id, asked in chunks of ids ({@code %s} takes the IN list). */
    private Map<String, long[]> perSession(List<String> ids, String sql) {
        Map<String, long[]> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String in = "IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
            // the IN list appears once per place the SQL names the sessions; each its own parameters
            int places = sql.split("%s", -1).length - 1;
            List<Object> parameters = new ArrayList<>();
            for (int place = 0; place < places; place++) {
                parameters.addAll(chunk);
            }
            for (Object[] row : rows(sql.replace("%s", in), parameters)) {
                long[] numbers = new long[row.length - 1];
                for (int i = 1; i < row.length; i++) {
                    numbers[i - 1] = SessionReports.count(row[i]);
                }
                found.put((String) row[0], numbers);
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, List<?> parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add(row instanceof Object[] columns ? columns : new Object[]{row});
        }
        return rows;
    }

    private static long first(Map<String, long[]> numbers, String id) {
        long[] found = numbers.get(id);
        return found == null ? 0 : found[0];
    }

    private static Double average(long sum, long count) {
        return count == 0 ? null : Math.round(sum * 100.0 / count) / 100.0;
    }
}
