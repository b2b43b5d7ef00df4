package app.rounds.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A Bluesky server on loopback speaking {@code com.atproto.server.createSession}, {@code app.bsky.feed.searchPosts}
 * and {@code app.bsky.feed.getPosts} (docs.bsky.app): search results newest first, {@code limit} and an opaque
 * {@code cursor} that pages back in time, hashtags as {@code app.bsky.richtext.facet#tag} features whose {@code index}
 * counts UTF-8 bytes; getPosts takes up to 25 {@code uris} and leaves out those it does not have (deleted). Only a
 * session's access token opens them.
 */
public final class StandInBluesky implements AutoCloseable {

    public static final String HANDLE = "rounds-bot.bsky.social";
    public static final String APP_PASSWORD = "abcd-efgh-ijkl-mnop";

    private record Post(String uri, String handle, String text, String tag, Instant indexedAt) {
    }

    private final HttpServer server;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final List<String> accessTokens = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> searches = new CopyOnWriteArrayList<>();
    private final List<List<String>> lookups = new CopyOnWriteArrayList<>();
    private volatile int logins;

    public StandInBluesky() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/xrpc/com.atproto.server.createSession", this::createSession);
        server.createContext("/xrpc/app.bsky.feed.searchPosts", this::searchPosts);
        server.createContext("/xrpc/app.bsky.feed.getPosts", this::getPosts);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Posts {@code text} (which contains {@code #tag}) by {@code handle}; returns its at:// URI. */
    public String post(String handle, String text, String tag) {
        String uri = "at://did:plc:" + handle.hashCode() + "/app.bsky.feed.post/" + UUID.randomUUID().toString()
                .replace("-", "").substring(0, 13);
        Instant last = posts.isEmpty() ? Instant.EPOCH : posts.getLast().indexedAt();
        Instant now = Instant.now();
        posts.add(new Post(uri, handle, text, tag, now.isAfter(last) ? now : last.plusMillis(1)));
        return uri;
    }

    /** The post deleted: no longer found by search nor by getPosts. */
    public void delete(String uri) {
        posts.removeIf(p -> p.uri().equals(uri));
    }

    /** The {@code uris} of every getPosts call so far. */
    public List<List<String>> lookups() {
        return List.copyOf(lookups);
    }

    public int logins() {
        return logins;
    }

    public List<Map<String, String>> searches() {
        return List.copyOf(searches);
    }

    /** Makes every access token given so far expire (the next search gets 400 ExpiredToken). */
    public void expireTokens() {
        accessTokens.clear();
    }

    private void createSession(HttpExchange exchange) throws IOException {
        JsonObject login;
        try (JsonReader reader = Json.createReader(exchange.getRequestBody())) {
            login = reader.readObject();
        }
        if (!HANDLE.equals(login.getString("identifier", "")) || !APP_PASSWORD.equals(login.getString("password", ""))) {
            StandIns.sendJson(exchange, 401, "{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}");
            return;
        }
        logins++;
        String token = "access-" + UUID.randomUUID();
        accessTokens.add(token);
        StandIns.sendJson(exchange, 200, Json.createObjectBuilder().add("accessJwt", token).add("refreshJwt", "refresh-" + token)
                .add("handle", HANDLE).add("did", "did:plc:roundsbot").build().toString());
    }

    private boolean authorised(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !accessTokens.contains(authorization.replace("Bearer ", ""))) {
            StandIns.sendJson(exchange, 400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}");
            return false;
        }
        return true;
    }

    private void getPosts(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        List<String> uris = new ArrayList<>();
        String raw = exchange.getRequestURI().getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            if (pair.startsWith("uris=")) {
                uris.add(java.net.URLDecoder.decode(pair.substring("uris=".length()), StandardCharsets.UTF_8));
            }
        }
        lookups.add(List.copyOf(uris));
        if (uris.size() > 25) {
            StandIns.sendJson(exchange, 400, "{\"error\":\"InvalidRequest\",\"message\":\"uris must not have more than 25 elements\"}");
            return;
        }
        JsonArrayBuilder views = Json.createArrayBuilder();
        for (String uri : uris) {
            posts.stream().filter(p -> p.uri().equals(uri)).findFirst().ifPresent(p -> views.add(view(p)));
        }
        StandIns.sendJson(exchange, 200, Json.createObjectBuilder().add("posts", views).build().toString());
    }

    private void searchPosts(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        Map<String, String> query = StandIns.query(exchange.getRequestURI().getRawQuery());
        searches.add(query);
        String tag = query.getOrDefault("tag", "");
        int limit = Math.min(100, Integer.parseInt(query.getOrDefault("limit", "25")));
        int offset = query.containsKey("cursor") ? Integer.parseInt(query.get("cursor")) : 0;
        List<Post> newestFirst = new ArrayList<>(posts.stream().filter(p -> p.tag().equalsIgnoreCase(tag)).toList())
                .reversed();
        List<Post> page = newestFirst.subList(Math.min(offset, newestFirst.size()),
                Math.min(offset + limit, newestFirst.size()));
        JsonArrayBuilder views = Json.createArrayBuilder();
        for (Post post : page) {
            views.add(view(post));
        }
        var body = Json.createObjectBuilder().add("posts", views);
        if (offset + limit < newestFirst.size()) {
            body.add("cursor", Integer.toString(offset + limit));
        }
        StandIns.sendJson(exchange, 200, body.build().toString());
    }

    /** An {@code app.bsky.feed.defs#postView}. */
    private static JsonObject view(Post post) {
        byte[] text = post.text().getBytes(StandardCharsets.UTF_8);
        byte[] hashtag = ("#" + post.tag()).getBytes(StandardCharsets.UTF_8);
        int start = indexOf(text, hashtag);
        return Json.createObjectBuilder()
                .add("uri", post.uri())
                .add("cid", "bafyrei" + Integer.toHexString(post.uri().hashCode()))
                .add("author", Json.createObjectBuilder().add("did", "did:plc:" + post.handle().hashCode())
                        .add("handle", post.handle()).add("displayName", post.handle()))
                .add("record", Json.createObjectBuilder()
                        .add("$type", "app.bsky.feed.post")
                        .add("text", post.text())
                        .add("createdAt", post.indexedAt().toString())
                        .add("facets", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("index", Json.createObjectBuilder().add("byteStart", start)
                                        .add("byteEnd", start + hashtag.length))
                                .add("features", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                        .add("$type", "app.bsky.richtext.facet#tag").add("tag", post.tag()))))))
                .add("replyCount", 0).add("repostCount", 0).add("likeCount", 0)
                .add("indexedAt", post.indexedAt().toString()).build();
    }

    private static int indexOf(byte[] text, byte[] part) {
        outer:
        for (int i = 0; i <= text.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (text[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }



    @Override
    public void close() {
        server.stop(0);
    }
}
