package app.rounds;

import app.rounds.testing.ApiClient;
import app.rounds.testing.BoardClient;
import app.rounds.testing.PayaraProcess;
import app.rounds.testing.Reply;
import app.rounds.testing.Staff;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static app.rounds.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two Rounds instances clustered on Payara's data grid, on one database: what a trainee does through one reaches the
 * board clients connected to the other, in order. Its own two processes (the shared test server runs alone).
 */
class ClusterIT {

    @Test
    void whatIsDoneThroughOneInstanceReachesTheClientsOfTheOther() throws Exception {
        String database = PayaraProcess.freshDatabase("_cluster");
        String cluster = "rounds-it-" + Staff.uniqueSuffix();
        int gridA = PayaraProcess.freePort();
        int gridB = PayaraProcess.freePort();
        try (PayaraProcess a = new PayaraProcess(database).inCluster(cluster, gridA, gridA, gridB);
             PayaraProcess b = new PayaraProcess(database).inCluster(cluster, gridB, gridA, gridB)) {
            // one after the other: two first starts at once on an empty database race to create the first admin
            a.start();
            b.start();

            ApiClient adminOfA = ApiClient.anonymous(a.url()).withBearerFor("admin", PayaraProcess.adminPassword());
            JsonObject session = adminOfA.post("api/sessions", json("{'title':'Cluster drill','moderationMode':"
                    + "'POST_MODERATION'}")).json();
            String code = session.getString("joinCode").replace("-", "");
            Reply counted = adminOfA.put("api/sessions/" + session.getString("id") + "/projector",
                    json("{'theme':'DARK','showQrCode':true,'showParticipants':true}"));
            assertEquals(200, counted.status(), counted.body());
            try (BoardClient projectorOnB = BoardClient.connect(uri(b.url()), "ws/public/" + code,
                    Map.of("Origin", origin(b.url())));
                 BoardClient projectorOnA = BoardClient.connect(uri(a.url()), "ws/public/" + code,
                         Map.of("Origin", origin(a.url())))) {
                assertEquals("snapshot", projectorOnB.next().getString("type"));
                assertEquals("snapshot", projectorOnA.next().getString("type"));

                ApiClient traineeOnA = joined(a.url(), code);
                JsonObject count = frame(projectorOnB, "participants").getJsonObject("data");
                assertEquals(1, count.getInt("count"), "a join on A counted on B's board");

                for (String text : List.of("Which lead first for a 12-lead ECG?", "Is V4 at the fifth intercostal space?")) {
                    Reply asked = traineeOnA.post("api/participants/me/questions", json("{'text':'" + text + "'}"));
                    assertEquals(201, asked.status(), asked.body());
                }
                JsonObject first = frame(projectorOnB, "contribution.created");
                JsonObject second = frame(projectorOnB, "contribution.created");
                assertEquals("Which lead first for a 12-lead ECG?", first.getJsonObject("data").getString("text"));
                assertEquals("Is V4 at the fifth intercostal space?", second.getJsonObject("data").getString("text"));
                assertTrue(first.getJsonNumber("seq").longValue() < second.getJsonNumber("seq").longValue(),
                        "in the order they were stored");

                // a vote through B is counted on B's tick and reaches A's clients
                ApiClient traineeOnB = joined(b.url(), code);
                String questionId = first.getJsonObject("data").getString("id");
                Reply voted = traineeOnB.post("api/participants/me/questions/" + questionId + "/vote", "");
                assertEquals(200, voted.status(), voted.body());
                JsonObject votes = frame(projectorOnA, "votes").getJsonObject("data");
                assertEquals(1, votes.getInt(questionId), votes.toString());
            }

            // a bearer token issued by A works on B, and revoked through A it stops working on B
            Staff.Member presenter = new Staff(ApiClient.anonymous(a.url())).create("presenter");
            ApiClient tokenOnB = ApiClient.anonymous(b.url()).withHeader("Authorization",
                    presenter.client().header("Authorization"));
            Reply me = tokenOnB.get("api/auth/me");
            assertEquals(200, me.status(), me.body());
            assertEquals(presenter.username(), me.json().getString("username"));
            assertEquals(204, presenter.client().delete("api/auth/tokens/current").status());
            assertEquals(401, tokenOnB.get("api/auth/me").status(), "revoked on every instance");

            // a highlight published and then taken down through A: B, which served it a moment ago, stops at once
            Staff staffOfA = new Staff(ApiClient.anonymous(a.url()));
            ApiClient communicator = staffOfA.create("communicator", "presenter").client();
            ApiClient reviewer = staffOfA.create("reviewer").client();
            String ownSession = communicator.post("api/sessions", json("{'title':'ECG refresher'}")).json()
                    .getString("id");
            String highlight = communicator.post("api/sessions/" + ownSession + "/highlights",
                    json("{'title':'ECG refresher, a morning well spent'}")).json().getString("id");
            Reply drafted = communicator.put("api/highlights/" + highlight, json("{'title':'ECG refresher, a morning "
                    + "well spent','publishOnApproval':true,'bodyHtml':'<p>Twelve leads, forty nurses.</p>','parts':[]}"));
            assertEquals(200, drafted.status(), drafted.body());
            assertEquals(200, communicator.post("api/highlights/" + highlight + "/submission", "{}").status());
            String hash = reviewer.get("api/reviews/" + highlight).json().getJsonObject("rendition").getString("hash");
            Reply approved = reviewer.post("api/reviews/" + highlight + "/decision", json("{'decision':'APPROVE',"
                    + "'renditionHash':'" + hash + "'}"));
            assertEquals(200, approved.status(), approved.body());
            ApiClient publicOnB = ApiClient.anonymous(b.url()).from(Staff.uniqueAddress());
            assertEquals(200, publicOnB.get("highlights/" + highlight).status(), "published, and now cached on B");
            Reply takenDown = communicator.delete("api/highlights/" + highlight + "/publication?reason=Consent+withdrawn");
            assertEquals(200, takenDown.status(), takenDown.body());
            long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            int status;
            do {
                status = publicOnB.get("highlights/" + highlight).status();
            } while (status != 410 && System.nanoTime() < deadline);
            assertEquals(410, status, "B serves the takedown made through A within a second");
        }
    }

    /** The next frame of that type, skipping the others (counts come on ticks, in any order with the rest). */
    static JsonObject frame(BoardClient client, String type) throws InterruptedException {
        return client.until(f -> type.equals(f.getString("type"))).getLast();
    }

    static ApiClient joined(URL instance, String code) {
        ApiClient phone = ApiClient.anonymous(instance).from(Staff.uniqueAddress());
        Reply joined = phone.post("api/participants", json("{'code':'" + code + "'}"));
        assertEquals(201, joined.status(), joined.body());
        return phone.withHeader("Rounds-Participant", joined.json().getString("token"));
    }

    static URI uri(URL url) {
        return URI.create(url.toString());
    }

    static String origin(URL url) {
        return url.getProtocol() + "://" + url.getHost() + ":" + url.getPort();
    }
}
