package app.rounds;

import app.rounds.run.LoadBalancer;
import app.rounds.testing.ApiClient;
import app.rounds.testing.BoardClient;
import app.rounds.testing.Conditions;
import app.rounds.testing.PayaraProcess;
import app.rounds.testing.Reply;
import app.rounds.testing.Staff;
import app.rounds.testing.StandInMastodon;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static app.rounds.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two Rounds instances clustered on Payara's data grid, on one database, started at once, behind HAProxy: what is done
 * through one reaches the board clients of the other in order, a trainee's posting limit holds across both, a
 * browser session or token works on both, and changes to what the other remembers (a session, a trainee's consent, a
 * publication, a logout, a revoked token) count there at once;
 * the hashtag source they share is polled by one at a time and taken over from a frozen member; when the source's
 * holder is killed (no shutdown) in the middle of a burst of posts and of a burst under the hashtag, its board clients
 * come back through the load balancer to the other and miss nothing, every acknowledged post is stored once, and the
 * other takes the source over from the saved cursor and takes the rest of the burst, nothing twice (what a single
 * instance restarted on its database does, after waiting out its own lease).
 * Its own two processes (the shared test server runs alone).
 */
class ClusterIT {

    @Test
    void whatIsDoneThroughOneInstanceReachesTheClientsOfTheOther() throws Exception {
        assumeTrue(LoadBalancer.available(), "HAProxy is not installed (.ci/run installs it)");
        String database = PayaraProcess.freshDatabase("_cluster");
        String cluster = "rounds-it-" + Staff.uniqueSuffix();
        int gridA = PayaraProcess.freePort();
        int gridB = PayaraProcess.freePort();
        // a lease of 5 s instead of 15: the take-over below comes sooner (it must come within 30 s either way)
        String[] settings = {"rounds.ingest.allow-local-sources=true", "rounds.ingest.poll-seconds=1",
                "rounds.ingest.tick-millis=200", "rounds.ingest.lease-seconds=5",
                // both ask to sweep the (shared) media folder every second: one of them sweeps each time
                "rounds.media.sweep-seconds=1", "rounds.media.sweep-first-seconds=1",
                // HAProxy's X-Forwarded-For is believed: each test trainee has an address of its own
                "rounds.trusted-proxies=127.0.0.1",
                // as the shared server's: hashing with the production 210,000 took a login about 4 s of a busy CI
                // machine (C1 only), on top of the 2 s a rate limit waits for the frozen member below
                "rounds.password.iterations=1024",
                // every looked-up configuration value expires each second (a minute in production), so a lookup that
                // would ask the grid (and wait for a frozen member) is made while one is frozen below
                "mp.config.cache.duration=1000"};
        try (PayaraProcess a = new PayaraProcess(database, settings).inCluster(cluster, gridA, gridA, gridB);
             PayaraProcess b = new PayaraProcess(database, settings).inCluster(cluster, gridB, gridA, gridB);
             LoadBalancer balancer = LoadBalancer.inFrontOf(List.of(a.url().getPort(), b.url().getPort()));
             StandInMastodon mastodon = new StandInMastodon()) {
            // at once, on an empty database: both migrate it (Flyway's lock) and look for the first admin (ours)
            CompletableFuture<PayaraProcess> startingB = CompletableFuture.supplyAsync(b::start);
            a.start();
            startingB.join();

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

                // a trainee's 6 posts a minute hold however the load balancer spreads them over the instances
                ApiClient traineeViaBalancer = joined(balancer.url(), code);
                Map<Integer, Integer> answers = new HashMap<>();
                Set<String> servedBy = new HashSet<>();
                for (int i = 0; i < 8; i++) {
                    Reply asked = traineeViaBalancer.post("api/participants/me/questions",
                            json("{'text':'Is this limit shared, try " + i + "?'}"));
                    answers.merge(asked.status(), 1, Integer::sum);
                    servedBy.add(asked.header("X-Served-By"));
                }
                assertEquals(Set.of("app1", "app2"), servedBy, "both instances took posts");
                assertEquals(Map.of(201, 6, 429, 2), answers, "six taken, then refused on either instance");

                // a vote through B is counted on B's tick and reaches A's clients
                ApiClient traineeOnB = joined(b.url(), code);
                String questionId = first.getJsonObject("data").getString("id");
                Reply voted = traineeOnB.post("api/participants/me/questions/" + questionId + "/vote", "");
                assertEquals(200, voted.status(), voted.body());
                JsonObject votes = frame(projectorOnA, "votes").getJsonObject("data");
                assertEquals(1, votes.getInt(questionId), votes.toString());

                // the session ended through A: B, which remembers it for its trainee, knows at once and refuses
                assertEquals(200, adminOfA.post("api/sessions/" + session.getString("id") + "/end", null).status());
                Conditions.await("B to know the session ended", Duration.ofSeconds(1), () -> "ENDED".equals(
                        traineeOnB.get("api/participants/me").json().getJsonObject("session").getString("status")));
                Reply late = traineeOnB.post("api/participants/me/questions", json("{'text':'One more question?'}"));
                assertEquals(409, late.status(), late.body());
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

            // a browser session started through A works on B (CSRF token included); logged out through B, it ends on A
            ApiClient browserOnA = ApiClient.anonymous(a.url())
                    .withBrowserSession(presenter.username(), presenter.password());
            ApiClient browserOnB = ApiClient.anonymous(b.url()).withHeader("Cookie", browserOnA.header("Cookie"))
                    .withHeader("X-CSRF-Token", browserOnA.header("X-CSRF-Token"));
            assertEquals("session", browserOnB.get("api/auth/me").json().getString("authenticatedBy"));
            Reply planned = browserOnB.post("api/sessions", json("{'title':'Planned on B'}"));
            assertEquals(201, planned.status(), planned.body());
            assertEquals(204, browserOnB.post("api/auth/logout", null).status());
            assertEquals(401, browserOnA.get("api/auth/me").status(), "logged out on every instance");

            // a trainee who takes back their consent to be quoted through A: B, which remembers them, knows at once
            String nextCode = adminOfA.post("api/sessions", json("{'title':'Cluster drill, part two'}")).json()
                    .getString("joinCode").replace("-", "");
            Reply named = ApiClient.anonymous(a.url()).from(Staff.uniqueAddress()).post("api/participants",
                    json("{'code':'" + nextCode + "','displayName':'Nurse Ada','quoteByName':true}"));
            assertEquals(201, named.status(), named.body());
            String token = named.json().getString("token");
            ApiClient adaOnB = ApiClient.anonymous(b.url()).withHeader("Rounds-Participant", token);
            assertTrue(adaOnB.get("api/participants/me").json().getBoolean("quoteByName"));
            Reply withdrawn = ApiClient.anonymous(a.url()).withHeader("Rounds-Participant", token)
                    .put("api/participants/me/quoting", json("{'quoteByName':false}"));
            assertEquals(200, withdrawn.status(), withdrawn.body());
            Conditions.await("B to stop quoting her by name", Duration.ofSeconds(1),
                    () -> !adaOnB.get("api/participants/me").json().getBoolean("quoteByName"));

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
            Conditions.await("B to serve the takedown made through A", Duration.ofSeconds(1),
                    () -> publicOnB.get("highlights/" + highlight).status() == 410);

            // a hashtag source is polled by one instance at a time
            String hashtag = "Cluster" + Staff.uniqueSuffix().replaceAll("[0-9]", "x");
            String sourced = adminOfA.post("api/sessions", json("{'title':'Sourced','hashtag':'" + hashtag + "'}"))
                    .json().getString("id");
            for (int i = 0; i < 20; i++) {
                mastodon.publish("c" + i, "<p>Cluster question " + i + "? #" + hashtag + "</p>", hashtag);
            }
            Reply added = adminOfA.post("api/sessions/" + sourced + "/sources",
                    json("{'kind':'MASTODON','label':'stand-in','baseUrl':'" + mastodon.baseUrl() + "'}"));
            assertEquals(201, added.status(), added.body());
            String source = added.json().getJsonObject("source").getString("id");
            Conditions.await("the first 20 posts", Duration.ofSeconds(30),
                    () -> questions(adminOfA, sourced).size() >= 20);
            String[] lease = lease(database, source);
            PayaraProcess holder = lease[0].startsWith(a.pid() + "@") ? a : b;
            PayaraProcess other = holder == a ? b : a;
            assertTrue(lease[0].startsWith(holder.pid() + "@"), "leased to one of the two: " + lease[0]);
            assertEquals("1", lease[1], "taken once, then only renewed");

            // the holder frozen (a long pause): the other instance takes the source over from the stored cursor within
            // 30 s, and meanwhile answers a first login and its trainees without waiting for the frozen member (rate
            // limits on the grid give up on it after 2 s; no configuration lookup asks the grid: every cached value
            // expires each second here); woken, the frozen one stores nothing more (its epoch is stale)
            ApiClient traineeOfOther = joined(other.url(), nextCode);
            holder.pause();
            for (int i = 20; i < 30; i++) {
                mastodon.publish("c" + i, "<p>Cluster question " + i + "? #" + hashtag + "</p>", hashtag);
            }
            ApiClient adminOfOther = answeredBesideAFrozenMember(other, "a first login",
                    () -> ApiClient.anonymous(other.url()).withBearerFor("admin", PayaraProcess.adminPassword()));
            Reply askedMeanwhile = answeredBesideAFrozenMember(other, "a question",
                    () -> traineeOfOther.post("api/participants/me/questions",
                            json("{'text':'Does the ward still answer?'}")));
            assertEquals(201, askedMeanwhile.status(), askedMeanwhile.body());
            Conditions.await("the other instance to take the source over", Duration.ofSeconds(30),
                    () -> questions(adminOfOther, sourced).size() >= 30);
            String[] after = lease(database, source);
            assertTrue(after[0].startsWith(other.pid() + "@"), after[0]);
            assertEquals("2", after[1], "a take-over raises the epoch, renewals do not");
            holder.resume();
            Conditions.await("the woken instance to answer again", Duration.ofSeconds(30),
                    () -> ApiClient.anonymous(holder.url()).get("health/ready").status() == 200);
            for (int i = 30; i < 35; i++) {
                mastodon.publish("c" + i, "<p>Cluster question " + i + "? #" + hashtag + "</p>", hashtag);
            }
            Conditions.await("the posts after the wake-up", Duration.ofSeconds(30),
                    () -> questions(adminOfOther, sourced).size() >= 35);
            List<JsonObject> questions = questions(adminOfOther, sourced);
            assertEquals(35, questions.size(), "nothing twice, nothing from the woken instance's stale cursor");
            assertEquals(35, questions.stream().map(q -> q.getString("text")).distinct().count());

            // the media sweep, asked for by both instances every second, was done by one at a time: a turn at most
            // every 0.9 s (two instances sweeping on their own would sweep about twice a second)
            long[] sweeps = turns(database, "media-sweep");
            assertTrue(sweeps[0] >= 2, "swept " + sweeps[0] + " times");
            assertTrue(sweeps[0] <= 1 + sweeps[1] / 900_000, sweeps[0] + " sweeps in " + sweeps[1] + " µs");

            // the source's holder killed (no shutdown) in the middle of two bursts: 500 posts under the hashtag, which
            // it takes page by page from a slow instance, and posts through the load balancer. The woken instance takes
            // the source over from the killed one's saved cursor and takes the rest of the 500, each once (as a single
            // instance restarted on its database would, after waiting out its own lease); the projectors that were on
            // the killed instance come back through the balancer to the other with since and miss nothing; every post
            // acknowledged is stored once (a post whose answer was lost is sent again with its Idempotency-Key, as the
            // page does)
            PayaraProcess survivor = holder;
            PayaraProcess victim = other;
            ApiClient adminOfSurvivor = ApiClient.anonymous(survivor.url())
                    .withBearerFor("admin", PayaraProcess.adminPassword());
            Conditions.await("the balancer to send to the woken instance again", Duration.ofSeconds(30),
                    () -> servedBy(balancer).containsAll(Set.of("app1", "app2")));
            JsonObject burst = adminOfSurvivor.post("api/sessions", json("{'title':'Burst','moderationMode':"
                    + "'POST_MODERATION'}")).json();
            String burstCode = burst.getString("joinCode").replace("-", "");
            List<Viewer> viewers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                viewers.add(new Viewer(balancer.url(), burstCode));
            }
            List<ApiClient> trainees = IntStream.range(0, 10).mapToObj(i -> joined(balancer.url(), burstCode)).toList();

            int callsBeforeTheHashtagBurst = mastodon.requests().size();
            for (int i = 0; i < 500; i++) {
                mastodon.publish("b" + i, "<p>Hashtag burst " + i + "? #" + hashtag + "</p>", hashtag);
            }
            mastodon.answerAfter(Duration.ofMillis(500)); // 13 pages of 40: several seconds to take them all
            Conditions.await("part of the hashtag burst", Duration.ofSeconds(60), () -> {
                int taken = questions(adminOfSurvivor, sourced).size() - 35;
                return taken >= 80 && taken < 500;
            });

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger answered = new AtomicInteger();
            ExecutorService phones = Executors.newVirtualThreadPerTaskExecutor();
            List<CompletableFuture<Void>> posting = IntStream.range(0, trainees.size()).mapToObj(t ->
                    CompletableFuture.runAsync(() -> {
                        for (int j = 0; j < 5; j++) {
                            String text = "Burst question " + t + "." + j + "?";
                            postUntilAnswered(trainees.get(t).withHeader("Idempotency-Key", UUID.randomUUID().toString()),
                                    text);
                            acknowledged.add(text);
                            answered.incrementAndGet();
                        }
                    }, phones)).toList();
            Conditions.await("a fifth of the burst acknowledged", Duration.ofSeconds(30), () -> answered.get() >= 10);
            victim.kill();
            int callsAfterTheKill = mastodon.requests().size();
            posting.forEach(CompletableFuture::join);
            phones.close();
            assertEquals(50, acknowledged.size());
            Conditions.await("every projector to show every acknowledged post", Duration.ofSeconds(30),
                    () -> viewers.stream().allMatch(viewer -> viewer.sawAll(acknowledged)));
            viewers.forEach(viewer -> assertEquals(0, viewer.duplicates, "no post shown twice"));
            assertTrue(viewers.stream().anyMatch(viewer -> viewer.reconnects > 0),
                    "some projectors were on the killed instance");
            viewers.forEach(Viewer::close);
            List<String> stored = questions(adminOfSurvivor, burst.getString("id")).stream()
                    .map(q -> q.getString("text")).toList();
            assertEquals(50, stored.size(), "each acknowledged post stored once");
            assertEquals(acknowledged, Set.copyOf(stored));

            Conditions.await("the woken instance to take the source over and the rest of the hashtag burst",
                    Duration.ofSeconds(90), () -> questions(adminOfSurvivor, sourced).size() >= 535);
            List<JsonObject> takenFromTheSource = questions(adminOfSurvivor, sourced);
            assertEquals(535, takenFromTheSource.size(), "nothing twice");
            assertEquals(535, takenFromTheSource.stream().map(q -> q.getString("text")).distinct().count());
            String[] afterTheKill = lease(database, source);
            assertTrue(afterTheKill[0].startsWith(survivor.pid() + "@"), afterTheKill[0]);
            assertEquals("3", afterTheKill[1], "taken over again");
            List<Map<String, String>> calls = mastodon.requests();
            assertTrue(calls.size() > callsAfterTheKill, "the woken instance went on polling");
            String beforeTheBurst = calls.get(callsBeforeTheHashtagBurst).get("min_id");
            String resumed = calls.get(callsAfterTheKill).get("min_id");
            assertTrue(StandInMastodon.newer(resumed, beforeTheBurst),
                    "it resumed from the killed holder's saved cursor, not from before the burst: " + beforeTheBurst
                            + " → " + resumed);
        }
    }

    static List<JsonObject> questions(ApiClient admin, String sessionId) {
        return admin.get("api/sessions/" + sessionId + "/questions").array().getValuesAs(JsonObject.class);
    }

    /** The instances that answered four requests through the balancer. */
    static Set<String> servedBy(LoadBalancer balancer) {
        ApiClient anyone = ApiClient.anonymous(balancer.url());
        return IntStream.range(0, 4).mapToObj(i -> anyone.get("health/ready").header("X-Served-By"))
                .collect(Collectors.toSet());
    }

    /** Posts the question until an instance acknowledges it; a lost answer or a dead instance means try again. */
    private static void postUntilAnswered(ApiClient trainee, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Reply asked = trainee.post("api/participants/me/questions", json("{'text':'" + text + "'}"));
                if (asked.status() == 201) {
                    return;
                }
                if (asked.status() < 500) {
                    fail("refused: " + asked);
                }
            } catch (UncheckedIOException connectionLost) {
                // the instance died with the request: the same key again
            }
            try {
                Thread.sleep(100); // a client's pause before trying again, not a wait for the test's sake
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        fail("no instance acknowledged: " + text);
    }

    /**
     * A projector through the load balancer that, as the page does, comes back with {@code since} (the last seq it
     * saw) when its connection drops; it counts the questions it was shown, and those shown twice.
     */
    static final class Viewer implements AutoCloseable {
        private final URL balancer;
        private final String code;
        private final Set<String> seen = new HashSet<>();
        private BoardClient client;
        private long lastSeq;
        int reconnects;
        int duplicates;

        Viewer(URL balancer, String code) throws InterruptedException {
            this.balancer = balancer;
            this.code = code;
            this.client = connect("");
            take(client.next("snapshot"));
        }

        private BoardClient connect(String query) {
            return BoardClient.connect(uri(balancer), "ws/public/" + code + query, Map.of("Origin", origin(balancer)));
        }

        /** Takes what has arrived, coming back if the connection dropped; whether every one of {@code texts} was shown. */
        boolean sawAll(Set<String> texts) {
            for (JsonObject frame = client.poll(); frame != null; frame = client.poll()) {
                take(frame);
            }
            if (client.isClosed()) {
                try {
                    client = connect("?since=" + lastSeq);
                    reconnects++;
                } catch (CompletionException stillDown) {
                    // the balancer has not noticed yet: the next call tries again
                }
            }
            return seen.containsAll(texts);
        }

        private void take(JsonObject frame) {
            switch (frame.getString("type")) {
                case "snapshot" -> {
                    seen.clear();
                    frame.getJsonObject("data").getJsonArray("questions").getValuesAs(JsonObject.class)
                            .forEach(question -> seen.add(question.getString("text")));
                }
                case "contribution.created" -> {
                    if (!seen.add(frame.getJsonObject("data").getString("text"))) {
                        duplicates++;
                    }
                }
                default -> {
                }
            }
            if (frame.containsKey("seq")) {
                lastSeq = Math.max(lastSeq, frame.getJsonNumber("seq").longValue());
            }
        }

        @Override
        public void close() {
            client.close();
        }
    }

    /** How many turns the chore was taken, and the microseconds from the first to the last. */
    static long[] turns(String database, String chore) throws SQLException {
        try (Connection connection = PayaraProcess.connection(database);
             PreparedStatement select = connection.prepareStatement("SELECT turns, TIMESTAMPDIFF(MICROSECOND, "
                     + "first_taken_at, last_taken_at) FROM cluster_turn WHERE chore = ?")) {
            select.setString(1, chore);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "nobody took a turn at " + chore);
                return new long[]{row.getLong(1), row.getLong(2)};
            }
        }
    }

    /** Who holds the source's lease, and its epoch. */
    static String[] lease(String database, String sourceId) throws SQLException {
        try (Connection connection = PayaraProcess.connection(database);
             PreparedStatement select = connection.prepareStatement(
                     "SELECT leased_by, lease_epoch FROM ingest_source WHERE id = ?")) {
            select.setString(1, sourceId);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return new String[]{String.valueOf(row.getString(1)), Long.toString(row.getLong(2))};
            }
        }
    }

    /** The next frame of that type, skipping the others (counts come on ticks, in any order with the rest). */
    static JsonObject frame(BoardClient client, String type) throws InterruptedException {
        return client.until(f -> type.equals(f.getString("type"))).getLast();
    }

    /**
     * What {@code call} answers, within 5 s though another member of the cluster is frozen (the grid gives up on a
     * frozen member only after a minute); if later, the failure says where the instance's threads were waiting.
     */
    private static <T> T answeredBesideAFrozenMember(PayaraProcess instance, String what, Supplier<T> call) {
        CompletableFuture<Path> lateDump = CompletableFuture.supplyAsync(() -> {
            try {
                return instance.threadDump("late");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, CompletableFuture.delayedExecutor(4, TimeUnit.SECONDS));
        long askedAt = System.nanoTime();
        T answer;
        try {
            answer = call.get();
        } catch (UncheckedIOException timedOut) {
            throw new AssertionError(what + " had no answer beside a frozen member; its threads: " + lateDump.join(),
                    timedOut);
        }
        long millis = (System.nanoTime() - askedAt) / 1_000_000;
        lateDump.cancel(false);
        assertTrue(millis < 5_000, () -> what + " answered in " + millis + " ms beside a frozen member; its threads: "
                + lateDump.getNow(null));
        return answer;
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
