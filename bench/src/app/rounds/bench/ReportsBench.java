package app.rounds.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The reports workload of bench/run: a session of 1,000 participants and 20,000 recorded events, and 500 sessions to
 * compare, written straight into the bench database (as a busy year would have left them), then each report asked for
 * in turn, one request at a time. The reference: a plain authenticated read of one session, in the same run.
 */
final class ReportsBench {

    static final int PARTICIPANTS = 1_000;
    static final int QUESTIONS = 3_000;
    static final int VOTES = 10_000;
    static final int POLLS = 5;
    static final int FEEDBACK = 1_000;
    static final int VIEWER_MINUTES = 180;
    static final int SESSIONS = 500;

    private final HttpClient http;
    private final URI rounds;
    private final String adminToken;
    private final PrintStream out;
    private final String databaseUrl = System.getProperty("bench.db.url",
            "jdbc:mariadb://127.0.0.1:3306/rounds_bench?user=root&rewriteBatchedStatements=true");
    private final Random random = new Random(42);

    ReportsBench(HttpClient http, URI rounds, String adminToken, PrintStream out) {
        this.http = http;
        this.rounds = rounds;
        this.adminToken = adminToken;
        this.out = out;
    }

    void run() throws Exception {
        String big;
        long seeded = System.nanoTime();
        try (Connection db = DriverManager.getConnection(databaseUrl)) {
            db.setAutoCommit(false);
            String owner = owner(db);
            big = session(db, owner, "Bench report session", Instant.now().minus(Duration.ofHours(3)));
            int events = bigSession(db, big);
            for (int i = 0; i < SESSIONS; i++) {
                String id = session(db, owner, "Bench overview " + i, Instant.now().minus(Duration.ofDays(i % 300)));
                smallSession(db, id);
            }
            db.commit();
            out.printf("Seeded in %.1f s: one session of %d participants and %d events; %d more sessions of 10 "
                    + "participants and 20 events each.%n%n", (System.nanoTime() - seeded) / 1e9, PARTICIPANTS,
                    events, SESSIONS);
        }
        String report = "api/sessions/" + big + "/report";
        String overview = "api/reports?from=" + java.time.YearMonth.now().minusMonths(11) + "&to="
                + java.time.YearMonth.now();
        String reference = "api/sessions/" + big;
        for (String path : List.of(report, overview, reference)) {
            timed(path, 10); // warm-up: the JIT compiles the report's code
        }
        out.println("### Reports: one request at a time (server time as the client sees it)");
        out.println();
        out.println("| request | n | p50 ms | p95 ms | max ms | target |");
        out.println("|---|---|---|---|---|---|");
        row("session report (1,000 participants, 20,000 events)", timed(report, 50), "500 ms");
        row("overview of " + (SESSIONS + 1) + "+ sessions, 12 months", timed(overview, 20), "1,000 ms");
        row("one session's details (reference)", timed(reference, 50), "");
        out.println();
    }

    private void row(String what, double[] millis, String target) {
        Arrays.sort(millis);
        out.printf("| %s | %d | %.1f | %.1f | %.1f | %s |%n", what, millis.length, millis[millis.length / 2],
                millis[(int) Math.ceil(millis.length * 0.95) - 1], millis[millis.length - 1], target);
    }

    private double[] timed(String path, int times) throws Exception {
        double[] millis = new double[times];
        HttpRequest request = HttpRequest.newBuilder(rounds.resolve(path)).header("Authorization", "Bearer "
                + adminToken).timeout(Duration.ofSeconds(60)).build();
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + ": " + response.statusCode() + " "
                        + new String(response.body()));
            }
        }
        return millis;
    }

    private static String owner(Connection db) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT id FROM staff_user WHERE username = 'admin'");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    private String session(Connection db, String owner, String title, Instant started) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO training_session (id, title, facility, "
                + "moderation_mode, status, join_code, owner_id, created_at, updated_at, started_at) "
                + "VALUES (?, ?, ?, 'PRE_MODERATION', 'LIVE', ?, ?, ?, ?, ?)")) {
            Timestamp at = Timestamp.from(started);
            insert.setString(1, id);
            insert.setString(2, title);
            insert.setString(3, "Ward " + random.nextInt(12));
            insert.setString(4, code());
            insert.setString(5, owner);
            insert.setTimestamp(6, at);
            insert.setTimestamp(7, at);
            insert.setTimestamp(8, at);
            insert.executeUpdate();
        }
        return id;
    }

    private String code() {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(letters.charAt(random.nextInt(letters.length())));
        }
        return code.toString();
    }

    /** The session of the report: 1,000 joins and 19,180 more events over three hours; the count of all. */
    private int bigSession(Connection db, String session) throws SQLException {
        Instant start = Instant.now().minus(Duration.ofHours(3));
        List<String> participants = participants(db, session, PARTICIPANTS, start);
        List<String> questions = new ArrayList<>();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO question (id, session_id, participant_id, "
                + "text, status, answered, votes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
            for (int i = 0; i < QUESTIONS; i++) {
                String id = UUID.randomUUID().toString();
                questions.add(id);
                Timestamp at = at(start);
                insert.setString(1, id);
                insert.setString(2, session);
                insert.setString(3, participants.get(random.nextInt(participants.size())));
                insert.setString(4, "Bench question " + i);
                insert.setString(5, List.of("PENDING", "APPROVED", "APPROVED", "REJECTED").get(i % 4));
                insert.setBoolean(6, i % 7 == 0);
                insert.setTimestamp(7, at);
                insert.setTimestamp(8, at);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO question_vote (question_id, "
                + "participant_id, created_at) VALUES (?, ?, ?)")) {
            for (int i = 0; i < VOTES; i++) {
                insert.setString(1, questions.get(i / PARTICIPANTS)); // votes gather on a few questions
                insert.setString(2, participants.get(i % participants.size()));
                insert.setTimestamp(3, at(start));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        for (int p = 0; p < POLLS; p++) {
            String poll = UUID.randomUUID().toString();
            Timestamp opened = at(start);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO poll (id, session_id, position, kind, title, "
                    + "options, state, created_at, updated_at, opened_at, closed_at) VALUES (?, ?, ?, 'SINGLE_CHOICE', ?, "
                    + "?, 'CLOSED', ?, ?, ?, ?)")) {
                insert.setString(1, poll);
                insert.setString(2, session);
                insert.setInt(3, p);
                insert.setString(4, "Bench poll " + p);
                insert.setString(5, "[{\"text\":\"One\",\"correct\":false},{\"text\":\"Two\",\"correct\":false},"
                        + "{\"text\":\"Three\",\"correct\":false},{\"text\":\"Four\",\"correct\":false}]");
                insert.setTimestamp(6, opened);
                insert.setTimestamp(7, opened);
                insert.setTimestamp(8, opened);
                insert.setTimestamp(9, opened);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO poll_answer (poll_id, participant_id, "
                    + "choices, points, answered_at) VALUES (?, ?, ?, 0, ?)")) {
                for (String participant : participants) {
                    insert.setString(1, poll);
                    insert.setString(2, participant);
                    insert.setString(3, Integer.toString(random.nextInt(4)));
                    insert.setTimestamp(4, at(start));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO feedback (id, session_id, participant_id, "
                + "rating, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < FEEDBACK; i++) {
                Timestamp at = at(start);
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, session);
                insert.setString(3, participants.get(i));
                insert.setInt(4, 1 + random.nextInt(5));
                insert.setTimestamp(5, at);
                insert.setTimestamp(6, at);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO board_viewers (session_id, at_minute, "
                + "instance, viewers) VALUES (?, ?, 'bench', ?)")) {
            for (int minute = 0; minute < VIEWER_MINUTES; minute++) {
                insert.setString(1, session);
                insert.setTimestamp(2, Timestamp.from(start.plus(Duration.ofMinutes(minute))
                        .truncatedTo(ChronoUnit.MINUTES)));
                insert.setInt(3, 500 + random.nextInt(500));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return PARTICIPANTS + QUESTIONS + VOTES + POLLS * PARTICIPANTS + FEEDBACK + VIEWER_MINUTES;
    }

    /** A session to compare: 10 participants, 5 questions, 10 votes, 5 ratings. */
    private void smallSession(Connection db, String session) throws SQLException {
        Instant start = Instant.now().minus(Duration.ofHours(3));
        List<String> participants = participants(db, session, 10, start);
        try (PreparedStatement question = db.prepareStatement("INSERT INTO question (id, session_id, participant_id, "
                + "text, status, votes, created_at, updated_at) VALUES (?, ?, ?, 'Bench', 'APPROVED', 0, ?, ?)");
             PreparedStatement vote = db.prepareStatement("INSERT INTO question_vote (question_id, participant_id, "
                     + "created_at) VALUES (?, ?, ?)");
             PreparedStatement feedback = db.prepareStatement("INSERT INTO feedback (id, session_id, participant_id, "
                     + "rating, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < 5; i++) {
                String id = UUID.randomUUID().toString();
                Timestamp at = at(start);
                question.setString(1, id);
                question.setString(2, session);
                question.setString(3, participants.get(i));
                question.setTimestamp(4, at);
                question.setTimestamp(5, at);
                question.addBatch();
                for (int v = 0; v < 2; v++) {
                    vote.setString(1, id);
                    vote.setString(2, participants.get(5 + v));
                    vote.setTimestamp(3, at);
                    vote.addBatch();
                }
                feedback.setString(1, UUID.randomUUID().toString());
                feedback.setString(2, session);
                feedback.setString(3, participants.get(5 + i));
                feedback.setInt(4, 1 + random.nextInt(5));
                feedback.setTimestamp(5, at);
                feedback.setTimestamp(6, at);
                feedback.addBatch();
            }
            question.executeBatch();
            vote.executeBatch();
            feedback.executeBatch();
        }
    }

    private List<String> participants(Connection db, String session, int count, Instant start) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO participant (id, session_id, token_hash, "
                + "joined_at) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                insert.setString(1, id);
                insert.setString(2, session);
                insert.setString(3, (id + id).replace("-", "").substring(0, 64));
                insert.setTimestamp(4, at(start));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return ids;
    }

    /** A moment in the three hours after {@code start}. */
    private Timestamp at(Instant start) {
        return Timestamp.from(start.plusMillis(random.nextInt(3 * 3600 * 1000)));
    }
}
