package app.rounds.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Mastodon instance on loopback that speaks the real format of {@code GET /api/v1/timelines/tag/:hashtag}
 * (docs.joinmastodon.org/methods/timelines/#tag): Status entities newest first, {@code limit} (default 20, at most 40),
 * {@code min_id} (the page immediately newer), {@code max_id}, Link headers with {@code rel="next"} and
 * {@code rel="prev"}, the {@code X-RateLimit-*} headers and {@code Date}. It can be told to answer the next calls with
 * an error, a 429 or no answer at all, or to hold its answers until released. {@code GET /api/v1/statuses/:id}
 * (docs.joinmastodon.org/methods/statuses/#get) answers a status as it reads now ({@code edited_at} set once edited),
 * 404 {@code {"error":"Record not found"}} once deleted. It is reached by an address, but its accounts' handles
 * carry its {@code domain} (as {@code /api/v2/instance} and their profile {@code url}s say).
 */
public final class StandInMastodon implements AutoCloseable {

    /** A status as the tests publish it; {@code id} is this instance's own, {@code uri} the post's identity. */
    public record Status(String id, String uri, String html, String visibility, String acct, boolean noindex,
                         Boolean discoverable, boolean reblog, List<String> tags, Instant createdAt,
                         Instant editedAt) {

        public Status(String id, String uri, String html, String visibility, String acct, boolean noindex,
                      Boolean discoverable, boolean reblog, List<String> tags, Instant createdAt) {
            this(id, uri, html, visibility, acct, noindex, discoverable, reblog, tags, createdAt, null);
        }
    }

    private enum Trouble {ERROR_500, RATE_LIMITED, HANG, HOLD}

    static final int RATE_LIMIT = 3000;
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final HttpServer server;
    private final String host;
    private final String domain;
    private final List<Status> statuses = new CopyOnWriteArrayList<>();
    private final List<String> statusRequests = new CopyOnWriteArrayList<>();
    private volatile boolean statusesFailing;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final AtomicInteger held = new AtomicInteger();
    private final ConcurrentLinkedQueue<Trouble> troubles = new ConcurrentLinkedQueue<>();
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private final List<String> userAgents = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    /** Time-based ids, as Mastodon makes them: milliseconds since the epoch, shifted 16 bits, plus a sequence. */
    private final AtomicLong nextId = new AtomicLong(Instant.now().toEpochMilli() << 16);
    private volatile Duration rateLimitWait = Duration.ofSeconds(3);
    private volatile String streamingUrl;
    private volatile Duration latency = Duration.ZERO;
    private Instant windowStart;
    private int callsInWindow;

    /** An instance whose domain is made up from its port. */
    public StandInMastodon() throws IOException {
        this(null);
    }

    /** An instance whose local accounts' handles carry {@code domain} (it is still reached by its address). */
    public StandInMastodon(String domain) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/v1/timelines/tag/", this::timeline);
        server.createContext("/api/v1/statuses/", this::status);
        server.createContext("/api/v2/instance", this::instance);
        server.start();
        host = "127.0.0.1:" + server.getAddress().getPort();
        this.domain = domain != null ? domain : "instance-" + server.getAddress().getPort() + ".example";
    }

    public String baseUrl() {
        return "http://" + host;
    }

    /** The domain its local accounts' handles carry. */
    public String domain() {
        return domain;
    }

    /** Publishes a public status with the given HTML, by {@code acct}, tagged {@code tag}; returns it. */
    public Status publish(String acct, String html, String tag) {
        String id = nextId();
        return add(new Status(id, "https://" + domain + "/users/" + acct + "/statuses/" + id, html, "public", acct,
                false, true, false, List.of(tag), Instant.now()));
    }

    /** The same post as another instance federated it: its uri, an id of this instance's own, a remote acct. */
    public Status federate(Status original) {
        String home = URI.create(original.uri()).getHost();
        return add(new Status(nextId(), original.uri(), original.html(),
                original.visibility(), original.acct().contains("@") ? original.acct() : original.acct() + "@" + home,
                original.noindex(), original.discoverable(), original.reblog(), original.tags(), original.createdAt()));
    }

    /** Where {@code /api/v2/instance} says the streaming API is. */
    public void streamAt(String url) {
        streamingUrl = url;
    }

    /** The original edited: the timeline and the statuses API now serve the new text under the same id, edited now. */
    public Status edit(Status status, String html) {
        Status edited = new Status(status.id(), status.uri(), html, status.visibility(), status.acct(),
                status.noindex(), status.discoverable(), status.reblog(), status.tags(), status.createdAt(),
                Instant.now());
        statuses.replaceAll(s -> s.id().equals(status.id()) ? edited : s);
        return edited;
    }

    /** The original deleted: gone from the timeline, 404 from the statuses API. */
    public void delete(Status status) {
        statuses.removeIf(s -> s.id().equals(status.id()));
    }

    /** While set, the statuses API answers 503 (an instance in trouble). */
    public void failStatuses(boolean failing) {
        statusesFailing = failing;
    }

    /** The ids asked for on the statuses API so far, in order. */
    public List<String> statusRequests() {
        return List.copyOf(statusRequests);
    }

    /** The next timeline call of each poll is held (computed only on release) until {@link #release()}. */
    public void holdNext() {
        gate = new CountDownLatch(1);
        troubles.add(Trouble.HOLD);
    }

    /** Timeline calls held now. */
    public int held() {
        return held.get();
    }

    public void release() {
        gate.countDown();
    }

    public Status add(Status status) {
        statuses.add(status);
        return status;
    }

    /** The status with an id made now. */
    public Status withId(Status status) {
        return new Status(nextId(), status.uri(), status.html(), status.visibility(),
                status.acct(), status.noindex(), status.discoverable(), status.reblog(), status.tags(),
                status.createdAt());
    }

    private String nextId() {
        return Long.toString(nextId.updateAndGet(last -> Math.max(last + 1, Instant.now().toEpochMilli() << 16)));
    }

    /** Answers every timeline call only after {@code latency}, like a distant, busy instance. */
    public void answerAfter(Duration latency) {
        this.latency = latency;
    }

    public void failNext() {
        troubles.add(Trouble.ERROR_500);
    }

    /** The next call is answered 429 with no requests remaining until {@code wait} from now (by its Date header). */
    public void rateLimitNext(Duration wait) {
        rateLimitWait = wait;
        troubles.add(Trouble.RATE_LIMITED);
    }

    /** The next call gets no answer until {@link #close()}. */
    public void hangNext() {
        troubles.add(Trouble.HANG);
    }

    /** The query parameters of every timeline call so far, with the time it came as {@code at}. */
    public List<Map<String, String>> requests() {
        return List.copyOf(requests);
    }

    public List<String> userAgents() {
        return List.copyOf(userAgents);
    }

    private void timeline(HttpExchange exchange) throws IOException {
        Map<String, String> query = StandIns.query(exchange.getRequestURI().getRawQuery());
        query.put("at", Instant.now().toString());
        Trouble trouble = troubles.poll();
        if (trouble != null) {
            query.put("trouble", trouble.name()); // what a test that failed can show it was answered
        }
        requests.add(query);
        userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
        String tag = exchange.getRequestURI().getPath().substring("/api/v1/timelines/tag/".length());
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis()); // the stand-in's simulated network latency
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Instant now = Instant.now();
        exchange.getResponseHeaders().add("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atZone(ZoneOffset.UTC)));
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        if (trouble == Trouble.HOLD) {
            held.incrementAndGet();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            held.decrementAndGet();
        }
        if (trouble == Trouble.HANG) {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        if (trouble == Trouble.ERROR_500) {
            StandIns.sendJson(exchange, 500, "{\"error\":\"We're sorry, but something went wrong on our end.\"}");
            return;
        }
        if (trouble == Trouble.RATE_LIMITED) {
            exchange.getResponseHeaders().add("X-RateLimit-Limit", "300");
            exchange.getResponseHeaders().add("X-RateLimit-Remaining", "0");
            exchange.getResponseHeaders().add("X-RateLimit-Reset", now.plus(rateLimitWait).toString());
            StandIns.sendJson(exchange, 429, "{\"error\":\"Too many requests\"}");
            return;
        }
        int limit = Math.min(40, Integer.parseInt(query.getOrDefault("limit", "20")));
        List<Status> tagged = statuses.stream()
                .filter(s -> s.tags().stream().anyMatch(t -> t.equalsIgnoreCase(tag)))
                .sorted(Comparator.comparing((Status s) -> s.id().length()).thenComparing(Status::id))
                .toList();
        List<Status> page;
        if (query.containsKey("min_id")) {
            String minId = query.get("min_id");
            page = new ArrayList<>(tagged.stream().filter(s -> newer(s.id(), minId)).limit(limit).toList());
        } else {
            page = new ArrayList<>(tagged.subList(Math.max(0, tagged.size() - limit), tagged.size()));
        }
        page.sort(Comparator.comparing((Status s) -> s.id().length()).thenComparing(Status::id).reversed());
        if (!page.isEmpty()) {
            String path = baseUrl() + "/api/v1/timelines/tag/" + tag;
            exchange.getResponseHeaders().add("Link", "<" + path + "?max_id=" + page.getLast().id() + ">; rel=\"next\", <"
                    + path + "?min_id=" + page.getFirst().id() + ">; rel=\"prev\"");
        }
        rateLimitHeaders(exchange, now);
        JsonArrayBuilder body = Json.createArrayBuilder();
        page.forEach(s -> body.add(json(s)));
        StandIns.sendJson(exchange, 200, body.build().toString());
    }

    private void status(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/api/v1/statuses/".length());
        statusRequests.add(id);
        Instant now = Instant.now();
        exchange.getResponseHeaders().add("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atZone(ZoneOffset.UTC)));
        rateLimitHeaders(exchange, now);
        if (statusesFailing) {
            StandIns.sendJson(exchange, 503, "{\"error\":\"Service Unavailable\"}");
            return;
        }
        Status found = statuses.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
        if (found == null) {
            StandIns.sendJson(exchange, 404, "{\"error\":\"Record not found\"}");
            return;
        }
        StandIns.sendJson(exchange, 200, json(found).toString());
    }

    /**
     * The rate-limit headers of a 5-minute window of {@value #RATE_LIMIT} calls (an instance whose admin raised
     * Mastodon's default of 300, as the tests poll every second), counting every call in the window.
     */
    private void rateLimitHeaders(HttpExchange exchange, Instant now) {
        int remaining;
        Instant reset;
        synchronized (this) {
            if (windowStart == null || !now.isBefore(windowStart.plus(WINDOW))) {
                windowStart = now;
                callsInWindow = 0;
            }
            callsInWindow++;
            remaining = Math.max(0, RATE_LIMIT - callsInWindow);
            reset = windowStart.plus(WINDOW);
        }
        exchange.getResponseHeaders().add("X-RateLimit-Limit", Integer.toString(RATE_LIMIT));
        exchange.getResponseHeaders().add("X-RateLimit-Remaining", Integer.toString(remaining));
        exchange.getResponseHeaders().add("X-RateLimit-Reset", reset.toString());
    }

    private void instance(HttpExchange exchange) throws IOException {
        JsonObjectBuilder urls = Json.createObjectBuilder();
        if (streamingUrl != null) {
            urls.add("streaming", streamingUrl);
        }
        StandIns.sendJson(exchange, 200, Json.createObjectBuilder().add("domain", domain).add("title", "Stand-in")
                .add("configuration", Json.createObjectBuilder().add("urls", urls)).build().toString());
    }

    /** A status as the API shows it (the streaming API's payloads are this, as a string). */
    public JsonObject json(Status s) {
        String[] user = s.acct().split("@");
        JsonObjectBuilder account = Json.createObjectBuilder()
                .add("id", "1090")
                .add("username", user[0])
                .add("acct", s.acct())
                .add("display_name", s.acct())
                .add("url", "https://" + (user.length > 1 ? user[1] : domain) + "/@" + user[0])
                .add("bot", false)
                .add("noindex", s.noindex());
        if (s.discoverable() == null) {
            account.addNull("discoverable");
        } else {
            account.add("discoverable", s.discoverable());
        }
        JsonArrayBuilder tags = Json.createArrayBuilder();
        s.tags().forEach(t -> tags.add(Json.createObjectBuilder().add("name", t.toLowerCase())
                .add("url", "https://" + domain + "/tags/" + t)));
        JsonObjectBuilder status = Json.createObjectBuilder()
                .add("id", s.id())
                .add("created_at", DateTimeFormatter.ISO_INSTANT.format(s.createdAt()))
                .addNull("in_reply_to_id")
                .add("sensitive", false)
                .add("spoiler_text", "")
                .add("visibility", s.visibility())
                .add("language", "en")
                .add("uri", s.uri())
                .add("url", s.uri().replace("/users/", "/@").replace("/statuses/", "/"))
                .add("content", s.html())
                .add("account", account)
                .add("tags", tags)
                .add("mentions", Json.createArrayBuilder())
                .add("media_attachments", Json.createArrayBuilder());
        if (s.editedAt() == null) {
            status.addNull("edited_at");
        } else {
            status.add("edited_at", DateTimeFormatter.ISO_INSTANT.format(s.editedAt()));
        }
        if (s.reblog()) {
            status.add("reblog", Json.createObjectBuilder().add("id", "1").add("uri", s.uri() + "/original"));
        } else {
            status.addNull("reblog");
        }
        return status.build();
    }

    public static boolean newer(String id, String than) {
        return id.length() != than.length() ? id.length() > than.length() : id.compareTo(than) > 0;
    }



    @Override
    public void close() {
        released.countDown();
        gate.countDown();
        server.stop(0);
    }
}
