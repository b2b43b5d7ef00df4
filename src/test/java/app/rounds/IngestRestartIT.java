package app.rounds;

import app.rounds.testing.ApiClient;
import app.rounds.testing.PayaraProcess;
import app.rounds.testing.Reply;
import app.rounds.testing.StandInMastodon;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static app.rounds.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static app.rounds.testing.Conditions.await;

/**
 * A crash in the middle of ingestion: Rounds on a Payara Micro process of the test's own is killed (no shutdown) while
 * it takes a burst of 500 posts from a slow instance, then started again on the same database. Everything arrives,
 * nothing twice. Its processes run with production defaults where the shared test server ({@code RunningRounds})
 * shortens them, so it also checks the one default the others cannot: passwords hashed with 210,000 iterations.
 */
class IngestRestartIT {

    @Test
    void aKillInTheMiddleOfABurstLosesNothingAndDuplicatesNothing() throws Exception {
        String database = PayaraProcess.freshDatabase("_restart");
        // a short lease: the restarted instance waits out the killed one's before it polls (SourceLeases)
        String[] settings = {"rounds.ingest.allow-local-sources=true", "rounds.ingest.poll-seconds=1",
                "rounds.ingest.tick-millis=100", "rounds.ingest.lease-seconds=3"};
        try (StandInMastodon instance = new StandInMastodon()) {
            String sessionId;
            String hashtag = "Restart" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
            try (PayaraProcess first = new PayaraProcess(database, settings).start()) {
                ApiClient admin = ApiClient.anonymous(first.url()).withBearerFor("admin", PayaraProcess.adminPassword());
                assertEquals("210000", adminHashIterations(database),
                        "without settings, passwords are hashed with the production default of iterations");
                sessionId = admin.post("api/sessions", json("{'title':'Restart','hashtag':'" + hashtag + "'}"))
                        .json().getString("id");
                for (int i = 0; i < 500; i++) {
                    instance.publish("t" + i, "<p>Burst question " + i + "? #" + hashtag + "</p>", hashtag);
                }
                instance.answerAfter(Duration.ofMillis(300)); // 13 pages: a few seconds to take them all
                Reply added = admin.post("api/sessions/" + sessionId + "/sources",
                        json("{'kind':'MASTODON','label':'slow','baseUrl':'" + instance.baseUrl() + "'}"));
                assertEquals(201, added.status(), added.body());
                await("part of the burst", Duration.ofSeconds(60), () -> {
                    int taken = questions(admin, sessionId).size();
                    return taken >= 80 && taken < 500;
                });
                first.kill();
            }
            int callsBefore = instance.requests().size();
            try (PayaraProcess second = new PayaraProcess(database, settings).start()) {
                ApiClient admin = ApiClient.anonymous(second.url()).withBearerFor("admin", PayaraProcess.adminPassword());
                await("the whole burst after the restart", Duration.ofSeconds(90),
                        () -> questions(admin, sessionId).size() >= 500);
                List<JsonObject> questions = questions(admin, sessionId);
                assertEquals(500, questions.size(), "nothing twice");
                assertEquals(500, questions.stream().map(q -> q.getString("text")).distinct().count());
                assertTrue(instance.requests().size() > callsBefore, "the restarted instance went on polling");
                String initial = instance.requests().getFirst().get("min_id");
                String resumed = instance.requests().get(callsBefore).get("min_id");
                assertTrue(StandInMastodon.newer(resumed, initial),
                        "it resumed from the saved cursor, not from the start: " + initial + " → " + resumed);
            }
        }
    }

    /** The iterations in the stored hash of the first admin (PBKDF2 hashes read "algorithm:iterations:salt:hash"). */
    static String adminHashIterations(String database) throws SQLException {
        try (Connection connection = PayaraProcess.connection(database);
             ResultSet hash = connection.createStatement()
                     .executeQuery("SELECT password_hash FROM staff_user WHERE username = 'admin'")) {
            assertTrue(hash.next(), "the first admin exists");
            return hash.getString(1).split(":")[1];
        }
    }

    static List<JsonObject> questions(ApiClient admin, String sessionId) {
        return admin.get("api/sessions/" + sessionId + "/questions").array().getValuesAs(JsonObject.class);
    }

}
