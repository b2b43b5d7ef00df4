package app.rounds;

import app.rounds.testing.ApiClient;
import app.rounds.testing.BoardClient;
import app.rounds.testing.Conditions;
import app.rounds.testing.Reply;
import app.rounds.testing.RunningRounds;
import app.rounds.testing.Staff;
import app.rounds.testing.StandInMastodon;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static app.rounds.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session's report against a seeded session whose every count is known: seven trainees join, four ask on the web
 * page and two posts come from Mastodon, a moderator decides on three questions and a trainee withdraws one, three
 * votes, a poll answered by three, two ratings, three board connections. Every figure of the report is checked, and
 * the CSV and XLSX exports are read back and match it.
 */
@ExtendWith(RunningRounds.class)
class ReportsIT {

    @RunningRounds.Base
    URL base;

    ApiClient anonymous;
    Staff staff;
    Staff.Member owner;
    String origin;

    @BeforeEach
    void clients() {
        anonymous = ApiClient.anonymous(base).from(Staff.uniqueAddress());
        staff = new Staff(anonymous);
        owner = staff.create("presenter");
        origin = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    @Test
    void everyFigureOfASeededSessionAndItsExports() throws Exception {
        ApiClient presenter = owner.client();
        String hashtag = "Report" + Staff.uniqueSuffix().replaceAll("[0-9]", "x");
        JsonObject created = presenter.post("api/sessions", json("{'title':'Hand hygiene audit','facility':"
                + "'Ward 7','hashtag':'" + hashtag + "','moderationMode':'PRE_MODERATION'}")).json();
        String id = created.getString("id");
        String code = created.getString("joinCode").replace("-", "");
        assertEquals(200, presenter.post("api/sessions/" + id + "/start", null).status());

        List<ApiClient> trainees = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Reply joined = anonymous.from(Staff.uniqueAddress()).post("api/participants", json("{'code':'" + code
                    + "'}"));
            assertEquals(201, joined.status(), joined.body());
            trainees.add(anonymous.withHeader("Rounds-Participant", joined.json().getString("token")));
        }
        String q1 = ask(trainees.get(0), "When do we use alcohol rub rather than soap?");
        String q2 = ask(trainees.get(0), "How long should a hand wash take?");
        String q3 = ask(trainees.get(0), "Is it fine to wear rings on the ward?");
        String q4 = ask(trainees.get(1), "Do gloves replace hand hygiene?");
        moderate(presenter, id, q1, "APPROVED");
        moderate(presenter, id, q2, "APPROVED");
        moderate(presenter, id, q3, "REJECTED");
        assertEquals(200, trainees.get(1).delete("api/participants/me/questions/" + q4).status());
        Reply answered = presenter.put("api/sessions/" + id + "/questions/" + q1 + "/flags",
                json("{'answered':true}"));
        assertEquals(200, answered.status(), answered.body());
        vote(trainees.get(2), q1);
        vote(trainees.get(3), q1);
        vote(trainees.get(2), q2);

        Reply prepared = presenter.post("api/sessions/" + id + "/polls", json("{'kind':'SINGLE_CHOICE','title':"
                + "'Which moment comes first?','options':[{'text':'Before touching a patient'},{'text':'After "
                + "body fluid exposure'},{'text':'After touching surroundings'}]}"));
        assertEquals(201, prepared.status(), prepared.body());
        String poll = prepared.json().getString("id");
        assertEquals(200, presenter.put("api/sessions/" + id + "/polls/" + poll + "/state",
                json("{'state':'OPEN'}")).status());
        answer(trainees.get(0), poll, 0);
        answer(trainees.get(4), poll, 1);
        answer(trainees.get(5), poll, 1);
        feedback(trainees.get(0), 5);
        feedback(trainees.get(5), 3);

        try (StandInMastodon mastodon = new StandInMastodon()) {
            mastodon.publish("nurse1", "<p>Are alcohol rubs enough for C. diff? #" + hashtag + "</p>", hashtag);
            mastodon.publish("nurse2", "<p>Where are the posters for the five moments? #" + hashtag + "</p>",
                    hashtag);
            Reply added = presenter.post("api/sessions/" + id + "/sources",
                    json("{'kind':'MASTODON','label':'Hospital Mastodon','baseUrl':'" + mastodon.baseUrl() + "'}"));
            assertEquals(201, added.status(), added.body());
            Conditions.await("the two posts taken", Duration.ofSeconds(30),
                    () -> report(presenter, id).getJsonObject("questions").getInt("asked") == 6);
        }

        URI uri = URI.create(base.toString());
        try (BoardClient projector = BoardClient.connect(uri, "ws/public/" + code, Map.of("Origin", origin));
             BoardClient phone = BoardClient.connect(uri, "ws/public/" + code, Map.of("Origin", origin));
             BoardClient moderation = BoardClient.connect(uri, "ws/moderation/" + id,
                     Map.of("Authorization", presenter.header("Authorization"), "Origin", origin))) {
            projector.next("snapshot");
            phone.next("snapshot");
            moderation.next("snapshot");
            Conditions.await("the three board connections counted", Duration.ofSeconds(10),
                    () -> report(presenter, id).getJsonObject("participation").getInt("peakViewers") >= 3);
        }
        assertEquals(200, presenter.post("api/sessions/" + id + "/end", null).status());

        JsonObject report = report(presenter, id);
        assertFalse(report.getBoolean("live"), "final once the session ended");
        JsonObject about = report.getJsonObject("session");
        assertEquals("Hand hygiene audit", about.getString("title"));
        assertEquals("Ward 7", about.getString("facility"));
        assertEquals("ENDED", about.getString("status"));

        JsonObject participation = report.getJsonObject("participation");
        assertEquals(7, participation.getInt("joined"));
        assertEquals(6, participation.getInt("active"), "one trainee only watched");
        assertEquals(85.7, participation.getJsonNumber("engagementRatePercent").doubleValue());
        assertEquals(2, participation.getInt("asked"));
        assertEquals(2, participation.getInt("voted"));
        assertEquals(3, participation.getInt("answeredPolls"));
        assertEquals(2, participation.getInt("gaveFeedback"));
        assertEquals(3, participation.getInt("peakViewers"));
        assertNotNull(participation.getString("peakViewersAt"));

        JsonObject questions = report.getJsonObject("questions");
        assertEquals(6, questions.getInt("asked"));
        assertEquals(4, questions.getInt("fromWeb"));
        assertEquals(2, questions.getInt("fromNetworks"));
        assertEquals(2, questions.getInt("pending"), "the two posts wait for moderation");
        assertEquals(2, questions.getInt("approved"));
        assertEquals(1, questions.getInt("answered"));
        assertEquals(1, questions.getInt("rejected"));
        assertEquals(0, questions.getInt("hidden"));
        assertEquals(1, questions.getInt("withdrawn"));
        assertEquals(3, questions.getInt("moderated"), "withdrawn by its author is no moderator's decision");
        long median = questions.getJsonNumber("moderationMedianSeconds").longValue();
        long p90 = questions.getJsonNumber("moderationP90Seconds").longValue();
        assertTrue(0 <= median && median <= p90 && p90 < 120, median + " s, " + p90 + " s");

        JsonObject votes = report.getJsonObject("votes");
        assertEquals(3, votes.getInt("votes"));
        assertEquals(2, votes.getInt("voters"));
        assertEquals(2, votes.getInt("questionsVotedOn"));

        JsonObject feedback = report.getJsonObject("feedback");
        assertEquals(2, feedback.getInt("count"));
        assertEquals(4.0, feedback.getJsonNumber("average").doubleValue());
        assertArrayEquals(new int[]{0, 0, 1, 0, 1}, ints(feedback.getJsonArray("distribution")));

        JsonArray polls = report.getJsonArray("polls");
        assertEquals(1, polls.size());
        JsonObject first = polls.getJsonObject(0);
        assertEquals("Which moment comes first?", first.getString("title"));
        assertEquals(3, first.getInt("answered"));
        assertEquals(42.9, first.getJsonNumber("participationPercent").doubleValue(), "3 of 7 who joined");
        List<Integer> optionCounts = first.getJsonArray("options").getValuesAs(JsonObject.class).stream()
                .map(o -> o.getInt("count")).toList();
        assertEquals(List.of(1, 2, 0), optionCounts);

        JsonArray sources = report.getJsonArray("sources");
        assertEquals(1, sources.size(), sources.toString());
        JsonObject source = sources.getJsonObject(0);
        assertEquals("Hospital Mastodon", source.getString("label"));
        assertEquals("MASTODON", source.getString("kind"));
        assertEquals(2, source.getInt("posts"));
        assertEquals(2, source.getInt("questions"));
        assertEquals(0, source.getInt("feedback"));

        JsonObject timeline = report.getJsonObject("timeline");
        assertEquals(60, timeline.getInt("bucketSeconds"), "a session of minutes is shown minute by minute");
        List<JsonObject> buckets = timeline.getJsonArray("buckets").getValuesAs(JsonObject.class);
        assertEquals(7, sum(buckets, "joined"));
        assertEquals(6, sum(buckets, "questions"));
        assertEquals(3, sum(buckets, "votes"));
        assertEquals(3, sum(buckets, "pollAnswers"));
        assertEquals(2, sum(buckets, "feedback"));
        assertEquals(3, buckets.stream().mapToInt(b -> b.getInt("viewers")).max().orElse(0));

        Map<String, String> figures = csvFigures(presenter, id);
        assertEquals("7", figures.get("Participants joined"));
        assertEquals("85.7", figures.get("Engagement rate (%)"));
        assertEquals("6", figures.get("Questions asked"));
        assertEquals("3", figures.get("Votes"));
        assertEquals("4.0", figures.get("Feedback average rating (1-5)"));
        assertEquals("3", figures.get("Peak board viewers"));
        assertEquals(String.valueOf(median), figures.get("Time to moderation, median (s)"));

        HttpResponse<byte[]> xlsx = presenter.download("api/sessions/" + id + "/report/tables.xlsx");
        assertEquals(200, xlsx.statusCode());
        String disposition = xlsx.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.endsWith(".xlsx\""), disposition);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertEquals(List.of("Figures", "Activity over time", "Feedback ratings", "Polls", "Posts by source"),
                    sheetNames(workbook));
            Map<String, Object> sheet = figures(workbook.getSheet("Figures"));
            assertEquals(7.0, sheet.get("Participants joined"), "numbers are numbers");
            assertEquals(85.7, sheet.get("Engagement rate (%)"));
            assertEquals(4.0, sheet.get("Feedback average rating (1-5)"));
            assertEquals(3.0, sheet.get("Peak board viewers"));
            Sheet sourcesSheet = workbook.getSheet("Posts by source");
            assertEquals("Hospital Mastodon", sourcesSheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals(2.0, sourcesSheet.getRow(1).getCell(2).getNumericCellValue());
            Sheet pollsSheet = workbook.getSheet("Polls");
            assertEquals(4, pollsSheet.getLastRowNum(), "the poll and its three options");
            assertEquals("After body fluid exposure", pollsSheet.getRow(3).getCell(5).getStringCellValue());
            assertEquals(2.0, pollsSheet.getRow(3).getCell(6).getNumericCellValue());
        }

        HttpResponse<byte[]> pdf = presenter.download("api/sessions/" + id + "/report/report.pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertEquals(1, document.getNumberOfPages(), "one page");
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Report · Hand hygiene audit"), text);
            assertTrue(text.contains("Ward 7 · Final: the session ended"), text);
            assertTrue(text.contains("85.7 %"), "the engagement rate, as in the API: " + text);
            assertTrue(text.contains("6 (1)"), "questions (answered): " + text);
            assertTrue(text.contains("4.0 of 5 (2)"), text);
            assertTrue(text.contains("Which moment comes first? · 3 answered (42.9 %)"), text);
        }
    }

    @Test
    void onlyTheTeamAndAdminsSeeAReportAndUnknownTablesAreRefusedInWords() {
        String id = owner.client().post("api/sessions", json("{'title':'Fire drill'}")).json().getString("id");
        assertEquals(401, anonymous.get("api/sessions/" + id + "/report").status());
        Reply stranger = staff.create("presenter").client().get("api/sessions/" + id + "/report");
        assertEquals(403, stranger.status(), stranger.body());
        assertEquals(200, staff.create("admin").client().get("api/sessions/" + id + "/report").status());

        JsonObject empty = report(owner.client(), id);
        assertTrue(empty.getBoolean("live"));
        assertFalse(empty.getJsonObject("participation").containsKey("engagementRatePercent"), "no rate of nobody");
        assertFalse(empty.getJsonObject("feedback").containsKey("average"));
        assertEquals(0, empty.getJsonObject("timeline").getJsonArray("buckets").size(), "not started, nothing done");

        Reply unknown = owner.client().get("api/sessions/" + id + "/report/secrets.csv");
        assertEquals(404, unknown.status());
        assertEquals("application/problem+json", unknown.header("Content-Type"));
        assertTrue(unknown.json().getString("detail").contains("figures, timeline"), unknown.body());
    }

    @Test
    void sessionsComparedByMonthFacilityAndPresenterWithReviewTurnaroundAndReach() throws Exception {
        String facility = "Ward " + Staff.uniqueSuffix(); // sessions of other tests are elsewhere
        Staff.Member first = staff.create("communicator", "presenter");
        Staff.Member second = staff.create("presenter");
        String busy = sessionIn(first, "Central lines", facility);
        String quiet = sessionIn(first, "Central lines again", facility);
        String other = sessionIn(second, "Pressure ulcers", facility);
        List<ApiClient> busyTrainees = join(first.client(), busy, 3);
        join(first.client(), quiet, 2);
        join(second.client(), other, 1);
        ask(busyTrainees.get(0), "How often do we change the dressing?");
        feedback(busyTrainees.get(1), 4);

        String highlight = published(first.client(), busy, "Central lines, done right");
        ApiClient reader = ApiClient.anonymous(base).from(Staff.uniqueAddress());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, reader.get("highlights/" + highlight).status());
        }
        assertEquals(200, reader.get("highlights/" + highlight + "/embed").status());
        assertEquals(200, reader.get("highlights/" + highlight + "/embed").status());
        assertEquals(200, reader.get("highlights/feed.json").status());
        assertEquals(200, reader.send("HEAD", "highlights/" + highlight, null).status());

        ApiClient admin = staff.create("admin").client();
        String filter = "api/reports?facility=" + URLEncoder.encode(facility, StandardCharsets.UTF_8);
        // every kind at once: a flush may come between two reads (CI saw pages and embeds stored, the feed not yet)
        Conditions.await("the reads counted and stored", Duration.ofSeconds(10), () -> {
            JsonArray reach = admin.get(filter).json().getJsonArray("reach");
            return reach.size() == 1 && reach.getJsonObject(0).getInt("pages") == 3
                    && reach.getJsonObject(0).getInt("embeds") == 2 && reach.getJsonObject(0).getInt("feeds") == 1;
        });
        JsonObject overview = admin.get(filter).json();
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        assertEquals(month, overview.getJsonObject("filter").getString("to"));
        assertEquals(YearMonth.now(ZoneOffset.UTC).minusMonths(11).toString(),
                overview.getJsonObject("filter").getString("from"), "a year by default");

        List<JsonObject> sessions = overview.getJsonArray("sessions").getValuesAs(JsonObject.class);
        assertEquals(List.of(busy, quiet, other).stream().sorted().toList(),
                sessions.stream().map(s -> s.getString("id")).sorted().toList());
        JsonObject busyRow = sessions.stream().filter(s -> s.getString("id").equals(busy)).findFirst().orElseThrow();
        assertEquals(3, busyRow.getInt("joined"));
        assertEquals(2, busyRow.getInt("active"));
        assertEquals(66.7, busyRow.getJsonNumber("engagementRatePercent").doubleValue());
        assertEquals(1, busyRow.getInt("questions"));
        assertEquals(1, busyRow.getInt("feedback"));
        assertEquals(4.0, busyRow.getJsonNumber("feedbackAverage").doubleValue());
        assertEquals("Test " + first.username(), busyRow.getString("presenter"));

        JsonArray byMonth = overview.getJsonArray("byMonth");
        assertEquals(1, byMonth.size());
        JsonObject thisMonth = byMonth.getJsonObject(0);
        assertEquals(month, thisMonth.getString("key"));
        assertEquals(3, thisMonth.getInt("sessions"));
        assertEquals(6, thisMonth.getInt("joined"));
        assertEquals(2, thisMonth.getInt("active"));
        assertEquals(33.3, thisMonth.getJsonNumber("engagementRatePercent").doubleValue());
        assertEquals(4.0, thisMonth.getJsonNumber("feedbackAverage").doubleValue());
        assertEquals(List.of(facility), overview.getJsonArray("byFacility").getValuesAs(JsonObject.class).stream()
                .map(f -> f.getString("key")).toList());
        Map<String, Integer> byPresenter = new LinkedHashMap<>();
        overview.getJsonArray("byPresenter").getValuesAs(JsonObject.class)
                .forEach(p -> byPresenter.put(p.getString("key"), p.getInt("sessions")));
        assertEquals(Map.of("Test " + first.username() + " (" + first.username() + ")", 2,
                "Test " + second.username() + " (" + second.username() + ")", 1), byPresenter);

        JsonArray reviews = overview.getJsonArray("reviewTurnaround");
        assertEquals(1, reviews.size(), reviews.toString());
        assertEquals(month, reviews.getJsonObject(0).getString("month"));
        assertEquals(1, reviews.getJsonObject(0).getInt("decisions"));
        assertEquals(1, reviews.getJsonObject(0).getInt("approved"));
        assertTrue(reviews.getJsonObject(0).getJsonNumber("medianSeconds").longValue() < 120);

        JsonObject reach = overview.getJsonArray("reach").getJsonObject(0);
        assertEquals(highlight, reach.getString("highlightId"));
        assertEquals(3, reach.getInt("pages"), "a HEAD reads nothing");
        assertEquals(2, reach.getInt("embeds"));
        assertEquals(1, reach.getInt("feeds"));
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(),
                reach.getJsonArray("days").getJsonObject(0).getString("day"));

        JsonObject onePresenter = admin.get(filter + "&presenter=" + second.username()).json();
        assertEquals(List.of(other), onePresenter.getJsonArray("sessions").getValuesAs(JsonObject.class).stream()
                .map(s -> s.getString("id")).toList());
        assertEquals(0, onePresenter.getJsonArray("reach").size(), "the highlight is of the other presenter's");

        Reply csv = admin.get(filter.replace("api/reports?", "api/reports/sessions.csv?"));
        assertEquals(200, csv.status(), csv.body());
        assertEquals(4, csv.body().strip().split("\r?\n").length, "a heading and the three sessions");
        HttpResponse<byte[]> xlsx = admin.download(filter.replace("api/reports?", "api/reports/tables.xlsx?"));
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertEquals(List.of("Sessions", "By month", "By facility", "By presenter", "Review turnaround",
                    "Reach of highlights"), sheetNames(workbook));
            Sheet months = workbook.getSheet("By month");
            assertEquals(month, months.getRow(1).getCell(0).getStringCellValue());
            assertEquals(6.0, months.getRow(1).getCell(2).getNumericCellValue());
        }

        JsonObject asFirst = first.client().get(filter).json();
        assertEquals(List.of(busy, quiet).stream().sorted().toList(), asFirst.getJsonArray("sessions")
                        .getValuesAs(JsonObject.class).stream().map(s -> s.getString("id")).sorted().toList(),
                "a communicator sees the sessions they own or are on the team of, as under Sessions");
        assertEquals(0, staff.create("communicator").client().get(filter).json().getJsonArray("sessions").size());
        assertEquals(403, second.client().get("api/reports").status(), "presenters see their own sessions' reports");
        Reply wrong = admin.get("api/reports?from=2026-13&days=0");
        assertEquals(400, wrong.status(), wrong.body());
        assertEquals(List.of("days", "from"), wrong.problemFields().stream().sorted().toList());
        Reply farAway = admin.get("api/reports?to=-999999999-01");
        assertEquals(400, farAway.status(), farAway.body());
        assertEquals(List.of("to"), farAway.problemFields());
        assertTrue(wrong.body().contains("such as 2026-12"), wrong.body());
    }

    String sessionIn(Staff.Member owner, String title, String facility) {
        Reply created = owner.client().post("api/sessions", json("{'title':'" + title + "','facility':'" + facility
                + "'}"));
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        assertEquals(200, owner.client().post("api/sessions/" + id + "/start", null).status());
        return id;
    }

    List<ApiClient> join(ApiClient owner, String sessionId, int count) {
        String code = owner.get("api/sessions/" + sessionId).json().getString("joinCode").replace("-", "");
        List<ApiClient> joined = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Reply reply = anonymous.from(Staff.uniqueAddress()).post("api/participants",
                    json("{'code':'" + code + "'}"));
            assertEquals(201, reply.status(), reply.body());
            joined.add(anonymous.withHeader("Rounds-Participant", reply.json().getString("token")));
        }
        return joined;
    }

    /** A highlight of the session, written by {@code communicator}, approved by a reviewer and so published. */
    String published(ApiClient communicator, String sessionId, String title) {
        String highlight = communicator.post("api/sessions/" + sessionId + "/highlights",
                json("{'title':'" + title + "'}")).json().getString("id");
        Reply drafted = communicator.put("api/highlights/" + highlight, json("{'title':'" + title + "',"
                + "'publishOnApproval':true,'bodyHtml':'<p>Forty nurses, one checklist.</p>','parts':[]}"));
        assertEquals(200, drafted.status(), drafted.body());
        assertEquals(200, communicator.post("api/highlights/" + highlight + "/submission", "{}").status());
        ApiClient reviewer = staff.create("reviewer").client();
        String hash = reviewer.get("api/reviews/" + highlight).json().getJsonObject("rendition").getString("hash");
        Reply approved = reviewer.post("api/reviews/" + highlight + "/decision", json("{'decision':'APPROVE',"
                + "'renditionHash':'" + hash + "'}"));
        assertEquals(200, approved.status(), approved.body());
        return highlight;
    }

    static JsonObject report(ApiClient client, String sessionId) {
        Reply reply = client.get("api/sessions/" + sessionId + "/report");
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    static String ask(ApiClient trainee, String text) {
        Reply asked = trainee.post("api/participants/me/questions", json("{'text':'" + text + "'}"));
        assertEquals(201, asked.status(), asked.body());
        return asked.json().getString("id");
    }

    static void moderate(ApiClient presenter, String sessionId, String questionId, String status) {
        Reply moderated = presenter.put("api/sessions/" + sessionId + "/questions/" + questionId + "/status",
                json("{'status':'" + status + "'}"));
        assertEquals(200, moderated.status(), moderated.body());
    }

    static void vote(ApiClient trainee, String questionId) {
        Reply voted = trainee.post("api/participants/me/questions/" + questionId + "/vote", "");
        assertEquals(200, voted.status(), voted.body());
    }

    static void answer(ApiClient trainee, String pollId, int choice) {
        Reply answered = trainee.post("api/participants/me/polls/" + pollId + "/answer",
                json("{'choices':[" + choice + "]}"));
        assertEquals(200, answered.status(), answered.body());
    }

    static void feedback(ApiClient trainee, int rating) {
        Reply given = trainee.post("api/participants/me/feedback", json("{'rating':" + rating + "}"));
        assertEquals(200, given.status(), given.body());
    }

    static int[] ints(JsonArray array) {
        return array.getValuesAs(JsonNumber.class).stream().mapToInt(JsonNumber::intValue).toArray();
    }

    static int sum(List<JsonObject> buckets, String key) {
        return buckets.stream().mapToInt(b -> b.getInt(key)).sum();
    }

    static Map<String, String> csvFigures(ApiClient client, String sessionId) throws Exception {
        Reply csv = client.get("api/sessions/" + sessionId + "/report/figures.csv");
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        Map<String, String> figures = new LinkedHashMap<>();
        for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body()))) {
            figures.put(row.get("Figure"), row.get("Value"));
        }
        return figures;
    }

    static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    /** A figures sheet's values by figure: numbers as doubles, text as text. */
    static Map<String, Object> figures(Sheet sheet) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (Row row : sheet) {
            if (row.getRowNum() == 0) {
                continue;
            }
            Cell value = row.getCell(1);
            figures.put(row.getCell(0).getStringCellValue(), value == null ? null
                    : value.getCellType() == CellType.NUMERIC ? (Object) value.getNumericCellValue()
                    : value.getStringCellValue());
        }
        return figures;
    }
}
