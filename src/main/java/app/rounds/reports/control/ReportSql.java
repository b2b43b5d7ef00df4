package app.rounds.reports.control;

/**
 * The SQL that says what counts as taking part, written once for a session's report and for the overview of many:
 * each takes the sessions by a condition on a session id column, such as {@code = ?1} or {@code IN (...)}.
 */
final class ReportSql {

    private ReportSql() {
    }

    /**
     * (session_id, participant_id) of every participant who did anything in the sessions: asked, voted, answered a
     * poll, gave feedback on the web page; a participant once per thing done.
     */
    static String activity(String sessions) {
        return "SELECT session_id, participant_id FROM question WHERE session_id " + sessions
                + " AND participant_id IS NOT NULL"
                + " UNION ALL SELECT q.session_id, v.participant_id FROM question_vote v JOIN question q"
                + " ON q.id = v.question_id WHERE q.session_id " + sessions
                + " UNION ALL SELECT p.session_id, a.participant_id FROM poll_answer a JOIN poll p ON p.id = a.poll_id"
                + " WHERE p.session_id " + sessions
                + " UNION ALL SELECT session_id, participant_id FROM feedback WHERE session_id " + sessions
                + " AND participant_id IS NOT NULL";
    }

    /** (session_id, active participants) of the sessions that have any. */
    static String activeBySession(String sessions) {
        return "SELECT session_id, COUNT(DISTINCT participant_id) FROM (" + activity(sessions) + ") active "
                + "GROUP BY session_id";
    }
}
