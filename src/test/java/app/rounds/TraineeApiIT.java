package app.rounds;

import app.rounds.testing.ApiClient;
import app.rounds.testing.BoardClient;
import app.rounds.testing.Reply;
import app.rounds.testing.RunningRounds;
import app.rounds.testing.Staff;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static app.rounds.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the trainee page asks of the API, against the deployed app: a participant's own votes read back (so every tab
 * shows them), votes set rather than toggled, their own questions withdrawn (and only their own), and quoting by name
 * refused without a name.
 */
@ExtendWith(RunningRounds.class)
class TraineeApiIT {

    @RunningRounds.Base
    URL base;

    ApiClient anonymous;
    ApiClient presenter;
    String origin;

    @BeforeEach
    void clients() {
        anonymous = ApiClient.anonymous(base).from(Staff.uniqueAddress());
        presenter = new Staff(anonymous).create("presenter").client();
        origin = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    record Session(String id, String code) {
    }

    Session session(String moderationMode) {
        JsonObject created = presenter.post("api/sessions", json("{'title':'Trainee " + Staff.uniqueSuffix()
                + "','moderationMode':'" + moderationMode + "'}")).json();
        return new Session(created.getString("id"), created.getString("joinCode").replace("-", ""));
    }

    ApiClient trainee(Session session, String name) {
        Reply joined = anonymous.from(Staff.uniqueAddress())
                .post("api/participants", json("{'code':'" + session.code() + "','displayName':'" + name + "'}"));
        assertEquals(201, joined.status(), joined.body());
        return anonymous.withHeader("Rounds-Participant", joined.json().getString("token"));
    }

    static String ask(ApiClient trainee, String text) {
        Reply asked = trainee.post("api/participants/me/questions", json("{'text':'" + text + "'}"));
        assertEquals(201, asked.status(), asked.body());
        return asked.json().getString("id");
    }

    static List<String> votedFor(ApiClient trainee) {
        Reply votes = trainee.get("api/participants/me/questions/votes");
        assertEquals(200, votes.status(), votes.body());
        return votes.json().getJsonArray("questionIds").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
    }

    static Reply setVote(ApiClient trainee, String questionId, boolean voted) {
        return trainee.put("api/participants/me/questions/" + questionId + "/vote", "{\"voted\":" + voted + "}");
    }

    JsonObject ownQuestion(ApiClient trainee, String questionId) {
        return trainee.get("api/participants/me/questions").array().getValuesAs(JsonObject.class).stream()
                .filter(q -> q.getString("id").equals(questionId)).findFirst().orElseThrow();
    }

    static void assertProblem(Reply reply, int status, String type) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(type, reply.problemType(), reply.body());
    }

    @Test
    void aTraineesVotesAreReadBackFromTheServerAndSettingOneTwiceKeepsIt() {
        Session session = session("POST_MODERATION");
        ApiClient sam = trainee(session, "Sam");
        ApiClient ana = trainee(session, "Ana");
        String question = ask(ana, "Where is the crash trolley checklist?");
        assertEquals(List.of(), votedFor(sam));

        Reply voted = setVote(sam, question, true);
        assertEquals(200, voted.status(), voted.body());
        assertTrue(voted.json().getBoolean("voted"));
        // a second tab that still showed "not voted" says the same thing again: the vote stays
        Reply again = setVote(sam, question, true);
        assertTrue(again.json().getBoolean("voted"), again.body());
        assertEquals(1, again.json().getInt("votes"), again.body());
        assertEquals(List.of(question), votedFor(sam), "any tab reads the vote back");
        assertEquals(List.of(), votedFor(ana), "another participant's votes are their own");

        assertFalse(setVote(sam, question, false).json().getBoolean("voted"));
        assertFalse(setVote(sam, question, false).json().getBoolean("voted"), "taking back twice leaves it taken back");
        assertEquals(List.of(), votedFor(sam));

        assertProblem(sam.put("api/participants/me/questions/" + question + "/vote", "{}"), 400, "validation-failed");
        assertProblem(anonymous.get("api/participants/me/questions/votes"), 401, "unauthenticated");
        assertEquals(List.of(), votedFor(sam), "a refused vote changed nothing");
    }

    @Test
    void aWithdrawnQuestionLeavesTheBoardAndTheModerationQueueLiveAndCanNeverBeApproved() throws Exception {
        Session session = session("PRE_MODERATION");
        ApiClient sam = trainee(session, "Sam");
        try (BoardClient staffView = BoardClient.connect(URI.create(base.toString()), "ws/moderation/" + session.id(),
                Map.of("Authorization", presenter.header("Authorization"), "Origin", origin));
             BoardClient publicView = BoardClient.connect(URI.create(base.toString()), "ws/public/" + session.code(),
                     Map.of("Origin", origin))) {
            staffView.next("snapshot");
            publicView.next("snapshot");

            String waiting = ask(sam, "Can I withdraw this before it is approved?");
            assertEquals("PENDING", staffView.next("contribution.created").getJsonObject("data").getString("status"));
            Reply withdrawn = sam.delete("api/participants/me/questions/" + waiting);
            assertEquals(200, withdrawn.status(), withdrawn.body());
            assertEquals("WITHDRAWN", withdrawn.json().getString("status"));
            JsonObject left = staffView.next("contribution.updated").getJsonObject("data");
            assertEquals(waiting, left.getString("id"));
            assertEquals("WITHDRAWN", left.getString("status"), "presenters see it leave the queue at once");
            assertEquals(0, presenter.get("api/sessions/" + session.id() + "/questions?status=PENDING").array().size());
            assertProblem(presenter.put("api/sessions/" + session.id() + "/questions/" + waiting + "/status",
                    json("{'status':'APPROVED'}")), 409, "moderation-not-allowed");

            String shown = ask(sam, "And this one once it is on the board?");
            staffView.next("contribution.created");
            presenter.put("api/sessions/" + session.id() + "/questions/" + shown + "/status", json("{'status':'APPROVED'}"));
            assertEquals(shown, publicView.next("contribution.created").getJsonObject("data").getString("id"));
            assertTrue(ownQuestion(sam, shown).getBoolean("onBoard"));
            assertEquals(200, sam.delete("api/participants/me/questions/" + shown).status());
            JsonObject removed = publicView.next("contribution.removed").getJsonObject("data");
            assertEquals(shown, removed.getString("id"));
            assertEquals(Set.of("id"), removed.keySet(), "a removal carries no text");
            JsonObject own = ownQuestion(sam, shown);
            assertEquals("WITHDRAWN", own.getString("status"));
            assertFalse(own.getBoolean("onBoard"));

            Reply twice = sam.delete("api/participants/me/questions/" + shown);
            assertEquals(200, twice.status(), "withdrawing again answers as the first time did: " + twice.body());
            assertEquals("WITHDRAWN", twice.json().getString("status"));
            assertProblem(setVote(trainee(session, "Ana"), shown, true), 404, "question-not-found");
            for (JsonObject later : publicView.drain()) {
                assertFalse(later.toString().contains("once it is on the board"), "nothing of it again: " + later);
            }
        }
    }

    @Test
    void aTraineeCanWithdrawOnlyTheirOwnQuestion() {
        Session session = session("POST_MODERATION");
        ApiClient sam = trainee(session, "Sam");
        ApiClient ana = trainee(session, "Ana");
        String samsQuestion = ask(sam, "Is the hand hygiene audit monthly?");

        Reply refused = ana.delete("api/participants/me/questions/" + samsQuestion);
        assertProblem(refused, 403, "forbidden");
        assertTrue(refused.json().getString("detail").contains("Only the trainee who asked"), refused.body());
        assertProblem(anonymous.delete("api/participants/me/questions/" + samsQuestion), 401, "unauthenticated");
        ApiClient elsewhere = trainee(session("POST_MODERATION"), "Lee");
        assertProblem(elsewhere.delete("api/participants/me/questions/" + samsQuestion), 404, "question-not-found");
        assertProblem(ana.delete("api/participants/me/questions/no-such-question"), 404, "question-not-found");

        JsonObject still = ownQuestion(sam, samsQuestion);
        assertEquals("APPROVED", still.getString("status"), "refused withdrawals change nothing");
        assertTrue(still.getBoolean("onBoard"));
    }

    @Test
    void aTraineeMayStillWithdrawAQuestionAfterTheSessionEnded() {
        Session session = session("POST_MODERATION");
        ApiClient sam = trainee(session, "Sam");
        String question = ask(sam, "Will the slides be shared?");
        assertEquals(200, presenter.post("api/sessions/" + session.id() + "/end", null).status());

        assertProblem(sam.post("api/participants/me/questions", json("{'text':'One more?'}")), 409, "session-ended");
        Reply withdrawn = sam.delete("api/participants/me/questions/" + question);
        assertEquals(200, withdrawn.status(), withdrawn.body());
        assertEquals("WITHDRAWN", withdrawn.json().getString("status"));
    }

    @Test
    void beingQuotedByNameWithoutANameIsRefusedInWordsAndChangesNothing() {
        Session session = session("POST_MODERATION");
        Reply refused = anonymous.from(Staff.uniqueAddress()).post("api/participants",
                json("{'code':'" + session.code() + "','displayName':'  ','quoteByName':true}"));
        assertProblem(refused, 400, "validation-failed");
        assertEquals(List.of("displayName"), refused.problemFields());
        assertTrue(refused.body().contains("Enter the name to be quoted by"), refused.body());

        Reply joined = anonymous.from(Staff.uniqueAddress()).post("api/participants",
                json("{'code':'" + session.code() + "','quoteByName':false}"));
        ApiClient anonymousTrainee = anonymous.withHeader("Rounds-Participant", joined.json().getString("token"));
        Reply later = anonymousTrainee.put("api/participants/me/quoting", json("{'quoteByName':true}"));
        assertProblem(later, 400, "validation-failed");
        assertEquals(List.of("quoteByName"), later.problemFields());
        assertFalse(anonymousTrainee.get("api/participants/me").json().getBoolean("quoteByName"));
    }
}
