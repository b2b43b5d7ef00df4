package app.rounds;

import app.rounds.testing.ApiClient;
import app.rounds.testing.BoardClient;
import app.rounds.testing.Reply;
import app.rounds.testing.RunningRounds;
import app.rounds.testing.Staff;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;

import static app.rounds.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session teams against the deployed WAR: an owner adds a co-presenter and a communicator, each may use their part
 * of the session and nothing else, through REST and the moderation WebSocket alike; bad input is refused in words;
 * a removal closes an open moderation stream at once; every team change is in the audit trail.
 */
@ExtendWith(RunningRounds.class)
class SessionTeamsIT {

    @RunningRounds.Base
    URL base;

    Staff staff;
    Staff.Member owner;
    Staff.Member coPresenter;
    Staff.Member communicator;
    String sessionId;
    String title;
    String origin;

    @BeforeEach
    void aSessionAndThreeStaff() {
        staff = new Staff(ApiClient.anonymous(base).from(Staff.uniqueAddress()));
        owner = staff.create("presenter");
        coPresenter = staff.create("presenter");
        communicator = staff.create("communicator");
        title = "Sepsis drill " + Staff.uniqueSuffix();
        Reply created = owner.client().post("api/sessions", json("{'title':'" + title + "'}"));
        assertEquals(201, created.status(), created.body());
        sessionId = created.json().getString("id");
        origin = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    @Test
    void eachTeamMemberUsesTheirPartAndNothingElse() throws Exception {
        Reply refused = communicator.client().get(session("/media"));
        assertProblem(refused, 403, "forbidden");
        String detail = refused.json().getString("detail");
        assertTrue(detail.contains("Test " + owner.username()) && detail.contains("as a communicator"),
                "says who can grant access, and which: " + detail);
        assertEquals(List.of(), parts(communicator.client().get(session("/access")).json()));

        Reply added = owner.client().put(team(coPresenter), json("{'role':'CO_PRESENTER'}"));
        assertEquals(201, added.status(), added.body());
        assertTrue(added.header("Location").endsWith(team(coPresenter)), added.header("Location"));
        assertEquals(201, owner.client().put(team(communicator), json("{'role':'communicator'}")).status());

        JsonObject listed = coPresenter.client().get("api/sessions").array().stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("id").equals(sessionId)).findFirst().orElseThrow(
                        () -> new AssertionError("the co-presenter sees the session under Sessions"));
        assertEquals(List.of("SEE", "BOARD"), parts(listed.getJsonObject("access")));
        assertEquals("CO_PRESENTER", listed.getJsonObject("access").getString("relation"));

        ApiClient co = coPresenter.client();
        assertEquals(200, co.get(session("/questions")).status());
        assertEquals(200, co.get(session("/feedback")).status());
        assertEquals(200, co.get(session("/sources")).status());
        assertEquals(200, co.get(session("/export.csv")).status());
        assertEquals(200, co.post(session("/start"), null).status(), "a co-presenter goes live");
        assertProblem(co.get(session("/media")), 403, "forbidden");
        assertProblem(co.get(session("/highlights")), 403, "forbidden");
        assertProblem(co.put(session(""), json("{'title':'Taken over'}")), 403, "forbidden");
        assertProblem(co.put(team(communicator), json("{'role':'CO_PRESENTER'}")), 403, "forbidden");
        try (BoardClient stream = moderation(coPresenter)) {
            assertEquals("snapshot", stream.next().getString("type"));
        }

        ApiClient comm = communicator.client();
        JsonObject access = comm.get(session("/access")).json();
        assertEquals(List.of("SEE", "MEDIA", "HIGHLIGHTS"), parts(access));
        assertTrue(access.getJsonObject("refusals").getString("BOARD").contains("co-presenter"),
                access.toString());
        assertEquals(200, comm.get(session("/media")).status());
        assertEquals(201, comm.post(session("/highlights"), json("{'title':'What we learnt'}")).status());
        assertProblem(comm.get(session("/questions")), 403, "forbidden");
        assertProblem(comm.post(session("/end"), null), 403, "forbidden");
        assertEquals(403, BoardClient.refusedWith(uri(), "ws/moderation/" + sessionId,
                Map.of("Authorization", comm.header("Authorization"), "Origin", origin)));

        JsonObject team = comm.get(session("/team")).json();
        assertEquals(owner.username(), team.getString("ownerUsername"));
        assertEquals(List.of(coPresenter.username() + "=CO_PRESENTER", communicator.username() + "=COMMUNICATOR"),
                team.getJsonArray("members").stream().map(JsonValue::asJsonObject)
                        .map(m -> m.getString("username") + "=" + m.getString("role")).toList());
    }

    @Test
    void badTeamChangesAreRefusedInWordsAndChangeNothing() {
        Staff.Member reviewer = staff.create("reviewer");
        ApiClient own = owner.client();

        Reply unknown = own.put(session("/team/nobody-" + Staff.uniqueSuffix()), json("{'role':'CO_PRESENTER'}"));
        assertProblem(unknown, 404, "user-not-found");
        assertTrue(unknown.json().getString("detail").contains("ask an admin"), unknown.body());
        Reply noRole = own.put(team(coPresenter), "{}");
        assertProblem(noRole, 400, "validation-failed");
        assertEquals(List.of("role"), noRole.problemFields());
        Reply badRole = own.put(team(coPresenter), json("{'role':'BOSS'}"));
        assertProblem(badRole, 400, "validation-failed");
        assertTrue(badRole.json().getString("detail").contains("co-presenter or communicator"), badRole.body());
        assertProblem(own.put(team(owner), json("{'role':'COMMUNICATOR'}")), 409, "team-owner");
        Reply notAPresenter = own.put(team(reviewer), json("{'role':'CO_PRESENTER'}"));
        assertProblem(notAPresenter, 409, "team-role-not-held");
        assertTrue(notAPresenter.json().getString("detail").contains("is not a presenter"), notAPresenter.body());
        assertProblem(own.put(team(coPresenter), json("{'role':'COMMUNICATOR'}")), 409, "team-role-not-held");
        assertProblem(own.delete(team(communicator)), 404, "team-member-not-found");
        assertProblem(own.put("api/sessions/no-such-session/team/" + coPresenter.username(),
                json("{'role':'CO_PRESENTER'}")), 404, "session-not-found");

        assertEquals(0, own.get(session("/team")).json().getJsonArray("members").size(), "nothing changed");
        assertEquals(List.of(), audit(coPresenter), "nothing on record");
    }

    /**
     * The team change closes the stream before its answer is sent (an after-commit observer on the request's thread),
     * so the close arrives right after the answer. The heartbeat (every 2 s here) also closes streams that lost the
     * board, with another reason, and now and then wins that race by a few milliseconds (seen in CI); without the
     * observer the close would come anywhere in the next 2 s, which the half-second bound catches three times in four.
     */
    private static void assertClosedAtOnce(BoardClient stream) throws Exception {
        long answered = System.nanoTime();
        assertEquals(1008, stream.closeCode());
        long tookMillis = (System.nanoTime() - answered) / 1_000_000;
        String reason = stream.closeReason();
        assertTrue(reason.equals("no longer running this session's board: the team changed")
                || reason.equals("no longer staff of this session"), reason);
        assertTrue(tookMillis < 500, "closed " + tookMillis + " ms after the change's answer (" + reason + ")");
    }

    @Test
    void aRemovalOrAChangeOfRoleClosesTheMembersModerationStreamAtOnceAndGoesOnRecord() throws Exception {
        Staff.Member otherPresenter = staff.create("presenter", "communicator");
        ApiClient own = owner.client();
        assertEquals(201, own.put(team(otherPresenter), json("{'role':'CO_PRESENTER'}")).status());
        assertEquals(201, own.put(team(coPresenter), json("{'role':'CO_PRESENTER'}")).status());

        try (BoardClient stays = moderation(coPresenter); BoardClient moved = moderation(otherPresenter)) {
            stays.next("snapshot");
            moved.next("snapshot");
            assertEquals(200, own.put(team(otherPresenter), json("{'role':'COMMUNICATOR'}")).status());
            assertClosedAtOnce(moved);
            assertEquals(List.of(), stays.drain(), "the other co-presenter's stream goes on");
        }
        assertEquals(200, otherPresenter.client().get(session("/media")).status(), "a communicator now");

        try (BoardClient stream = moderation(coPresenter)) {
            stream.next("snapshot");
            assertEquals(204, own.delete(team(coPresenter)).status());
            assertClosedAtOnce(stream);
        }
        assertProblem(coPresenter.client().get(session("/questions")), 403, "forbidden");
        assertEquals(403, BoardClient.refusedWith(uri(), "ws/moderation/" + sessionId,
                Map.of("Authorization", coPresenter.client().header("Authorization"), "Origin", origin)));
        assertFalse(coPresenter.client().get("api/sessions").array().stream().map(JsonValue::asJsonObject)
                .anyMatch(s -> s.getString("id").equals(sessionId)), "no longer under their Sessions");

        assertEquals(List.of("session.team.added", "session.team.removed"), audit(coPresenter));
        assertEquals(List.of("session.team.added", "session.team.changed"), audit(otherPresenter));
        JsonObject changed = staff.admin().get("api/audit?subjectType=session-team-member&subjectId="
                + otherPresenter.username()).array().getJsonObject(1);
        assertEquals(owner.username(), changed.getString("actor"));
        assertEquals(sessionId, changed.getString("sessionId"));
        assertEquals("{\"previousRole\":\"CO_PRESENTER\",\"role\":\"COMMUNICATOR\",\"username\":\""
                + otherPresenter.username() + "\"}", changed.getString("detail"));
        assertTrue(staff.admin().get("api/audit/verification").json().getBoolean("intact"), "the chain holds");
    }

    @Test
    void anAdminManagesAnyTeamAndTheApiIsDocumented() {
        assertEquals(201, staff.admin().put(team(communicator), json("{'role':'COMMUNICATOR'}")).status());
        assertEquals("COMMUNICATOR", communicator.client().get(team(communicator)).json().getString("role"));
        assertEquals(List.of("session.team.added"), audit(communicator));
        String openApi = ApiClient.anonymous(base).get("openapi").body();
        assertTrue(openApi.contains("/api/sessions/{sessionId}/team/{username}"), "the team is in /openapi");
        assertTrue(openApi.contains("/api/sessions/{id}/access"), "the access answer is in /openapi");
    }

    BoardClient moderation(Staff.Member member) {
        return BoardClient.connect(uri(), "ws/moderation/" + sessionId,
                Map.of("Authorization", member.client().header("Authorization"), "Origin", origin));
    }

    /** In the order recorded. */
    List<String> audit(Staff.Member member) {
        return staff.admin().get("api/audit?subjectType=session-team-member&subjectId=" + member.username()).array()
                .stream().map(e -> e.asJsonObject().getString("action")).toList();
    }

    static List<String> parts(JsonObject access) {
        return access.getJsonArray("parts").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    String session(String rest) {
        return "api/sessions/" + sessionId + rest;
    }

    String team(Staff.Member member) {
        return session("/team/" + member.username());
    }

    URI uri() {
        return URI.create(base.toString());
    }

    static void assertProblem(Reply reply, int status, String type) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(type, reply.problemType(), reply.body());
    }
}
