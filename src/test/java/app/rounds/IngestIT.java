package app.rounds;

import app.rounds.ingest.control.WebhookSignatures;
import app.rounds.testing.ApiClient;
import app.rounds.testing.BoardClient;
import app.rounds.testing.Conditions;
import app.rounds.testing.Reply;
import app.rounds.testing.RunningRounds;
import app.rounds.testing.Staff;
import app.rounds.testing.StandInBluesky;
import app.rounds.testing.StandInMastodon;
import app.rounds.testing.StandInMastodon.Status;
import app.rounds.testing.StandInStreaming;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static app.rounds.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hashtag ingestion end to end: stand-in Mastodon instances on loopback speaking the real timeline and statuses
 * formats, signed webhooks, and the moderation stream of the deployed app (RunningRounds: polls every second, 3 s
 * request timeout, 300 ms first back-off, local sources allowed, posts re-checked at their source every 1 to 2 s).
 */
@ExtendWith(RunningRounds.class)
class IngestIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @RunningRounds.Base
    URL base;

    Staff staff;
    ApiClient presenter;
    String origin;

    @BeforeEach
    void clients() {
        ApiClient anonymous = ApiClient.anonymous(base).from(Staff.uniqueAddress());
        staff = new Staff(anonymous);
        presenter = staff.create("presenter").client();
        origin = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    record Session(String id, String hashtag) {
    }

    Session session() {
        String hashtag = "Rounds" + Staff.uniqueSuffix().replaceAll("[0-9]", "x");
        JsonObject created = presenter.post("api/sessions", json("{'title':'Ingest " + hashtag + "','hashtag':'"
                + hashtag + "','moderationMode':'POST_MODERATION'}")).json();
        return new Session(created.getString("id"), hashtag);
    }

    JsonObject addSource(Session session, String kind, String label, String baseUrl) {
        Reply added = presenter.post("api/sessions/" + session.id() + "/sources", Json.createObjectBuilder()
                .add("kind", kind).add("label", label).add(baseUrl == null ? "account" : "baseUrl",
                        baseUrl == null ? "" : baseUrl).build().toString());
        assertEquals(201, added.status(), added.body());
        return added.json();
    }

    BoardClient moderation(Session session) {
        return BoardClient.connect(URI.create(base.toString()), "ws/moderation/" + session.id(),
                Map.of("Authorization", presenter.header("Authorization"), "Origin", origin));
    }

    List<JsonObject> questions(Session session) {
        return presenter.get("api/sessions/" + session.id() + "/questions").array()
                .getValuesAs(JsonObject.class);
    }

    JsonObject source(Session session, String sourceId) {
        return presenter.get("api/sessions/" + session.id() + "/sources/" + sourceId).json();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Conditions.await(what, WAIT, condition);
    }

    static Status status(String acct, String html, String visibility, boolean noindex, Boolean discoverable,
                         boolean reblog, String tag) {
        return new Status("0", "https://first.example/users/" + acct + "/statuses/" + UUID.randomUUID(), html,
                visibility, acct, noindex, discoverable, reblog, List.of(tag), Instant.now());
    }

    static String tagLink(String host, String tag) {
        return "<a href=\"https://" + host + "/tags/" + tag + "\" class=\"mention hashtag\" rel=\"tag\">#<span>" + tag
                + "</span></a>";
    }

    @Test
    void aMastodonPostReachesModerationOnceWhicheverInstanceItCameThrough() throws Exception {
        Session session = session();
        try (StandInMastodon first = new StandInMastodon("first.example"); StandInMastodon second = new StandInMastodon();
             BoardClient board = moderation(session)) {
            board.next("snapshot");
            addSource(session, "MASTODON", "first instance", first.baseUrl());
            addSource(session, "MASTODON", "second instance", second.baseUrl());
            await("both instances polled", () -> !first.requests().isEmpty() && !second.requests().isEmpty());

            String tag = tagLink("first.example", session.hashtag());
            for (Status skipped : List.of(
                    status("skip", "<p>unlisted? " + tag + "</p>", "unlisted", false, true, false, session.hashtag()),
                    status("skip", "<p>boosted? " + tag + "</p>", "public", false, true, true, session.hashtag()),
                    status("hidden", "<p>noindex? " + tag + "</p>", "public", true, true, false, session.hashtag()),
                    status("shy", "<p>undiscoverable? " + tag + "</p>", "public", false, false, false,
                            session.hashtag()))) {
                first.add(first.withId(skipped));
            }
            long published = System.nanoTime();
            Status post = first.publish("ana", "<p>Wie lange wirkt das Desinfektionsmittel? 🧴 手指衛生 — "
                    + "كم من الوقت؟ " + tag + "</p>", session.hashtag());
            second.federate(post);

            JsonObject created = board.next("contribution.created").getJsonObject("data");
            long millis = (System.nanoTime() - published) / 1_000_000;
            System.out.printf("IngestIT: Mastodon post → moderation frame by polling (1 s interval): %d ms%n", millis);
            assertEquals("Wie lange wirkt das Desinfektionsmittel? 🧴 手指衛生 — كم من الوقت؟ #" + session.hashtag(),
                    created.getString("text"), "emoji and non-Latin scripts intact, the hashtag kept as text");
            assertEquals("PENDING", created.getString("status"), "ingested posts always wait for moderation");
            assertEquals("MASTODON", created.getString("origin"));
            assertEquals("@ana@first.example", created.getString("authorHandle"),
                    "a local account's handle carries the instance's domain, not the address Rounds reached it by");
            assertTrue(created.getString("originalUrl").endsWith("/@ana/" + post.id()), created.toString());

            // both instances polled again after the post was there: still one contribution
            int firstCalls = first.requests().size();
            int secondCalls = second.requests().size();
            await("both instances polled twice more", () -> first.requests().size() >= firstCalls + 2
                    && second.requests().size() >= secondCalls + 2);
            assertEquals(1, questions(session).size(), "the same status through two instances is one contribution; "
                    + "not public, boosts and accounts that opted out are skipped");
            assertTrue(board.drain().stream().noneMatch(f -> "contribution.created".equals(f.getString("type"))));
            assertTrue(first.userAgents().stream().allMatch(ua -> ua.startsWith("Rounds/")), "a User-Agent naming Rounds");
        }
    }

    @Test
    void withAnAccessTokenPostsStreamInEditsAndDeletesFollowAndAReconnectBackfills() throws Exception {
        Session session = session();
        try (StandInMastodon instance = new StandInMastodon(); StandInStreaming streaming = new StandInStreaming();
             BoardClient board = moderation(session)) {
            instance.streamAt(streaming.url());
            board.next("snapshot");
            Reply added = presenter.post("api/sessions/" + session.id() + "/sources", Json.createObjectBuilder()
                    .add("kind", "MASTODON").add("label", "streamed").add("baseUrl", instance.baseUrl())
                    .add("credential", "token-for-the-stream").build().toString());
            assertEquals(201, added.status(), added.body());
            assertFalse(added.body().contains("token-for-the-stream"), "a credential is never shown");
            await("the stream", () -> streaming.clients() == 1);
            String handshake = streaming.handshakes().getFirst();
            assertTrue(handshake.contains("stream=hashtag") && handshake.contains("tag=" + session.hashtag())
                    && handshake.endsWith("Bearer token-for-the-stream"), handshake);

            // on the stream (the timeline is polled every 30 s while a stream is open); the instance has it, as its
            // statuses API says when asked again
            Status streamed = instance.add(instance.withId(new Status("0",
                    "https://elsewhere.example/users/cho/statuses/9", "<p>Streamed? " + tagLink("e", session.hashtag())
                    + "</p>", "public", "cho@elsewhere.example", false, null, false, List.of(session.hashtag()),
                    Instant.now())));
            long sent = System.nanoTime();
            streaming.send(session.hashtag(), "update", instance.json(streamed).toString());
            JsonObject created = board.next("contribution.created").getJsonObject("data");
            System.out.printf("IngestIT: Mastodon post → moderation frame by streaming: %d ms%n",
                    (System.nanoTime() - sent) / 1_000_000);
            assertEquals("Streamed? #" + session.hashtag(), created.getString("text"));
            assertEquals("@cho@elsewhere.example", created.getString("authorHandle"));

            Status edited = instance.edit(streamed, "<p>Streamed and edited? " + tagLink("e", session.hashtag())
                    + "</p>");
            streaming.send(session.hashtag(), "status.update", instance.json(edited).toString());
            JsonObject revised = board.until(f -> "contribution.updated".equals(f.getString("type"))).getLast()
                    .getJsonObject("data");
            assertEquals("Streamed and edited? #" + session.hashtag(), revised.getString("text"));
            assertEquals("PENDING", revised.getString("status"));

            instance.delete(streamed);
            streaming.send(session.hashtag(), "delete", streamed.id());
            board.until(f -> "contribution.updated".equals(f.getString("type"))
                    && "WITHDRAWN".equals(f.getJsonObject("data").getString("status")));

            // the streaming server restarts; what is posted meanwhile comes by the backfill on reconnect
            streaming.dropAll();
            instance.publish("dana", "<p>Posted while the stream was down? " + tagLink("i", session.hashtag())
                    + "</p>", session.hashtag());
            await("reconnected", () -> streaming.handshakes().size() >= 2);
            assertEquals("Posted while the stream was down? #" + session.hashtag(),
                    board.next("contribution.created").getJsonObject("data").getString("text"));
            assertEquals(2, questions(session).size());
        }
    }

    @Test
    void blueskyPostsComeByTheirTagFacetsPageByPageOnce() throws Exception {
        Session session = session();
        try (StandInBluesky bluesky = new StandInBluesky()) {
            Reply added = presenter.post("api/sessions/" + session.id() + "/sources", Json.createObjectBuilder()
                    .add("kind", "BLUESKY").add("label", "Bluesky").add("baseUrl", bluesky.baseUrl())
                    .add("account", StandInBluesky.HANDLE).add("credential", StandInBluesky.APP_PASSWORD)
                    .build().toString());
            assertEquals(201, added.status(), added.body());
            String sourceId = added.json().getJsonObject("source").getString("id");
            await("the first search", () -> source(session, sourceId).containsKey("lastSuccessAt"));

            // multi-byte text before the tag: the facet's offsets are UTF-8 bytes, not characters
            for (int i = 0; i < 150; i++) {
                bluesky.post("nurse" + i + ".bsky.social", "Frage " + i + " 🩺 zur Übung, wann? #" + session.hashtag(),
                        session.hashtag());
            }
            // 150 screenings and inserts: a loaded machine takes longer than the usual wait
            Conditions.await("all 150 posts", Duration.ofSeconds(60), () -> questions(session).size() >= 150);
            List<JsonObject> questions = questions(session);
            assertEquals(150, questions.size());
            assertEquals(150, questions.stream().map(q -> q.getString("text")).distinct().count(), "none twice");
            JsonObject first = questions.stream().filter(q -> q.getString("text").startsWith("Frage 0 ")).findFirst()
                    .orElseThrow();
            assertEquals("@nurse0.bsky.social", first.getString("authorHandle"));
            assertTrue(first.getString("originalUrl").startsWith("https://bsky.app/profile/nurse0.bsky.social/post/"));
            assertEquals("BLUESKY", first.getString("origin"));
            assertTrue(bluesky.searches().stream().allMatch(s -> "latest".equals(s.get("sort"))
                    && session.hashtag().equals(s.get("tag"))), bluesky.searches().toString());
            assertTrue(bluesky.searches().stream().anyMatch(s -> "100".equals(s.get("cursor"))), "paged back");
            assertEquals(1, bluesky.logins(), "one session, reused");

            bluesky.expireTokens();
            bluesky.post("late.bsky.social", "Noch eine Frage? #" + session.hashtag(), session.hashtag());
            await("the post after the token expired", () -> questions(session).size() == 151);
            assertEquals(2, bluesky.logins(), "an expired token is replaced by a new session");

            // search never says a post was deleted: getPosts, asked again, leaves it out
            String deletedUri = bluesky.post("gone.bsky.social", "Bald gelöscht? #" + session.hashtag(),
                    session.hashtag());
            await("the post to delete", () -> questions(session).size() == 152);
            bluesky.delete(deletedUri);
            await("the deleted post withdrawn", () -> questions(session).stream().anyMatch(q ->
                    q.getString("text").startsWith("Bald gelöscht?") && "WITHDRAWN".equals(q.getString("status"))));
            assertTrue(bluesky.lookups().stream().anyMatch(uris -> uris.contains(deletedUri)));
            assertTrue(bluesky.lookups().stream().allMatch(uris -> !uris.isEmpty() && uris.size() <= 25),
                    "getPosts with 1 to 25 URIs a call");
            assertEquals(1, questions(session).stream().filter(q -> "WITHDRAWN".equals(q.getString("status"))).count(),
                    "the others still stand");
        }
    }

    /** An Atom feed (RFC 4287) with entries of (id, html, category or null). */
    static String atom(String... idHtmlCategory) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Ward news</title><id>urn:uuid:ward-news</id>"
                + "<updated>2026-11-28T08:00:00Z</updated>");
        for (int i = 0; i < idHtmlCategory.length; i += 3) {
            xml.append("<entry><id>").append(idHtmlCategory[i]).append("</id><title>Entry</title>")
                    .append("<link href=\"https://ward.example/").append(i).append("\"/>")
                    .append("<author><name>Ward 7</name></author><updated>2026-11-28T08:00:00Z</updated>")
                    .append(idHtmlCategory[i + 2] == null ? "" : "<category term=\"" + idHtmlCategory[i + 2] + "\"/>")
                    .append("<content type=\"html\">").append(idHtmlCategory[i + 1].replace("&", "&amp;")
                            .replace("<", "&lt;")).append("</content></entry>");
        }
        return xml.append("</feed>").toString();
    }

    @Test
    void feedsArePolledWithConditionalGetAndTaggedEntriesTakenOnce() throws Exception {
        Session session = session();
        String tag = session.hashtag();
        AtomicReference<String> feed = new AtomicReference<>(atom(
                "urn:uuid:1", "<p>Which gloves for chemo? #" + tag + "</p>", null,
                "urn:uuid:2", "<p>Shift change at 7</p>", tag,
                "urn:uuid:3", "<p>Unrelated news</p>", null));
        List<String> conditions = new CopyOnWriteArrayList<>();
        AtomicInteger notModified = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.xml", exchange -> {
            String etag = "\"" + Integer.toHexString(feed.get().hashCode()) + "\"";
            String condition = exchange.getRequestHeaders().getFirst("If-None-Match");
            conditions.add(String.valueOf(condition));
            if (etag.equals(condition)) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            byte[] body = feed.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/atom+xml; charset=utf-8");
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.getResponseHeaders().add("Last-Modified", "Sat, 28 Nov 2026 08:00:00 GMT");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            addSource(session, "FEED", "ward news", "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml");
            await("the tagged entries", () -> questions(session).size() >= 2);
            await("conditional requests", () -> notModified.get() >= 2);
            assertEquals(2, questions(session).size(), "tagged in the text or as a category; the untagged left out");
            assertTrue(conditions.stream().anyMatch(c -> c.startsWith("\"")), "If-None-Match sent: " + conditions);

            feed.set(atom("urn:uuid:1", "<p>Which gloves for chemo, nitrile? #" + tag + "</p>", null,
                    "urn:uuid:2", "<p>Shift change at 7</p>", tag,
                    "urn:uuid:4", "<p>New entry #" + tag + "</p>", null));
            await("the new entry and the edit", () -> questions(session).size() == 3 && questions(session).stream()
                    .anyMatch(q -> q.getString("text").equals("Which gloves for chemo, nitrile? #" + tag)));
            assertEquals("FEED", questions(session).getFirst().getString("origin"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aBurstIsTakenPageByPageFollowingThePrevLink() throws Exception {
        Session session = session();
        try (StandInMastodon instance = new StandInMastodon()) {
            addSource(session, "MASTODON", "instance", instance.baseUrl());
            await("first poll", () -> !instance.requests().isEmpty());
            int before = instance.requests().size();
            for (int i = 0; i < 100; i++) {
                instance.publish("trainee" + i, "<p>Question " + i + "? " + tagLink("x", session.hashtag()) + "</p>",
                        session.hashtag());
            }
            await("all 100 questions", () -> questions(session).size() >= 100);
            List<JsonObject> questions = questions(session);
            assertEquals(100, questions.size());
            Set<String> texts = new HashSet<>();
            questions.forEach(q -> texts.add(q.getString("text")));
            assertEquals(100, texts.size(), "none twice");

            List<Map<String, String>> calls = instance.requests().subList(before, instance.requests().size());
            assertTrue(calls.stream().allMatch(c -> "40".equals(c.get("limit"))), "limit=40 on every call");
            assertTrue(calls.stream().allMatch(c -> c.containsKey("min_id")), "forward with min_id: " + calls);
            long pagesWithPosts = calls.stream().map(c -> c.get("min_id")).distinct().count();
            assertTrue(pagesWithPosts >= 3, "100 posts take at least three pages of 40: " + calls);
        }
    }

    @Test
    void rateLimitsErrorsAndHangsHoldBackOnlyTheirSource() throws Exception {
        Session session = session();
        try (StandInMastodon troubled = new StandInMastodon(); StandInMastodon healthy = new StandInMastodon();
             BoardClient board = moderation(session)) {
            board.next("snapshot");
            String troubledId = addSource(session, "MASTODON", "troubled", troubled.baseUrl())
                    .getJsonObject("source").getString("id");
            addSource(session, "MASTODON", "healthy", healthy.baseUrl());
            await("first polls", () -> !troubled.requests().isEmpty() && !healthy.requests().isEmpty());

            // a 429 with no Retry-After: wait for X-RateLimit-Reset by the server's Date (5 s: the state is looked
            // at between calls of a loaded machine; a CI run once missed a 3 s one)
            Duration reset = Duration.ofSeconds(5);
            troubled.rateLimitNext(reset);
            AtomicReference<JsonObject> limited = new AtomicReference<>();
            try {
                await("the 429", () -> {
                    limited.set(source(session, troubledId));
                    return "BACKING_OFF".equals(limited.get().getString("state"));
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; the source: " + limited.get() + "; its calls: "
                        + troubled.requests(), e);
            }
            assertTrue(limited.get().getString("lastError").contains("429"), limited.get().toString());
            int at429 = troubled.requests().size();
            Instant limitedAt = Instant.parse(troubled.requests().get(at429 - 1).get("at"));
            await("a call after the reset", () -> troubled.requests().size() > at429);
            Instant nextCall = Instant.parse(troubled.requests().get(at429).get("at"));
            assertTrue(Duration.between(limitedAt, nextCall).compareTo(reset.minusMillis(100)) >= 0,
                    "no call before the reset: " + limitedAt + " → " + nextCall);
            await("running again", () -> "RUNNING".equals(source(session, troubledId).getString("state")));

            // three failures in a row: failing, with the error; then it recovers
            troubled.failNext();
            troubled.failNext();
            troubled.failNext();
            // one read for both: read again, the source may have recovered already (CI saw lastError gone)
            AtomicReference<JsonObject> failing = new AtomicReference<>();
            await("failing", () -> {
                failing.set(source(session, troubledId));
                return "FAILING".equals(failing.get().getString("state"));
            });
            assertTrue(failing.get().getString("lastError").contains("500"), failing.get().toString());
            await("recovered", () -> "RUNNING".equals(source(session, troubledId).getString("state")));
            JsonObject recovered = source(session, troubledId);
            assertFalse(recovered.containsKey("lastError") && !recovered.isNull("lastError"),
                    "a source that works again shows no old error: " + recovered);

            // a hanging instance times out without holding up the other (twice: its error shows for a while)
            troubled.hangNext();
            troubled.hangNext();
            int hangAt = troubled.requests().size();
            await("the hanging call", () -> troubled.requests().size() > hangAt);
            long published = System.nanoTime();
            healthy.publish("ben", "<p>Still flowing? " + tagLink("h", session.hashtag()) + "</p>", session.hashtag());
            assertEquals("Still flowing? #" + session.hashtag(),
                    board.next("contribution.created").getJsonObject("data").getString("text"));
            assertTrue((System.nanoTime() - published) / 1_000_000 < 2_500,
                    "the healthy source delivered while the other hung (request timeout 3 s)");
            await("the hang timed out", () -> source(session, troubledId).getString("lastError", "").contains("timed out"));
            JsonObject health = ApiClient.anonymous(base).get("health").json();
            assertTrue(health.toString().contains("ingest-sources"), health.toString());
        }
    }

    @Test
    void withoutStreamingAPostDeletedAtItsSourceLeavesThePublicBoardAndAnEditedOneIsScreenedAgain() throws Exception {
        Session session = session();
        try (StandInMastodon instance = new StandInMastodon("ward.example"); BoardClient board = moderation(session);
             BoardClient audience = BoardClient.connect(URI.create(base.toString()), "ws/public/"
                     + presenter.get("api/sessions/" + session.id()).json().getString("joinCode").replace("-", ""),
                     Map.of("Origin", origin))) {
            board.next("snapshot");
            audience.next("snapshot");
            String sourceId = addSource(session, "MASTODON", "polled only", instance.baseUrl())
                    .getJsonObject("source").getString("id");
            String tag = tagLink("ward.example", session.hashtag());
            Status toDelete = instance.publish("ana", "<p>Is the new pump on ward 7 ready? " + tag + "</p>",
                    session.hashtag());
            Status toEdit = instance.publish("ben", "<p>Which gloves for chemo? " + tag + "</p>", session.hashtag());
            JsonObject first = board.next("contribution.created").getJsonObject("data");
            JsonObject second = board.next("contribution.created").getJsonObject("data");
            assertEquals("@ana@ward.example", first.getString("authorHandle"), "the handle carries the domain");
            instance.publish("cara", "<p>honestly that sounds like shingles, ask your GP for aciclovir, no need for "
                    + "A&amp;E " + tag + "</p>", session.hashtag());
            JsonObject advice = board.next("contribution.created").getJsonObject("data");
            assertTrue(advice.getJsonArray("screening").getValuesAs(JsonObject.class).stream()
                    .anyMatch(f -> f.getString("reason").equals("MEDICAL_ADVICE")),
                    "advice to the public in a network post is held with its reason: " + advice);
            String deletedId = first.getString("id");
            String editedId = second.getString("id");
            for (String id : List.of(deletedId, editedId)) {
                assertEquals(200, presenter.put("api/sessions/" + session.id() + "/questions/" + id + "/status",
                        json("{'status':'APPROVED'}")).status());
                audience.next("contribution.created");
            }

            instance.delete(toDelete);
            JsonObject removed = audience.next("contribution.removed").getJsonObject("data");
            assertEquals(deletedId, removed.getString("id"), "the deleted post leaves the public board");
            assertEquals(Set.of("id"), removed.keySet(), "a removal carries no text");
            board.until(f -> "contribution.updated".equals(f.getString("type"))
                    && deletedId.equals(f.getJsonObject("data").getString("id"))
                    && "WITHDRAWN".equals(f.getJsonObject("data").getString("status")));
            assertTrue(instance.statusRequests().contains(toDelete.id()), "asked GET /api/v1/statuses/:id");
            assertEquals(409, presenter.put("api/sessions/" + session.id() + "/questions/" + deletedId + "/status",
                    json("{'status':'APPROVED'}")).status(), "a deleted post can never be approved again");

            instance.edit(toEdit, "<p>Which gloves for chemo, MRN 4829103? " + tag + "</p>");
            assertEquals(editedId, audience.next("contribution.removed").getJsonObject("data").getString("id"),
                    "an edited post leaves the public board until it is approved again");
            JsonObject revised = board.until(f -> "contribution.updated".equals(f.getString("type"))
                    && editedId.equals(f.getJsonObject("data").getString("id"))
                    && "PENDING".equals(f.getJsonObject("data").getString("status"))).getLast().getJsonObject("data");
            assertEquals("Which gloves for chemo, MRN 4829103? #" + session.hashtag(), revised.getString("text"));
            assertFalse(revised.getJsonArray("screening").isEmpty(), "the edit is screened again: " + revised);

            // asked again while nothing changes: it stays as it is
            int asked = instance.statusRequests().size();
            await("asked again", () -> instance.statusRequests().size() >= asked + 2);
            assertEquals("PENDING", questions(session).stream().filter(q -> q.getString("id").equals(editedId))
                    .findFirst().orElseThrow().getString("status"));
            JsonObject view = source(session, sourceId);
            assertFalse(view.containsKey("lastError") && !view.isNull("lastError"), view.toString());
        }
    }

    @Test
    void twoSourcesRacingOnTheSamePostsTakeThemOnceWithoutAnError() throws Exception {
        Session session = session();
        try (StandInMastodon first = new StandInMastodon("first.example");
             StandInMastodon second = new StandInMastodon("second.example")) {
            String firstId = addSource(session, "MASTODON", "first", first.baseUrl()).getJsonObject("source")
                    .getString("id");
            String secondId = addSource(session, "MASTODON", "second", second.baseUrl()).getJsonObject("source")
                    .getString("id");
            await("both polled", () -> !first.requests().isEmpty() && !second.requests().isEmpty());
            // both instances answer their next poll at the same moment, with the same 40 posts
            first.holdNext();
            second.holdNext();
            await("both polls held", () -> first.held() == 1 && second.held() == 1);
            for (int i = 0; i < 40; i++) {
                second.federate(first.publish("nurse" + i, "<p>Racing question " + i + "? "
                        + tagLink("first.example", session.hashtag()) + "</p>", session.hashtag()));
            }
            List<String> errors = new CopyOnWriteArrayList<>();
            BooleanSupplier noteErrors = () -> {
                for (String id : List.of(firstId, secondId)) {
                    JsonObject view = source(session, id);
                    if (view.containsKey("lastError") && !view.isNull("lastError")) {
                        errors.add(view.getString("lastError"));
                    }
                }
                return true;
            };
            first.release();
            second.release();
            await("all 40", () -> noteErrors.getAsBoolean() && questions(session).size() >= 40);
            // until both have polled twice more: the loser of the race has stored its page (or failed) by then
            int firstCalls = first.requests().size();
            int secondCalls = second.requests().size();
            await("both polled twice more", () -> noteErrors.getAsBoolean()
                    && first.requests().size() >= firstCalls + 2 && second.requests().size() >= secondCalls + 2);
            assertEquals(40, questions(session).size(), "one contribution per post");
            assertEquals(List.of(), errors, "the race is no error");
        }
    }

    @Test
    void aHighlightQuotingAPolledPostGoesAheadOnlyOnceItsSourceConfirmsIt() throws Exception {
        Staff.Member curator = staff.create("communicator", "presenter");
        ApiClient communicator = curator.client();
        ApiClient reviewer = staff.create("reviewer").client();
        String hashtag = "Rounds" + Staff.uniqueSuffix().replaceAll("[0-9]", "x");
        String sessionId = communicator.post("api/sessions", json("{'title':'Quoted " + hashtag + "','hashtag':'"
                + hashtag + "'}")).json().getString("id");
        try (StandInMastodon instance = new StandInMastodon("quoted.example")) {
            assertEquals(201, communicator.post("api/sessions/" + sessionId + "/sources", Json.createObjectBuilder()
                    .add("kind", "MASTODON").add("label", "instance").add("baseUrl", instance.baseUrl()).build()
                    .toString()).status());
            Status post = instance.publish("kim", "<p>Does the dressing need changing daily? "
                    + tagLink("quoted.example", hashtag) + "</p>", hashtag);
            AtomicReference<String> questionId = new AtomicReference<>();
            await("the post", () -> {
                var all = communicator.get("api/sessions/" + sessionId + "/questions").array();
                if (!all.isEmpty()) {
                    questionId.set(all.getJsonObject(0).getString("id"));
                }
                return questionId.get() != null;
            });
            assertEquals(200, communicator.put("api/sessions/" + sessionId + "/questions/" + questionId.get()
                    + "/status", json("{'status':'APPROVED'}")).status());
            String highlightId = communicator.post("api/sessions/" + sessionId + "/highlights",
                    json("{'title':'What trainees asked'}")).json().getString("id");
            Reply edited = communicator.put("api/highlights/" + highlightId, Json.createObjectBuilder()
                    .add("title", "What trainees asked").add("publishOnApproval", false)
                    .add("parts", Json.createArrayBuilder().add(Json.createObjectBuilder().add("kind", "QUESTION")
                            .add("refId", questionId.get()).add("quoteMode", "VERBATIM").add("permission", "GRANTED")
                            .add("permissionEvidence", "https://quoted.example/@kim/reply-1"))).build().toString());
            assertEquals(200, edited.status(), edited.body());

            instance.failStatuses(true);
            Reply unconfirmed = communicator.post("api/highlights/" + highlightId + "/submission", "{}");
            assertEquals(503, unconfirmed.status(), unconfirmed.body());
            assertEquals("application/problem+json", unconfirmed.contentType());
            assertEquals("quote-unconfirmed", unconfirmed.problemType());
            assertEquals(List.of("parts[0]"), unconfirmed.problemFields());
            assertTrue(unconfirmed.header("Retry-After") != null, "says when to try again");
            assertEquals("DRAFT", communicator.get("api/highlights/" + highlightId).json().getString("status"),
                    "nothing unconfirmed goes to review");

            instance.failStatuses(false);
            int asked = instance.statusRequests().size();
            Reply submitted = communicator.post("api/highlights/" + highlightId + "/submission", "{}");
            assertEquals(200, submitted.status(), submitted.body());
            assertTrue(instance.statusRequests().size() > asked, "asked the instance before submitting");
            String hash = reviewer.get("api/reviews/" + highlightId).json().getJsonObject("rendition").getString("hash");
            Reply approved = reviewer.post("api/reviews/" + highlightId + "/decision", Json.createObjectBuilder()
                    .add("decision", "APPROVE").add("renditionHash", hash).build().toString());
            assertEquals(200, approved.status(), approved.body());
            assertEquals("APPROVED", approved.json().getString("status"));

            instance.delete(post);
            Reply published = communicator.post("api/highlights/" + highlightId + "/publication", "{}");
            assertEquals(409, published.status(), "a quote deleted at its source is never published: "
                    + published.body());
            assertEquals("WITHDRAWN", communicator.get("api/sessions/" + sessionId + "/questions").array()
                    .getJsonObject(0).getString("status"));
            assertEquals(404, ApiClient.anonymous(base).get("highlights/" + highlightId).status(),
                    "never published");
        }
    }

    @Test
    void signedWebhooksAreTakenOnceAndBadOnesChangeNothing() throws Exception {
        Session session = session();
        JsonObject added = addSource(session, "WEBHOOK", "ward relay", null);
        String secret = added.getString("webhookSecret");
        String url = added.getJsonObject("source").getString("webhookUrl");
        assertTrue(secret.startsWith("whsec_"));
        assertFalse(presenter.get("api/sessions/" + session.id() + "/sources").body().contains(secret),
                "the secret is shown once, never listed");
        try (BoardClient board = moderation(session);
             BoardClient audience = BoardClient.connect(URI.create(base.toString()), "ws/public/"
                     + presenter.get("api/sessions/" + session.id()).json().getString("joinCode").replace("-", ""),
                     Map.of("Origin", origin))) {
            board.next("snapshot");
            audience.next("snapshot");
            String uri = "relay:ward-7/" + UUID.randomUUID();
            String created = delivery("post.created", uri, "Is the new pump on ward 7 yet?");
            long now = Instant.now().getEpochSecond();

            assertEquals(401, deliver(url, "msg_bad", now, created, "v1,AAAA" + "=".repeat(40)).statusCode());
            assertEquals(401, deliver(url, "msg_old", now - 600, created,
                    WebhookSignatures.sign(secret, "msg_old", now - 600, bytes(created))).statusCode());
            HttpResponse<String> unsigned = deliver(url, "msg_none", now, created, null);
            assertEquals(401, unsigned.statusCode());
            assertTrue(unsigned.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertEquals(0, questions(session).size(), "refused deliveries store nothing");

            HttpResponse<String> taken = deliver(url, "msg_1", now, created, WebhookSignatures.sign(secret, "msg_1",
                    now, bytes(created)));
            assertEquals(200, taken.statusCode(), taken.body());
            JsonObject question = board.next("contribution.created").getJsonObject("data");
            assertEquals("WEBHOOK", question.getString("origin"));
            assertEquals("PENDING", question.getString("status"));
            HttpResponse<String> replayed = deliver(url, "msg_1", now, created, WebhookSignatures.sign(secret, "msg_1",
                    now, bytes(created)));
            assertEquals(200, replayed.statusCode());
            assertTrue(replayed.body().contains("\"duplicate\":true"), replayed.body());
            assertEquals(1, questions(session).size(), "a replayed id changes nothing");

            String questionId = question.getString("id");
            assertEquals(200, presenter.put("api/sessions/" + session.id() + "/questions/" + questionId + "/status",
                    json("{'status':'APPROVED'}")).status());
            audience.next("contribution.created");

            String edited = delivery("post.updated", uri, "Is the new infusion pump on ward 7 yet?");
            assertEquals(200, deliver(url, "msg_2", now, edited, WebhookSignatures.sign(secret, "msg_2", now,
                    bytes(edited))).statusCode());
            assertEquals("contribution.removed", audience.next().getString("type"),
                    "an edited original leaves the public board until moderated again");
            JsonObject revised = board.until(f -> "contribution.updated".equals(f.getString("type"))
                    && "PENDING".equals(f.getJsonObject("data").getString("status"))).getLast().getJsonObject("data");
            assertEquals("PENDING", revised.getString("status"));
            assertEquals("Is the new infusion pump on ward 7 yet?", revised.getString("text"));

            String deleted = delivery("post.deleted", uri, null);
            assertEquals(200, deliver(url, "msg_3", now, deleted, WebhookSignatures.sign(secret, "msg_3", now,
                    bytes(deleted))).statusCode());
            board.until(f -> "contribution.updated".equals(f.getString("type"))
                    && "WITHDRAWN".equals(f.getJsonObject("data").getString("status")));
            Reply approve = presenter.put("api/sessions/" + session.id() + "/questions/" + questionId + "/status",
                    json("{'status':'APPROVED'}"));
            assertEquals(409, approve.status(), "a withdrawn post can never be published");

            String again = delivery("post.created", uri, "Is the new pump on ward 7 yet?");
            assertEquals(200, deliver(url, "msg_4", now, again, WebhookSignatures.sign(secret, "msg_4", now,
                    bytes(again))).statusCode());
            assertEquals(1, questions(session).size(), "a deleted original does not come back");
        }
    }

    @Test
    void feedbackPostsRateTheSessionAndOtherPostsFollowTheSessionsSetting() throws Exception {
        String hashtag = "Rounds" + Staff.uniqueSuffix().replaceAll("[0-9]", "x");
        String sessionId = presenter.post("api/sessions", json("{'title':'Ignoring " + hashtag + "','hashtag':'"
                + hashtag + "','otherPosts':'IGNORE'}")).json().getString("id");
        assertEquals("IGNORE", presenter.get("api/sessions/" + sessionId).json().getString("otherPosts"));
        Session session = new Session(sessionId, hashtag);
        JsonObject added = addSource(session, "WEBHOOK", "relay", null);
        String secret = added.getString("webhookSecret");
        String url = added.getJsonObject("source").getString("webhookUrl");
        long now = Instant.now().getEpochSecond();
        String[] posts = {
                delivery("post.created", "relay:f1", "#feedback 4/5 very clear, thanks"),
                delivery("post.created", "relay:o1", "Loved the simulation dummies"),
                delivery("post.created", "relay:q1", "Where do we log the drill?"),
                delivery("post.created", "relay:f2", "#feedback ★★ on second thought too fast")};
        for (int i = 0; i < posts.length; i++) {
            assertEquals(200, deliver(url, "msg_f" + i, now, posts[i], WebhookSignatures.sign(secret, "msg_f" + i, now,
                    bytes(posts[i]))).statusCode());
        }
        List<JsonObject> questions = questions(session);
        assertEquals(1, questions.size(), "one question; the other post left out, as the session says");
        assertEquals("Where do we log the drill?", questions.getFirst().getString("text"));
        JsonObject feedback = presenter.get("api/sessions/" + sessionId + "/feedback").json().getJsonObject("summary");
        assertEquals(1, feedback.getInt("count"), "one author's feedback, replaced when given again: " + feedback);
        assertEquals(2.0, feedback.getJsonNumber("average").doubleValue(), 0.001);
        JsonObject entry = presenter.get("api/sessions/" + sessionId + "/feedback").json().getJsonArray("entries")
                .getJsonObject(0);
        assertEquals("WEBHOOK", entry.getString("origin"), "staff see where feedback came from");
        assertEquals("@nurse.kim", entry.getString("authorHandle"));

        String[] changes = {
                delivery("post.deleted", "relay:f1", null),
                delivery("post.updated", "relay:f2", "#feedback 5/5 clearer on a second look"),
                delivery("post.updated", "relay:f2", "Thanks all"),
                delivery("post.created", "relay:f3", "#feedback 3/5 ok"),
                delivery("post.deleted", "relay:f3", null)};
        String[] expected = {"1 at 2.0: the replaced post's deletion changes nothing", "1 at 5.0: the edit re-rates",
                "0: a post that no longer rates takes its rating back", "1 at 3.0", "0: a deleted post no longer counts"};
        for (int i = 0; i < changes.length; i++) {
            assertEquals(200, deliver(url, "msg_g" + i, now, changes[i], WebhookSignatures.sign(secret, "msg_g" + i, now,
                    bytes(changes[i]))).statusCode());
            JsonObject summary = presenter.get("api/sessions/" + sessionId + "/feedback").json()
                    .getJsonObject("summary");
            String actual = summary.getInt("count") == 0 ? "0"
                    : summary.getInt("count") + " at " + summary.getJsonNumber("average").doubleValue();
            assertEquals(expected[i].replaceFirst(":.*", ""), actual, expected[i]);
        }
    }

    @Test
    void sourcesAreValidatedAndOnlyForTheSessionsStaff() {
        Session session = session();
        Reply noUrl = presenter.post("api/sessions/" + session.id() + "/sources",
                json("{'kind':'MASTODON','label':'no url'}"));
        assertEquals(400, noUrl.status());
        assertEquals("application/problem+json", noUrl.contentType());
        assertEquals(400, presenter.post("api/sessions/" + session.id() + "/sources",
                json("{'kind':'MASTODON','label':'bad','baseUrl':'javascript:alert(1)'}")).status());
        assertEquals(400, presenter.post("api/sessions/" + session.id() + "/sources",
                json("{'kind':'GOPHER','label':'bad'}")).status());
        ApiClient stranger = new Staff(ApiClient.anonymous(base).from(Staff.uniqueAddress())).create("presenter")
                .client();
        Reply foreign = stranger.get("api/sessions/" + session.id() + "/sources");
        assertTrue(foreign.status() == 403 || foreign.status() == 404, foreign.toString());
        assertEquals(401, ApiClient.anonymous(base).get("api/sessions/" + session.id() + "/sources").status());
        assertEquals(0, presenter.get("api/sessions/" + session.id() + "/sources").array().size(),
                "nothing stored by refused requests");
    }

    static String delivery(String type, String uri, String text) {
        var data = Json.createObjectBuilder().add("uri", uri).add("url", "https://relay.example/" + uri)
                .add("author", "@nurse.kim");
        if (text != null) {
            data.add("text", text);
        }
        return Json.createObjectBuilder().add("type", type).add("data", data).build().toString();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    HttpResponse<String> deliver(String path, String id, long timestamp, String body, String signature)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path.substring(1)))
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("webhook-signature", signature);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
