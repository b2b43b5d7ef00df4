package app.rounds;

import app.rounds.testing.ApiClient;
import app.rounds.testing.BoardClient;
import app.rounds.testing.PayaraProcess;
import app.rounds.testing.Reply;
import app.rounds.testing.RunningRounds;
import app.rounds.testing.Staff;
import app.rounds.testing.StalledSocket;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static app.rounds.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live board end to end: trainees posting over HTTP, staff moderating, and real WebSocket clients on both
 * streams, against the deployed WAR and MariaDB.
 */
@ExtendWith(RunningRounds.class)
class LiveBoardIT {

    @RunningRounds.Base
    URL base;

    ApiClient anonymous;
    Staff staff;
    ApiClient presenter;
    String origin;

    @BeforeEach
    void clients() {
        anonymous = ApiClient.anonymous(base).from(Staff.uniqueAddress());
        staff = new Staff(anonymous);
        presenter = staff.create("presenter").client();
        origin = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    /** A session and a way in: its id, its join code. */
    record Board(String id, String code) {
    }

    Board session(String moderationMode) {
        JsonObject created = presenter.post("api/sessions", json("{'title':'Board " + Staff.uniqueSuffix()
                + "','moderationMode':'" + moderationMode + "'}")).json();
        return new Board(created.getString("id"), created.getString("joinCode").replace("-", ""));
    }

    ApiClient trainee(Board board, String name) {
        Reply joined = anonymous.from(Staff.uniqueAddress())
                .post("api/participants", json("{'code':'" + board.code() + "','displayName':'" + name + "'}"));
        assertEquals(201, joined.status(), joined.body());
        return anonymous.withHeader("Rounds-Participant", joined.json().getString("token"));
    }

    BoardClient moderation(Board board) {
        return BoardClient.connect(uri(), "ws/moderation/" + board.id(),
                Map.of("Authorization", presenter.header("Authorization"), "Origin", origin));
    }

    BoardClient audience(Board board, String query) {
        return BoardClient.connect(uri(), "ws/public/" + board.code() + query, Map.of("Origin", origin));
    }

    String ask(ApiClient trainee, String text) {
        Reply asked = trainee.post("api/participants/me/questions", json("{'text':'" + text + "'}"));
        assertEquals(201, asked.status(), asked.body());
        return asked.json().getString("id");
    }

    void moderate(Board board, String questionId, String status) {
        Reply moderated = presenter.put("api/sessions/" + board.id() + "/questions/" + questionId + "/status",
                json("{'status':'" + status + "'}"));
        assertEquals(200, moderated.status(), moderated.body());
    }

    URI uri() {
        return URI.create(base.toString());
    }

    @Test
    void publicStreamCarriesOnlyApprovedQuestionsAndNoIdentity() throws Exception {
        Board board = session("PRE_MODERATION");
        ApiClient sam = trainee(board, "Sam");
        try (BoardClient staffView = moderation(board); BoardClient publicView = audience(board, "")) {
            assertEquals(0, publicView.next("snapshot").getJsonObject("data").getJsonArray("questions").size());
            staffView.next("snapshot");

            String pending = ask(sam, "Is this pending?");
            JsonObject created = staffView.next("contribution.created").getJsonObject("data");
            assertEquals(pending, created.getString("id"));
            assertEquals("PENDING", created.getString("status"));
            assertEquals("Sam", created.getString("authorName"));

            String rejected = ask(sam, "Will this be rejected?");
            staffView.next("contribution.created");
            moderate(board, rejected, "REJECTED");
            moderate(board, pending, "APPROVED");
            JsonObject shown = publicView.next("contribution.created");
            assertEquals(pending, shown.getJsonObject("data").getString("id"),
                    "the first public frame is the approved question: nothing about the pending or rejected one");
            assertEquals(Set.of("id", "text", "votes", "answered", "pinned", "createdAt"),
                    shown.getJsonObject("data").keySet(), "no author, status or screening on the public stream");

            moderate(board, pending, "HIDDEN");
            JsonObject removed = publicView.next("contribution.removed");
            assertEquals(pending, removed.getJsonObject("data").getString("id"));
            assertEquals(Set.of("id"), removed.getJsonObject("data").keySet());
            moderate(board, rejected, "PENDING");
            for (JsonObject left : publicView.drain()) {
                assertFalse(left.toString().contains(rejected) || left.toString().contains(pending),
                        "nothing more about the hidden, rejected or pending question: " + left);
            }
        }
    }

    @Test
    void flaggedQuestionsAreHeldEvenWithoutPreModeration() throws Exception {
        Board board = session("POST_MODERATION");
        ApiClient trainee = trainee(board, "Kim");
        try (BoardClient staffView = moderation(board); BoardClient publicView = audience(board, "")) {
            staffView.next("snapshot");
            publicView.next("snapshot");
            Reply held = trainee.post("api/participants/me/questions",
                    json("{'text':'Can you mail the slides to kim.doe@example.org?'}"));
            assertEquals("PENDING", held.json().getString("status"));
            assertFalse(held.body().contains("screening"), "the author does not see why it was held");
            JsonObject moderated = staffView.next("contribution.created").getJsonObject("data");
            assertEquals("PENDING", moderated.getString("status"));
            assertEquals("EMAIL", moderated.getJsonArray("screening").getJsonObject(0).getString("reason"));

            String clean = ask(trainee, "What is the maximum infusion rate?");
            assertEquals(clean, publicView.next("contribution.created").getJsonObject("data").getString("id"),
                    "a clean question shows at once; the held one never reached the public stream");

            assertEquals(clean, staffView.next("contribution.created").getJsonObject("data").getString("id"));

            // advice to a member of the public is held on the question path, with its reason in words
            Reply advice = trainee.post("api/participants/me/questions", json("{'text':'@jo_runs sounds like "
                    + "shingles, ask your GP for aciclovir, no need for A&E'}"));
            assertEquals("PENDING", advice.json().getString("status"));
            JsonObject adviceFinding = staffView.next("contribution.created").getJsonObject("data")
                    .getJsonArray("screening").getJsonObject(0);
            assertEquals("MEDICAL_ADVICE", adviceFinding.getString("reason"));
            assertTrue(adviceFinding.getString("why").contains("doctor"), adviceFinding.toString());

            // a scenario card's "patient" is a note for the moderators, not a hold
            String scenario = ask(trainee, "Scenario 3: Mrs Jones, 72, post-op day 2, HR 118. First action?");
            JsonObject noted = staffView.next("contribution.created").getJsonObject("data");
            assertEquals(scenario, noted.getString("id"));
            assertEquals("APPROVED", noted.getString("status"), "post-moderation: not held");
            assertEquals(0, noted.getJsonArray("screening").size());
            JsonObject note = noted.getJsonArray("screeningNotes").getJsonObject(0);
            assertEquals("PERSON_NAME", note.getString("reason"));
            assertTrue(note.getString("why").contains("not real"), note.toString());
            assertEquals(scenario, publicView.next("contribution.created").getJsonObject("data").getString("id"));
        }

        // and on the feedback path: an advising comment stays out of the summary the staff see
        assertEquals(200, trainee.post("api/participants/me/feedback", json("{'rating':5,'comment':'Your mum "
                + "should stop her amlodipine if her ankles swell, she does not need the GP'}")).status());
        JsonObject entry = presenter.get("api/sessions/" + board.id() + "/feedback").json().getJsonArray("entries")
                .getJsonObject(0);
        assertEquals("MEDICAL_ADVICE", entry.getJsonArray("screening").getJsonObject(0).getString("reason"));
        assertTrue(presenter.get("api/sessions/" + board.id() + "/feedback").json().getJsonObject("summary")
                .getJsonArray("latestComments").isEmpty(), "held comments are not in the summary");
    }

    @Test
    void reconnectingWithTheLastSeqDeliversExactlyWhatWasMissed() throws Exception {
        Board board = session("POST_MODERATION");
        ApiClient trainee = trainee(board, "Lee");
        long lastSeen;
        try (BoardClient publicView = audience(board, "")) {
            publicView.next("snapshot");
            ask(trainee, "First?");
            lastSeen = publicView.next("contribution.created").getJsonNumber("seq").longValue();
        }
        List<String> missed = List.of(ask(trainee, "Second?"), ask(trainee, "Third?"), ask(trainee, "Fourth?"));
        try (BoardClient publicView = audience(board, "?since=" + lastSeen)) {
            List<JsonObject> frames = List.of(publicView.next(), publicView.next(), publicView.next());
            for (int i = 0; i < 3; i++) {
                assertEquals("contribution.created", frames.get(i).getString("type"));
                assertEquals(lastSeen + 1 + i, frames.get(i).getJsonNumber("seq").longValue());
                assertEquals(missed.get(i), frames.get(i).getJsonObject("data").getString("id"));
            }
            JsonObject counts = publicView.next("votes");
            assertEquals(lastSeen + 3, counts.getJsonNumber("seq").longValue());
            assertEquals(4, counts.getJsonObject("data").size(), "then today's vote counts of every question");
            String live = ask(trainee, "Fifth?");
            JsonObject next = publicView.next("contribution.created");
            assertEquals(lastSeen + 4, next.getJsonNumber("seq").longValue());
            assertEquals(live, next.getJsonObject("data").getString("id"));
        }
        try (BoardClient fromNowhere = audience(board, "?since=999999")) {
            assertEquals(5, fromNowhere.next("snapshot").getJsonObject("data").getJsonArray("questions").size());
        }
    }

    @Test
    void aReplayAfterAHideCarriesNoHiddenText() throws Exception {
        Board board = session("PRE_MODERATION");
        ApiClient trainee = trainee(board, "Ray");
        long lastSeen;
        try (BoardClient publicView = audience(board, "")) {
            lastSeen = publicView.next("snapshot").getJsonNumber("seq").longValue();
        }
        String hidden = ask(trainee, "Words only the room saw then");
        String shown = ask(trainee, "Words that stay up");
        moderate(board, hidden, "APPROVED");
        moderate(board, shown, "APPROVED");
        Reply pinned = presenter.put("api/sessions/" + board.id() + "/questions/" + hidden + "/flags",
                json("{'pinned':true}"));
        assertEquals(200, pinned.status(), pinned.body());
        moderate(board, hidden, "HIDDEN");

        try (BoardClient replayed = audience(board, "?since=" + lastSeen)) {
            List<JsonObject> frames = new ArrayList<>();
            JsonObject frame;
            do {
                frame = replayed.next();
                frames.add(frame);
            } while (!frame.getString("type").equals("votes"));
            long seq = lastSeen;
            for (JsonObject f : frames.subList(0, frames.size() - 1)) {
                assertEquals(++seq, f.getJsonNumber("seq").longValue(), "replayed without gaps: " + frames);
                JsonObject data = f.getJsonObject("data");
                if (data.getString("id").equals(hidden)) {
                    assertEquals("contribution.removed", f.getString("type"), f.toString());
                    assertEquals(Set.of("id"), data.keySet(), "a removal carries no text: " + f);
                }
            }
            assertFalse(frames.toString().contains("only the room saw"), "no hidden text replayed: " + frames);
            assertTrue(frames.toString().contains("Words that stay up"), "what is public now is replayed: " + frames);
            assertFalse(frames.getLast().getJsonObject("data").containsKey(hidden), "no votes of a hidden question");
        }
        try (BoardClient fresh = audience(board, "")) {
            JsonObject snapshot = fresh.next("snapshot");
            assertFalse(snapshot.toString().contains("only the room saw"), "nor in a snapshot: " + snapshot);
        }
    }

    @Test
    void aClientTooFarBehindGetsAFreshSnapshot() throws Exception {
        Board board = session("POST_MODERATION");
        ApiClient[] trainees = {trainee(board, "A"), trainee(board, "B"), trainee(board, "C"), trainee(board, "D"),
                trainee(board, "E")};
        for (int i = 0; i < 21; i++) {
            ask(trainees[i % trainees.length], "Question " + i);
        }
        try (BoardClient late = audience(board, "?since=0")) {
            JsonObject snapshot = late.next();
            assertEquals("snapshot", snapshot.getString("type"), "21 missed events is past the replay limit of 20");
            assertEquals(21, snapshot.getJsonNumber("seq").longValue());
            assertEquals(21, snapshot.getJsonObject("data").getJsonArray("questions").size());
        }
    }

    @Test
    void framesArriveInSequenceWithoutGapsOrDuplicatesUnderConcurrentPosts() throws Exception {
        Board board = session("POST_MODERATION");
        List<ApiClient> trainees = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            trainees.add(trainee(board, "T" + i));
        }
        try (BoardClient staffView = moderation(board); BoardClient publicView = audience(board, "")) {
            long staffSeq = staffView.next("snapshot").getJsonNumber("seq").longValue();
            long publicSeq = publicView.next("snapshot").getJsonNumber("seq").longValue();
            try (var parallel = Executors.newFixedThreadPool(20)) {
                List<Future<String>> asked = new ArrayList<>();
                for (ApiClient t : trainees) {
                    asked.add(parallel.submit(() -> ask(t, "Concurrent question")));
                }
                for (Future<String> f : asked) {
                    f.get();
                }
            }
            for (BoardClient view : List.of(staffView, publicView)) {
                long seq = view == staffView ? staffSeq : publicSeq;
                Set<String> ids = new HashSet<>();
                for (int i = 0; i < 20; i++) {
                    JsonObject frame = view.next("contribution.created");
                    assertEquals(++seq, frame.getJsonNumber("seq").longValue(), "consecutive, in order");
                    assertTrue(ids.add(frame.getJsonObject("data").getString("id")), "no duplicates");
                }
            }
        }
    }

    @Test
    void handshakesWithoutAuthorityOrFromAnotherSiteAreRefused() {
        Board board = session("PRE_MODERATION");
        ApiClient colleague = staff.create("presenter").client();
        assertEquals(401, BoardClient.refusedWith(uri(), "ws/moderation/" + board.id(), Map.of("Origin", origin)));
        assertEquals(403, BoardClient.refusedWith(uri(), "ws/moderation/" + board.id(),
                Map.of("Origin", origin, "Authorization", colleague.header("Authorization"))));
        assertEquals(403, BoardClient.refusedWith(uri(), "ws/moderation/" + board.id(),
                Map.of("Origin", "https://evil.example", "Authorization", presenter.header("Authorization"))));
        assertEquals(403, BoardClient.refusedWith(uri(), "ws/public/" + board.code(), Map.of("Origin", "https://evil.example")));
        assertEquals(404, BoardClient.refusedWith(uri(), "ws/public/ZZZZZZZZ", Map.of("Origin", origin)));
        ApiClient reviewer = staff.create("reviewer").client();
        assertEquals(403, BoardClient.refusedWith(uri(), "ws/moderation/" + board.id(),
                Map.of("Origin", origin, "Authorization", reviewer.header("Authorization"))));
    }

    @Test
    void oneTraineesTogglesAtOnceAreAllAnsweredAndLeaveOneVoteOrNone() throws Exception {
        Board board = session("POST_MODERATION");
        ApiClient voter = trainee(board, "Quick fingers");
        String question = ask(voter, "Double-tapped?");
        List<Reply> replies = new ArrayList<>();
        try (var parallel = Executors.newFixedThreadPool(16)) {
            List<Future<Reply>> toggles = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                toggles.add(parallel.submit(() -> voter.post("api/participants/me/questions/" + question + "/vote",
                        null)));
            }
            for (Future<Reply> toggle : toggles) {
                replies.add(toggle.get());
            }
        }
        // InnoDB broke deadlocks between them by rolling one back, which answered 500
        assertEquals(List.of(), replies.stream().filter(r -> r.status() != 200).map(Reply::toString).toList());
        int stored = storedVotes(question);
        assertTrue(stored <= 1, "one vote or none: " + stored);
    }

    /** The votes stored for a question, read from the database itself. */
    private static int storedVotes(String question) throws Exception {
        try (Connection db = PayaraProcess.itDatabaseConnection();
             PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM question_vote WHERE question_id = ?")) {
            count.setString(1, question);
            try (ResultSet votes = count.executeQuery()) {
                votes.next();
                return votes.getInt(1);
            }
        }
    }

    @Test
    void votesToggleAndAreBroadcastCoalesced() throws Exception {
        Board board = session("POST_MODERATION");
        ApiClient author = trainee(board, "Author");
        String question = ask(author, "Vote for me?");
        List<ApiClient> voters = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            voters.add(trainee(board, "V" + i));
        }
        try (BoardClient publicView = audience(board, "")) {
            publicView.next("snapshot");
            long started = System.nanoTime();
            try (var parallel = Executors.newFixedThreadPool(20)) {
                List<Future<Reply>> votes = new ArrayList<>();
                for (ApiClient voter : voters) {
                    votes.add(parallel.submit(() -> voter.post("api/participants/me/questions/" + question + "/vote", null)));
                }
                for (Future<Reply> vote : votes) {
                    assertTrue(vote.get().json().getBoolean("voted"));
                }
            }
            List<JsonObject> frames = publicView.until(f -> "votes".equals(f.getString("type"))
                    && f.getJsonObject("data").getInt(question, -1) == 40);
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            long voteFrames = frames.stream().filter(f -> "votes".equals(f.getString("type"))).count();
            assertTrue(voteFrames <= elapsedMillis / 200 + 2,
                    voteFrames + " votes frames in " + elapsedMillis + " ms: at most one per 200 ms tick");
            assertTrue(voteFrames < 40, "coalesced: fewer frames than votes");

            Reply undone = voters.getFirst().post("api/participants/me/questions/" + question + "/vote", null);
            assertFalse(undone.json().getBoolean("voted"));
            assertEquals(39, undone.json().getInt("votes"));
            publicView.until(f -> "votes".equals(f.getString("type")) && f.getJsonObject("data").getInt(question, -1) == 39);
        }
    }

    /**
     * Votes sent at once are stored together: each is answered with the count as it stood with the votes before it
     * (never two answers with one count), one refused vote refuses no other, and one key sent twice at once is one vote.
     */
    @Test
    void votesSentAtOnceAreEachAnsweredAsIfAloneAndOneRefusalRefusesNoOther() throws Exception {
        Board board = session("POST_MODERATION");
        ApiClient author = trainee(board, "Author");
        String question = ask(author, "Counted one by one?");
        List<ApiClient> voters = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            voters.add(trainee(board, "Voter " + i));
        }
        ApiClient twice = trainee(board, "Twice").withHeader("Idempotency-Key", "tap-" + Staff.uniqueSuffix());
        ApiClient astray = trainee(board, "Astray");
        List<Future<Reply>> votes = new ArrayList<>();
        List<Future<Reply>> copies = new ArrayList<>();
        Future<Reply> missing;
        Future<Reply> tooLongKey;
        try (var parallel = Executors.newFixedThreadPool(34)) {
            for (ApiClient voter : voters) {
                votes.add(parallel.submit(() -> voter.post("api/participants/me/questions/" + question + "/vote", null)));
            }
            for (int i = 0; i < 2; i++) {
                copies.add(parallel.submit(() -> twice.post("api/participants/me/questions/" + question + "/vote", null)));
            }
            missing = parallel.submit(() -> astray.post("api/participants/me/questions/no-such-question/vote", null));
            tooLongKey = parallel.submit(() -> astray.withHeader("Idempotency-Key", "k".repeat(101))
                    .post("api/participants/me/questions/" + question + "/vote", null));
        }
        List<Integer> counts = new ArrayList<>();
        for (Future<Reply> vote : votes) {
            Reply reply = vote.get();
            assertEquals(200, reply.status(), reply.body());
            assertTrue(reply.json().getBoolean("voted"), reply.body());
            counts.add(reply.json().getInt("votes"));
        }
        Reply first = copies.get(0).get();
        Reply second = copies.get(1).get();
        assertEquals(200, first.status(), first.body());
        assertEquals(first.body(), second.body(), "the copy gets the first answer, not a toggle back");
        assertTrue(first.json().getBoolean("voted"));
        counts.add(first.json().getInt("votes"));
        TraineeApiIT.assertProblem(missing.get(), 404, "question-not-found");
        TraineeApiIT.assertProblem(tooLongKey.get(), 400, "validation-failed");
        counts.sort(null);
        assertEquals(IntStream.rangeClosed(1, 31).boxed().toList(), counts,
                "each answer counts the votes stored before it, and only those");
        assertEquals(31, storedVotes(question), "thirty voters and one key sent twice: 31 votes");
        Reply retried = twice.post("api/participants/me/questions/" + question + "/vote", null);
        assertEquals(first.body(), retried.body(), "a later retry with the key is answered as the first was");
    }

    /**
     * A hall asking at once: the questions are stored together (QuestionQueue) yet each is answered as if alone, a
     * refusal (a spent rate limit, a key too long) refuses no other, a key sent twice is one question, and both
     * streams carry each question once, in one order, without a gap; another session's question goes to its own board.
     */
    @Test
    void questionsAskedAtOnceAreEachAnsweredAsIfAloneAndReachTheBoardInOrder() throws Exception {
        Board board = session("POST_MODERATION");
        Board other = session("PRE_MODERATION");
        List<ApiClient> askers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            askers.add(trainee(board, "Asker " + i).from(Staff.uniqueAddress())); // the address limit: not here
        }
        ApiClient twice = trainee(board, "Twice").withHeader("Idempotency-Key", "ask-" + Staff.uniqueSuffix());
        ApiClient eager = trainee(board, "Eager");
        for (int i = 1; i <= 6; i++) {
            ask(eager, "Eager question " + i);
        }
        ApiClient elsewhere = trainee(other, "Elsewhere");
        try (BoardClient staffView = moderation(board); BoardClient publicView = audience(board, "");
             BoardClient otherView = moderation(other)) {
            long staffSeq = staffView.next("snapshot").getJsonNumber("seq").longValue();
            long publicSeq = publicView.next("snapshot").getJsonNumber("seq").longValue();
            otherView.next("snapshot");
            List<Future<Reply>> asked = new ArrayList<>();
            List<Future<Reply>> copies = new ArrayList<>();
            Future<Reply> limited;
            Future<Reply> tooLongKey;
            Future<Reply> fromElsewhere;
            try (var parallel = Executors.newFixedThreadPool(36)) {
                for (int i = 0; i < askers.size(); i++) {
                    ApiClient asker = askers.get(i);
                    String text = "{'text':'Asked at once, number " + i + "?'}";
                    asked.add(parallel.submit(() -> asker.post("api/participants/me/questions", json(text))));
                }
                for (int i = 0; i < 2; i++) {
                    copies.add(parallel.submit(() -> twice.post("api/participants/me/questions",
                            json("{'text':'Asked twice at once?'}"))));
                }
                limited = parallel.submit(() -> eager.post("api/participants/me/questions",
                        json("{'text':'One too many?'}")));
                tooLongKey = parallel.submit(() -> askers.get(0).withHeader("Idempotency-Key", "k".repeat(101))
                        .post("api/participants/me/questions", json("{'text':'A key too long?'}")));
                fromElsewhere = parallel.submit(() -> elsewhere.post("api/participants/me/questions",
                        json("{'text':'Asked in another session?'}")));
            }
            Set<String> ids = new HashSet<>();
            for (Future<Reply> question : asked) {
                Reply reply = question.get();
                assertEquals(201, reply.status(), reply.body());
                assertEquals("APPROVED", reply.json().getString("status"), reply.body());
                ids.add(reply.json().getString("id"));
            }
            Reply first = copies.get(0).get();
            Reply second = copies.get(1).get();
            assertEquals(201, first.status(), first.body());
            assertEquals(first.body(), second.body(), "the copy gets the first answer, not a question of its own");
            ids.add(first.json().getString("id"));
            assertEquals(31, ids.size(), "thirty questions and one sent twice: 31, each with its own id");
            TraineeApiIT.assertProblem(limited.get(), 429, "rate-limited");
            TraineeApiIT.assertProblem(tooLongKey.get(), 400, "validation-failed");
            Reply elsewhereReply = fromElsewhere.get();
            assertEquals(201, elsewhereReply.status(), elsewhereReply.body());

            List<String> staffOrder = new ArrayList<>();
            List<String> publicOrder = new ArrayList<>();
            for (int i = 1; i <= 31; i++) {
                JsonObject staffFrame = staffView.next("contribution.created");
                assertEquals(staffSeq + i, staffFrame.getJsonNumber("seq").longValue(), "no gap: " + staffFrame);
                staffOrder.add(staffFrame.getJsonObject("data").getString("id"));
                JsonObject publicFrame = publicView.next("contribution.created");
                assertEquals(publicSeq + i, publicFrame.getJsonNumber("seq").longValue(), "no gap: " + publicFrame);
                publicOrder.add(publicFrame.getJsonObject("data").getString("id"));
            }
            assertEquals(ids, new HashSet<>(staffOrder), "each stored question once on the moderation stream");
            assertEquals(staffOrder, publicOrder, "both streams in one order");
            assertEquals(elsewhereReply.json().getString("id"), otherView.next("contribution.created")
                    .getJsonObject("data").getString("id"), "the other session's question on its own board");
            assertEquals(37, presenter.get("api/sessions/" + board.id() + "/questions").array().size(),
                    "six before, thirty and the one sent twice: nothing refused was stored");
            Reply retried = twice.post("api/participants/me/questions", json("{'text':'Asked twice at once?'}"));
            assertEquals(first.body(), retried.body(), "a later retry with the key is answered as the first was");
        }
    }

    /** Clients joining one after another share a snapshot while nothing changes: never a stale one. */
    @Test
    void aClientJoiningLaterGetsTheBoardAsItIsNow() throws Exception {
        Board board = session("POST_MODERATION");
        ApiClient trainee = trainee(board, "Asker");
        try (BoardClient first = audience(board, "")) {
            first.next("snapshot");
            String question = ask(trainee, "Seen by latecomers?");
            first.next("contribution.created");
            try (BoardClient second = audience(board, "")) {
                JsonObject questions = second.next("snapshot").getJsonObject("data");
                assertEquals(question, questions.getJsonArray("questions").getJsonObject(0).getString("id"),
                        "a question pulled since the last snapshot is in the next one");
            }
            trainee.post("api/participants/me/questions/" + question + "/vote", null);
            first.until(f -> "votes".equals(f.getString("type")) && f.getJsonObject("data").getInt(question, -1) == 1);
            try (BoardClient third = audience(board, "")) {
                assertEquals(1, third.next("snapshot").getJsonObject("data").getJsonArray("questions")
                        .getJsonObject(0).getInt("votes"), "votes counted since the last snapshot are in the next one");
            }
        }
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyIsAnsweredOnce() {
        Board board = session("POST_MODERATION");
        ApiClient trainee = trainee(board, "Retry");
        ApiClient keyed = trainee.withHeader("Idempotency-Key", "key-" + Staff.uniqueSuffix());
        Reply first = keyed.post("api/participants/me/questions", json("{'text':'Asked once?'}"));
        Reply retried = keyed.post("api/participants/me/questions", json("{'text':'Asked once?'}"));
        assertEquals(201, retried.status());
        assertEquals(first.json().getString("id"), retried.json().getString("id"));
        assertEquals(1, trainee.get("api/participants/me/questions").array().size(), "stored once");
        Reply otherBody = keyed.post("api/participants/me/questions", json("{'text':'Something else'}"));
        assertEquals(422, otherBody.status(), otherBody.body());
        assertEquals("idempotency-key-reused", otherBody.problemType());

        String question = first.json().getString("id");
        ApiClient voteKey = trainee.withHeader("Idempotency-Key", "vote-" + Staff.uniqueSuffix());
        assertTrue(voteKey.post("api/participants/me/questions/" + question + "/vote", null).json().getBoolean("voted"));
        Reply again = voteKey.post("api/participants/me/questions/" + question + "/vote", null);
        assertTrue(again.json().getBoolean("voted"), "a retried toggle does not toggle back");
        assertEquals(1, again.json().getInt("votes"));
    }

    @Test
    void postingAndVotingAreRateLimited() {
        Board board = session("POST_MODERATION");
        ApiClient trainee = trainee(board, "Eager");
        for (int i = 1; i <= 6; i++) {
            ask(trainee, "Question number " + i);
        }
        Reply limited = trainee.post("api/participants/me/questions", json("{'text':'One too many'}"));
        assertEquals(429, limited.status(), limited.body());
        assertEquals("rate-limited", limited.problemType());
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
        assertEquals(6, trainee.get("api/participants/me/questions").array().size(), "the refused one was not stored");

        String address = Staff.uniqueAddress();
        List<ApiClient> neighbours = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            neighbours.add(trainee(board, "N" + i).from(address));
        }
        int accepted = 0;
        Reply last = null;
        long started = System.nanoTime();
        // until refused: on a loaded machine the refill earned while posting can outlast a fixed number of rounds
        for (int round = 0; round < 30 && (last == null || last.status() != 429); round++) {
            for (ApiClient neighbour : neighbours) {
                last = neighbour.post("api/participants/me/questions", json("{'text':'From the same network'}"));
                if (last.status() == 429) {
                    break;
                }
                accepted++;
            }
        }
        // the bucket refills gradually (40 a minute: one every 1.5 s), so a slow machine gets what it earned meanwhile
        long refilled = (System.nanoTime() - started) / 1_500_000_000L;
        assertTrue(accepted >= 40 && accepted <= 40 + refilled, accepted + " accepted in " + refilled * 1.5
                + " s: 40 posts per address per minute in the tests' configuration");
        assertEquals(429, last.status());
    }

    @Test
    void moderationFollowsItsRulesAndCanBeUndone() throws Exception {
        Board board = session("PRE_MODERATION");
        ApiClient trainee = trainee(board, "Rules");
        String question = ask(trainee, "Undo me?");
        String path = "api/sessions/" + board.id() + "/questions/" + question;
        assertEquals(409, presenter.put(path + "/status", json("{'status':'HIDDEN'}")).status(), "pending cannot be hidden");
        moderate(board, question, "REJECTED");
        moderate(board, question, "PENDING");
        moderate(board, question, "APPROVED");
        assertTrue(presenter.put(path + "/flags", json("{'answered':true,'pinned':true}")).json().getBoolean("answered"));
        JsonObject undone = presenter.put(path + "/flags", json("{'answered':false}")).json();
        assertFalse(undone.getBoolean("answered"));
        assertTrue(undone.getBoolean("pinned"), "flags not sent stay as they are");
        assertEquals("APPROVED", trainee.get("api/participants/me/questions").array().getJsonObject(0).getString("status"));
        assertEquals(1, presenter.get("api/sessions/" + board.id() + "/questions?status=approved&sort=votes").array().size());
        assertEquals(400, presenter.get("api/sessions/" + board.id() + "/questions?sort=random").status());

        presenter.put(path + "/flags", json("{'archived':true}"));
        assertEquals(0, presenter.get("api/sessions/" + board.id() + "/questions").array().size());
        assertEquals(1, presenter.get("api/sessions/" + board.id() + "/questions?archived=true").array().size());

        ApiClient colleague = staff.create("presenter").client();
        assertEquals(403, colleague.put(path + "/status", json("{'status':'HIDDEN'}")).status());
        Board other = session("PRE_MODERATION");
        assertEquals(404, presenter.put("api/sessions/" + other.id() + "/questions/" + question + "/status",
                json("{'status':'APPROVED'}")).status());
    }

    @Test
    void feedbackReachesTheStaffAsASummaryAndTheExport() throws Exception {
        Board board = session("PRE_MODERATION");
        ApiClient trainee = trainee(board, "Critic");
        try (BoardClient staffView = moderation(board)) {
            staffView.next("snapshot");
            assertEquals(200, trainee.post("api/participants/me/feedback", json("{'rating':4,'comment':'Good pace'}")).status());
            JsonObject summary = staffView.next("feedback.summary").getJsonObject("data");
            assertEquals(1, summary.getInt("count"));
            assertEquals(4.0, summary.getJsonNumber("average").doubleValue());
            assertEquals(1, summary.getJsonArray("distribution").getInt(3));
            assertEquals(200, trainee.post("api/participants/me/feedback", json("{'rating':2}")).status());
            JsonObject replaced = staffView.next("feedback.summary").getJsonObject("data");
            assertEquals(1, replaced.getInt("count"), "feedback again replaces the first");
            assertEquals(2.0, replaced.getJsonNumber("average").doubleValue());
        }
        assertEquals(400, trainee.post("api/participants/me/feedback", json("{'rating':6}")).status());
        assertEquals(200, trainee(board, "Formula").post("api/participants/me/feedback",
                json("{'rating':5,'comment':'@SUM(A1)'}")).status());
        ask(trainee, "=1+1");
        Reply csv = presenter.get("api/sessions/" + board.id() + "/export.csv");
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.body().startsWith("kind,id,created_at"), csv.body());
        assertTrue(csv.body().contains("'=1+1"), "formulas are defused: " + csv.body());
        assertTrue(csv.body().contains("'@SUM(A1)"), "in feedback comments too: " + csv.body());
        assertTrue(csv.body().contains("feedback"), csv.body());
        assertEquals(2, presenter.get("api/sessions/" + board.id() + "/feedback").json().getJsonArray("entries").size());
        assertEquals(401, anonymous.get("api/sessions/" + board.id() + "/export.csv").status());
    }

    @Test
    void sessionChangesReachBothStreams() throws Exception {
        Board board = session("PRE_MODERATION");
        try (BoardClient staffView = moderation(board); BoardClient publicView = audience(board, "")) {
            staffView.next("snapshot");
            publicView.next("snapshot");
            presenter.post("api/sessions/" + board.id() + "/start", null);
            assertEquals("LIVE", staffView.next("session.updated").getJsonObject("data").getString("status"));
            assertEquals("LIVE", publicView.next("session.updated").getJsonObject("data").getString("status"));
        }
    }

    @Test
    void aClientThatCannotKeepUpIsClosedWithoutSlowingTheOthers() throws Exception {
        Board board = session("PRE_MODERATION");
        String description = "x".repeat(4000);
        try (StalledSocket slow = new StalledSocket(uri(), "ws/public/" + board.code(), origin);
             BoardClient fast = audience(board, "")) {
            fast.next("snapshot");
            for (int i = 0; i < 400; i++) {
                assertEquals(200, presenter.put("api/sessions/" + board.id(),
                        json("{'title':'Revision " + i + "','description':'" + description + "'}")).status());
            }
            for (int i = 0; i < 400; i++) {
                assertEquals("Revision " + i, fast.next("session.updated").getJsonObject("data").getString("title"));
            }
            assertEquals(1013, slow.closeCode(10_000), "too far behind: closed with 1013 (try again later)");
        }
    }

    @Test
    void revokingATokenOrResettingAPasswordClosesTheStreamsItOpenedAtOnce() throws Exception {
        Staff.Member owner = staff.create("presenter");
        JsonObject created = owner.client().post("api/sessions", json("{'title':'Token revoked'}")).json();
        String path = "ws/moderation/" + created.getString("id");
        ApiClient script = owner.client(); // its own bearer token
        try (BoardClient byToken = BoardClient.connect(uri(), path,
                Map.of("Authorization", script.header("Authorization"), "Origin", origin))) {
            byToken.next("snapshot");
            assertEquals(204, script.delete("api/auth/tokens/current").status());
            // the heartbeat (every 2 s here) checks roles, not tokens: only the revocation itself can close it
            assertEquals(1008, byToken.closeCode(), "closed when its token was revoked");
        }
        ApiClient again = ApiClient.anonymous(base).withBearerFor(owner.username(), owner.password());
        try (BoardClient byPassword = BoardClient.connect(uri(), path,
                Map.of("Authorization", again.header("Authorization"), "Origin", origin))) {
            byPassword.next("snapshot");
            assertEquals(204, staff.admin().put("api/users/" + owner.username() + "/password",
                    json("{'password':'a-new-password-after-a-leak'}")).status());
            assertEquals(1008, byPassword.closeCode(), "closed when an admin reset the password");
        }
    }

    @Test
    void aModeratorWhoLosesAccessIsDisconnectedAndTheOthersStay() throws Exception {
        Staff.Member owner = staff.create("presenter");
        JsonObject created = owner.client().post("api/sessions", json("{'title':'Revoked'}")).json();
        Board board = new Board(created.getString("id"), created.getString("joinCode").replace("-", ""));
        try (BoardClient ownerView = BoardClient.connect(uri(), "ws/moderation/" + board.id(),
                Map.of("Authorization", owner.client().header("Authorization"), "Origin", origin));
             BoardClient adminView = BoardClient.connect(uri(), "ws/moderation/" + board.id(),
                     Map.of("Authorization", staff.admin().header("Authorization"), "Origin", origin))) {
            ownerView.next("snapshot");
            adminView.next("snapshot");
            assertEquals(200, staff.admin().put("api/users/" + owner.username(),
                    json("{'roles':['reviewer'],'enabled':true}")).status());
            assertEquals(1008, ownerView.closeCode(), "closed as policy violation at the next heartbeat");
            assertEquals(List.of(), adminView.drain(), "the admin's stream goes on");
        }
    }

    @Test
    void pingsAreAnswered() throws Exception {
        Board board = session("PRE_MODERATION");
        try (BoardClient publicView = audience(board, "")) {
            long seq = publicView.next("snapshot").getJsonNumber("seq").longValue();
            publicView.send("ping");
            JsonObject pong = publicView.next("pong");
            assertEquals(seq, pong.getJsonNumber("seq").longValue());
        }
    }
}
