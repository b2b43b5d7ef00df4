package app.rounds.reports.control;

import app.rounds.contributions.control.FeedbackBox;
import app.rounds.contributions.control.PollViews.PollWithResults;
import app.rounds.contributions.control.PollViews.Results;
import app.rounds.contributions.control.Polls;
import app.rounds.platform.control.Percentiles;
import app.rounds.reports.control.TimelineBuilder.Series;
import app.rounds.reports.entity.SessionReport;
import app.rounds.reports.entity.SessionReport.About;
import app.rounds.reports.entity.SessionReport.Participation;
import app.rounds.reports.entity.SessionReport.Poll;
import app.rounds.reports.entity.SessionReport.PollOption;
import app.rounds.reports.entity.SessionReport.PollWord;
import app.rounds.reports.entity.SessionReport.Source;
import app.rounds.reports.entity.SessionReport.Timeline;
import app.rounds.sessions.entity.SessionStatus;
import app.rounds.sessions.entity.TrainingSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Computes a session's report from its records, with one aggregate query per figure group (see
 * {@link app.rounds.reports}): a session of 1,000 participants and 20,000 events reads a few thousand rows, not the
 * events.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SessionReports {

    /** The most frequent words of a word cloud a report lists. */
    static final int WORDS = 10;

    /** The minute of {@code column}, counted from ?2 (the timeline's origin). */
    private static String minuteOf(String column) {
        return "FLOOR(TIMESTAMPDIFF(SECOND, ?2, " + column + ") / 60)";
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Polls polls;

    @Inject
    FeedbackBox feedback;

    @Inject
    Clock clock;

    public SessionReport of(TrainingSession session) {
        Instant now = clock.instant();
        String id = session.id();
        Participation participation = participation(id);
        var summary = feedback.summary(id);
        return new SessionReport(
                new About(id, session.title(), session.facility(), session.status().name(), session.startedAt(),
                        session.endedAt()),
                now, session.status() != SessionStatus.ENDED, participation, questions(id), votes(id),
                new SessionReport.Feedback(summary.count(), summary.count() == 0 ? null : summary.average(),
                        summary.distribution()),
                polls(id, participation.joined()), sources(id), timeline(session, now));
    }

    private Participation participation(String sessionId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT "
                        + "(SELECT COUNT(*) FROM participant WHERE session_id = ?1), "
                        + "(SELECT COUNT(DISTINCT participant_id) FROM (" + ReportSql.activity("= ?1")
                        + ") active), "
                        + "(SELECT COUNT(DISTINCT participant_id) FROM question WHERE session_id = ?1), "
                        + "(SELECT COUNT(DISTINCT v.participant_id) FROM question_vote v JOIN question q "
                        + "ON q.id = v.question_id WHERE q.session_id = ?1), "
                        + "(SELECT COUNT(DISTINCT a.participant_id) FROM poll_answer a JOIN poll p ON p.id = a.poll_id "
                        + "WHERE p.session_id = ?1), "
                        + "(SELECT COUNT(participant_id) FROM feedback WHERE session_id = ?1)")
                .setParameter(1, sessionId).getSingleResult();
        int joined = count(row[0]);
        int active = count(row[1]);
        Object[] peak = peakViewers(sessionId);
        return new Participation(joined, active, percent(active, joined), count(row[2]), count(row[3]),
                count(row[4]), count(row[5]), peak == null ? 0 : count(peak[1]),
                peak == null ? null : ((Timestamp) peak[0]).toInstant());
    }

    /** The minute with the most board viewers, all instances together, and how many; null when none was seen. */
    private Object[] peakViewers(String sessionId) {
        List<?> rows = em.createNativeQuery("SELECT at_minute, SUM(viewers) AS seen FROM board_viewers "
                        + "WHERE session_id = ?1 GROUP BY at_minute ORDER BY seen DESC, at_minute LIMIT 1")
                .setParameter(1, sessionId).getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.getFirst();
    }

    private SessionReport.Questions questions(String sessionId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT COUNT(*), SUM(origin = 'WEB'), "
                        + "SUM(status = 'PENDING'), SUM(status = 'APPROVED'), SUM(answered), SUM(status = 'REJECTED'), "
                        + "SUM(status = 'HIDDEN'), SUM(status = 'WITHDRAWN') FROM question WHERE session_id = ?1")
                .setParameter(1, sessionId).getSingleResult();
        long[] waits = moderationWaits(sessionId);
        int asked = count(row[0]);
        int fromWeb = count(row[1]);
        return new SessionReport.Questions(asked, fromWeb, asked - fromWeb, count(row[2]), count(row[3]),
                count(row[4]), count(row[5]), count(row[6]), count(row[7]), waits.length,
                waits.length == 0 ? null : Percentiles.nearestRank(waits, 50),
                waits.length == 0 ? null : Percentiles.nearestRank(waits, 90));
    }

    /**
     * Seconds from asking to the first moderator's decision on each question decided from the queue (the audit
     * trail's first "question.moderated" from PENDING), sorted.
     */
    private long[] moderationWaits(String sessionId) {
        List<?> rows = em.createNativeQuery("SELECT TIMESTAMPDIFF(SECOND, q.created_at, MIN(a.recorded_at)) "
                        + "FROM question q JOIN audit_entry a ON a.subject_type = 'question' AND a.subject_id = q.id "
                        + "WHERE q.session_id = ?1 AND a.action = 'question.moderated' "
                        + "AND a.detail LIKE '%\"from\":\"PENDING\"%' GROUP BY q.id")
                .setParameter(1, sessionId).getResultList();
        return rows.stream().mapToLong(r -> Math.max(0, ((Number) r).longValue())).sorted().toArray();
    }

    private SessionReport.Votes votes(String sessionId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT COUNT(*), COUNT(DISTINCT v.participant_id), "
                        + "COUNT(DISTINCT v.question_id) FROM question_vote v JOIN question q ON q.id = v.question_id "
                        + "WHERE q.session_id = ?1")
                .setParameter(1, sessionId).getSingleResult();
        return new SessionReport.Votes(count(row[0]), count(row[1]), count(row[2]));
    }

    private List<Poll> polls(String sessionId, int joined) {
        return polls.forStaff(sessionId).stream().map(p -> poll(p, joined)).toList();
    }

    static Poll poll(PollWithResults poll, int joined) {
        Results results = poll.results();
        var view = poll.poll();
        List<PollOption> options = view.options() == null ? List.of() : IntStream.range(0, view.options().size())
                .mapToObj(i -> new PollOption(view.options().get(i).text(), results.options().get(i).count(),
                        results.options().get(i).percent(), view.options().get(i).correct()))
                .toList();
        var rating = results.rating();
        boolean rated = rating != null && results.answered() > 0;
        List<PollWord> words = results.words() == null ? List.of() : results.words().stream().limit(WORDS)
                .map(w -> new PollWord(w.word(), w.count())).toList();
        return new Poll(view.id(), view.title(), view.kind().name(), view.state().name(), results.answered(),
                percent(results.answered(), joined), options, rated ? rating.mean() : null,
                rating == null ? null : rating.distribution(), words);
    }

    private List<Source> sources(String sessionId) {
        List<?> rows = em.createNativeQuery("SELECT s.label, COALESCE(s.kind, p.source_kind), COUNT(*), "
                        + "SUM(p.contribution_kind = 'QUESTION'), SUM(p.contribution_kind = 'FEEDBACK') "
                        + "FROM ingested_post p LEFT JOIN ingest_source s ON s.id = p.source_id "
                        + "WHERE p.session_id = ?1 GROUP BY p.source_id, s.label, s.kind, p.source_kind "
                        + "ORDER BY COUNT(*) DESC, s.label")
                .setParameter(1, sessionId).getResultList();
        List<Source> sources = new ArrayList<>();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            sources.add(new Source(row[0] == null ? null : (String) row[0], row[1] == null ? null : (String) row[1],
                    count(row[2]), count(row[3]), count(row[4])));
        }
        return sources;
    }

    private Timeline timeline(TrainingSession session, Instant now) {
        Instant origin = (session.startedAt() != null ? session.startedAt() : session.createdAt())
                .truncatedTo(ChronoUnit.MINUTES);
        TimelineBuilder timeline = new TimelineBuilder(origin);
        Timestamp from = Timestamp.from(origin);
        String id = session.id();
        perMinute(timeline, Series.JOINED, "SELECT " + minuteOf("joined_at") + " AS m, COUNT(*) FROM participant "
                + "WHERE session_id = ?1 GROUP BY m", id, from);
        perMinute(timeline, Series.QUESTIONS, "SELECT " + minuteOf("created_at") + " AS m, COUNT(*) FROM question "
                + "WHERE session_id = ?1 GROUP BY m", id, from);
        perMinute(timeline, Series.VOTES, "SELECT " + minuteOf("v.created_at") + " AS m, COUNT(*) FROM question_vote "
                + "v JOIN question q ON q.id = v.question_id WHERE q.session_id = ?1 GROUP BY m", id, from);
        perMinute(timeline, Series.POLL_ANSWERS, "SELECT " + minuteOf("a.answered_at") + " AS m, COUNT(*) FROM "
                + "poll_answer a JOIN poll p ON p.id = a.poll_id WHERE p.session_id = ?1 GROUP BY m", id, from);
        for (Object r : rows("SELECT " + minuteOf("created_at") + " AS m, COUNT(*), SUM(rating) FROM feedback "
                + "WHERE session_id = ?1 GROUP BY m", id, from)) {
            Object[] row = (Object[]) r;
            timeline.addFeedback(minute(row[0]), count(row[1]), count(row[2]));
        }
        for (Object r : rows("SELECT " + minuteOf("at_minute") + " AS m, SUM(viewers) FROM board_viewers "
                + "WHERE session_id = ?1 GROUP BY m", id, from)) {
            Object[] row = (Object[]) r;
            timeline.addViewers(minute(row[0]), count(row[1]));
        }
        if (session.startedAt() != null) {
            timeline.reach(0);
            Instant end = session.endedAt() != null ? session.endedAt() : now;
            timeline.reach(Duration.between(origin, end).toMinutes());
        }
        return timeline.build();
    }

    private void perMinute(TimelineBuilder timeline, Series series, String sql, String sessionId, Timestamp origin) {
        for (Object r : rows(sql, sessionId, origin)) {
            Object[] row = (Object[]) r;
            timeline.add(series, minute(row[0]), count(row[1]));
        }
    }

    private List<?> rows(String sql, String sessionId, Timestamp origin) {
        return em.createNativeQuery(sql).setParameter(1, sessionId).setParameter(2, origin).getResultList();
    }

    private static long minute(Object value) {
        return ((Number) value).longValue();
    }

    /** A count from SQL: COUNT gives a Long, SUM a BigDecimal, and SUM of no rows NULL. */
    static int count(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    /** {@code part} of {@code whole} in percent with one decimal; null of nothing. */
    static Double percent(int part, int whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
