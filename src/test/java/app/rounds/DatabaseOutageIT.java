package app.rounds;

import app.rounds.testing.ApiClient;
import app.rounds.testing.DatabaseRelay;
import app.rounds.testing.PayaraProcess;
import app.rounds.testing.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static app.rounds.testing.ApiClient.json;
import static app.rounds.testing.Conditions.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database goes away under a running Rounds and comes back. Rounds runs on a Payara Micro process of the test's
 * own (production defaults) whose database connections go through a {@link DatabaseRelay}, so that the test can stop
 * the database for this Rounds only. While it is away, a trainee's post, vote and poll answer, a staff member's
 * request and the public board's WebSocket handshake are answered at once with 503 problem+json and Retry-After, and
 * the log says so in a few lines; once it is back, everything answers as before without a restart, and nothing
 * acknowledged is lost.
 * Running with production defaults where the shared test server ({@code RunningRounds}) shortens them, it also checks
 * the one default the others cannot: passwords hashed with 210,000 iterations.
 */
class DatabaseOutageIT {

    /** How long an answer may take while the database is away: failing fast is the point. */
    static final Duration FAST = Duration.ofSeconds(5);
    /**
     * The same when its host is gone: connecting gives up after 3 s (DatabaseMigrations), and a request may meet that
     * twice (a pooled connection found broken, then a new one tried).
     */
    static final Duration FAST_WITHOUT_ANSWER = Duration.ofSeconds(10);

    @Test
    void anOutageIsAnsweredAtOnceWith503AndEverythingAnswersAgainWhenTheDatabaseIsBack() throws Exception {
        String databaseUrl = PayaraProcess.freshDatabase("_outage");
        try (DatabaseRelay database = new DatabaseRelay(databaseUrl);
             PayaraProcess rounds = new PayaraProcess(database.url(),
                     "rounds.limits.posts-per-participant-per-minute=1000").start()) {
            assertEquals("210000", adminHashIterations(databaseUrl),
                    "without settings, passwords are hashed with the production default of iterations");
            ApiClient anonymous = ApiClient.anonymous(rounds.url());
            ApiClient admin = anonymous.withBearerFor("admin", PayaraProcess.adminPassword());
            JsonObject session = admin.post("api/sessions",
                    json("{'title':'Outage','moderationMode':'POST_MODERATION'}")).json();
            String sessionId = session.getString("id");
            String code = session.getString("joinCode").replace("-", "");
            Reply joined = anonymous.post("api/participants", json("{'code':'" + code + "','displayName':'Sam'}"));
            assertEquals(201, joined.status(), joined.body());
            ApiClient trainee = anonymous.withHeader("Rounds-Participant", joined.json().getString("token"));
            Reply acknowledged = trainee.post("api/participants/me/questions",
                    json("{'text':'Asked before the outage: is it kept?'}"));
            assertEquals(201, acknowledged.status(), acknowledged.body());
            String vote = "api/participants/me/questions/" + acknowledged.json().getString("id") + "/vote";
            Reply prepared = admin.post("api/sessions/" + sessionId + "/polls", json("{'kind':'SINGLE_CHOICE',"
                    + "'title':'Ready for the drill?','options':[{'text':'Yes'},{'text':'Not yet'}]}"));
            assertEquals(201, prepared.status(), prepared.body());
            String poll = prepared.json().getString("id");
            assertEquals(200, admin.put("api/sessions/" + sessionId + "/polls/" + poll + "/state",
                    json("{'state':'OPEN'}")).status());
            String answer = "api/participants/me/polls/" + poll + "/answer";
            assertEquals(101, handshake(rounds.url(), "ws/public/" + code).status(), "the board opens before");

            List<Supplier<Reply>> requests = List.of(
                    () -> trainee.post("api/participants/me/questions", json("{'text':'Asked during the outage?'}")),
                    () -> admin.get("api/sessions/" + sessionId + "/questions"),
                    () -> trainee.post(vote, null), // refused by its batch's transaction, not left waiting
                    () -> trainee.post(answer, json("{'choices':[1]}")), // the same for a poll answer
                    () -> handshake(rounds.url(), "ws/public/" + code));

            long logLinesBefore = lines(rounds.log());
            database.stop();
            assertRefusedWithin(rounds, FAST, requests, 25);
            long logLinesDuringOutage = lines(rounds.log()) - logLinesBefore;
            assertTrue(logLinesDuringOutage < 50, "the outage took " + logLinesDuringOutage + " lines of log");
            System.out.println("DatabaseOutageIT: the outage's log: " + logLinesDuringOutage + " lines");
            long started = System.nanoTime();
            assertEquals(503, anonymous.get("health/ready").status(), "not ready while the database is away");
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(FAST) < 0, "readiness answers fast");

            database.start();
            await("Rounds answering again", Duration.ofSeconds(60),
                    () -> admin.get("api/sessions/" + sessionId + "/questions").status() == 200);
            await("the log saying the database is back", Duration.ofSeconds(30),
                    () -> logged(rounds.log(), "The database answers again after an outage"));

            // the database's host gone from the network: new connections get no answer, and wait a bounded time
            database.hang();
            assertRefusedWithin(rounds, FAST_WITHOUT_ANSWER, requests, 5);
            database.start();
            await("Rounds answering again after the hang", Duration.ofSeconds(60),
                    () -> admin.get("api/sessions/" + sessionId + "/questions").status() == 200);

            Reply after = trainee.post("api/participants/me/questions", json("{'text':'Asked after the outage?'}"));
            assertEquals(201, after.status(), after.body());
            Reply voted = trainee.post(vote, null);
            assertEquals(200, voted.status(), voted.body());
            assertEquals(1, voted.json().getInt("votes"), "the votes refused during the outage were not stored: "
                    + voted.body());
            Reply answered = trainee.post(answer, json("{'choices':[0]}"));
            assertEquals(200, answered.status(), answered.body());
            JsonObject results = admin.get("api/sessions/" + sessionId + "/polls").array().getJsonObject(0)
                    .getJsonObject("results");
            assertEquals(1, results.getInt("answered"), results.toString());
            assertEquals(101, handshake(rounds.url(), "ws/public/" + code).status(), "the board opens again");
            List<String> kept = admin.get("api/sessions/" + sessionId + "/questions").array()
                    .getValuesAs(JsonObject.class).stream().map(q -> q.getString("text")).toList();
            assertTrue(kept.contains("Asked before the outage: is it kept?"), kept.toString());
            assertTrue(kept.contains("Asked after the outage?"), kept.toString());
            assertTrue(!kept.contains("Asked during the outage?"), "a refused post is not stored: " + kept);
        }
    }

    /**
     * {@code count} requests, taking turns, each refused within {@code bound} as the database being unavailable; a
     * slower one fails with where the server's threads were waiting at the bound.
     */
    static void assertRefusedWithin(PayaraProcess rounds, Duration bound, List<Supplier<Reply>> requests, int count) {
        Duration slowest = Duration.ZERO;
        for (int i = 0; i < count; i++) {
            Supplier<Reply> request = requests.get(i % requests.size());
            int number = i;
            CompletableFuture<Path> lateDump = CompletableFuture.supplyAsync(() -> {
                try {
                    return rounds.threadDump("outage-request-" + number);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, CompletableFuture.delayedExecutor(bound.toMillis(), TimeUnit.MILLISECONDS));
            long started = System.nanoTime();
            Reply refused = request.get();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            lateDump.cancel(false);
            assertEquals(503, refused.status(), "request " + i + ": " + refused);
            assertTrue(String.valueOf(refused.contentType()).startsWith("application/problem+json"),
                    "request " + i + ": " + refused.contentType() + " " + refused);
            assertEquals("database-unavailable", refused.problemType(), refused.body());
            assertNotNull(refused.header("Retry-After"), "request " + i + " says when to try again");
            assertTrue(took.compareTo(bound) < 0, () -> "request " + number + " answered in " + took.toMillis()
                    + " ms; the server's threads then: " + lateDump.join());
            slowest = slowest.compareTo(took) < 0 ? took : slowest;
        }
        System.out.println("DatabaseOutageIT: " + count + " requests refused, the slowest in " + slowest.toMillis()
                + " ms");
    }

    private static boolean logged(Path log, String text) {
        try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.anyMatch(line -> line.contains(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path log) throws IOException {
        try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.count();
        }
    }

    /**
     * A WebSocket handshake over a plain socket, as a browser sends it from this site: unlike a WebSocket client
     * library, it shows a refusal's headers and body.
     */
    static Reply handshake(URL base, String path) {
        String origin = "http://" + base.getHost() + ":" + base.getPort();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET /" + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\nOrigin: " + origin + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String statusLine = in.readLine();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                headers.computeIfAbsent(line.substring(0, colon).strip(), h -> new ArrayList<>())
                        .add(line.substring(colon + 1).strip());
            }
            StringBuilder body = new StringBuilder();
            if (status != 101) {
                boolean chunked = headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked");
                int length = chunked ? Integer.parseInt(in.readLine().strip(), 16)
                        : Integer.parseInt(headers.getOrDefault("Content-Length", List.of("0")).getFirst());
                while (length > 0) {
                    for (int i = 0; i < length; i++) {
                        body.append((char) in.read()); // the problem is ASCII: a char a byte
                    }
                    if (!chunked) {
                        break;
                    }
                    in.readLine();
                    length = Integer.parseInt(in.readLine().strip(), 16);
                }
            }
            return new Reply(status, HttpHeaders.of(headers, (name, value) -> true), body.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
}
