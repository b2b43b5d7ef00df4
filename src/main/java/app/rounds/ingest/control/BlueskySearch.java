package app.rounds.ingest.control;

import app.rounds.ingest.entity.IngestSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Searches Bluesky for the session's hashtag: {@code app.bsky.feed.searchPosts} with {@code tag}, {@code sort=latest}
 * and its {@code cursor}, after {@code com.atproto.server.createSession} with the source's account and app password
 * (the session's access token is kept in memory and made again when it expires). Results come newest first and the
 * cursor pages back in time: a poll pages back until it reaches posts it has seen (the source's cursor holds the
 * newest {@code indexedAt} taken), and moves that mark only once everything newer is stored.
 */
@ApplicationScoped
public class BlueskySearch {

    public static final int LIMIT = 100;
    private static final String TAG_FEATURE = "app.bsky.richtext.facet#tag";

    @Inject
    SourceHttp http;

    @Inject
    Sources sources;

    @Inject
    RateBudgets budgets;

    private final Map<String, String> accessTokens = new ConcurrentHashMap<>();
    /** One login at a time per source (see {@link #session}). */
    private final Map<String, Object> sessionLocks = new ConcurrentHashMap<>();

    /** One page back in time from {@code apiCursor} (null: the newest). */
    public SearchPage search(IngestSource source, String hashtag, String apiCursor)
            throws IOException, InterruptedException {
        String tag = hashtag.startsWith("#") ? hashtag.substring(1) : hashtag;
        String query = "?q=" + URLEncoder.encode("#" + tag, StandardCharsets.UTF_8)
                + "&tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8) + "&sort=latest&limit=" + LIMIT
                + (apiCursor == null ? "" : "&cursor=" + URLEncoder.encode(apiCursor, StandardCharsets.UTF_8));
        URI uri = URI.create(source.baseUrl() + "/xrpc/app.bsky.feed.searchPosts" + query);
        return page(read(answered(source, uri), uri), tag, uri.getHost());
    }

    /** A searchPosts answer: {@link Unreadable} without its {@code posts} or with a post view Rounds cannot read. */
    static SearchPage page(JsonObject body, String tag, String host) throws Unreadable {
        List<Hit> hits = new ArrayList<>();
        for (JsonObject view : views(body, host)) {
            Instant indexedAt = instant(view.getString("indexedAt", null));
            SocialPost post;
            try {
                post = post(view, tag).orElse(null);
            } catch (RuntimeException e) {
                throw new Unreadable("a post view from " + host + " with a field Rounds cannot read", e);
            }
            hits.add(new Hit(post, indexedAt));
        }
        String next = body.get("cursor") instanceof JsonString cursor ? cursor.getString() : null;
        return new SearchPage(hits, next);
    }

    /** The {@code posts} of an answer, each a post view. */
    private static List<JsonObject> views(JsonObject body, String host) throws Unreadable {
        if (!(body.get("posts") instanceof JsonArray posts)) {
            throw new Unreadable("an answer from " + host + " without its posts");
        }
        List<JsonObject> views = new ArrayList<>();
        for (JsonValue value : posts) {
            if (!(value instanceof JsonObject view)) {
                throw new Unreadable("a post from " + host + " that is not a post view");
            }
            views.add(view);
        }
        return views;
    }

    /**
     * What Bluesky shows of these posts now ({@code app.bsky.feed.getPosts}, at most 25 at:// URIs a call): each as
     * it reads, or gone when the answer leaves it out (deleted, or its author's account taken down or deactivated).
     */
    public List<Ingestion.Original> posts(IngestSource source, List<String> atUris)
            throws IOException, InterruptedException {
        if (atUris.size() > GET_POSTS_LIMIT) {
            throw new IllegalArgumentException("getPosts takes at most " + GET_POSTS_LIMIT + " URIs");
        }
        StringBuilder query = new StringBuilder();
        atUris.forEach(u -> query.append(query.isEmpty() ? "?" : "&").append("uris=")
                .append(URLEncoder.encode(u, StandardCharsets.UTF_8)));
        URI uri = URI.create(source.baseUrl() + "/xrpc/app.bsky.feed.getPosts" + query);
        return originals(atUris, read(answered(source, uri), uri), uri.getHost());
    }

    /**
     * A getPosts answer: each post asked about as it reads, or gone when the answer leaves it out. An answer without
     * its {@code posts}, or with a post view Rounds cannot read, is {@link Unreadable}: nothing is taken as gone.
     */
    static List<Ingestion.Original> originals(List<String> atUris, JsonObject body, String host) throws Unreadable {
        Map<String, SocialPost> found = new java.util.HashMap<>();
        for (JsonObject view : views(body, host)) {
            SocialPost post = asPost(view);
            found.put(post.uri(), post);
        }
        return atUris.stream().map(u -> found.containsKey(u) ? new Ingestion.Original(u, found.get(u))
                : Ingestion.Original.gone(u)).toList();
    }

    public static final int GET_POSTS_LIMIT = 25;

    /** The body of a 200 to an authorised GET; a 429 spends the instance's budget until its reset. */
    private String answered(IngestSource source, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = authorised(source, uri);
        budgets.observeBluesky(source.baseUrl(), response.headers());
        if (response.statusCode() == 429) {
            budgets.of(source.baseUrl()).exhaust(retryAfter(response));
            throw new RateLimited("rate limited (429)", retryAfter(response));
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + uri.getHost() + " " + error(response));
        }
        return response.body();
    }

    /** A search result: the post (null when skipped) and when Bluesky indexed it. */
    public record Hit(SocialPost post, Instant indexedAt) {
    }

    public record SearchPage(List<Hit> hits, String cursor) {
    }

    /**
     * A post view as a post, if a {@code facet#tag} feature carries the hashtag (offsets are UTF-8 bytes); empty when
     * none does or its record has no text (a search skips it).
     */
    static Optional<SocialPost> post(JsonObject view, String tag) throws Unreadable {
        if (!(view.get("record") instanceof JsonObject record) || !(record.get("text") instanceof JsonString text)
                || !taggedWith(record, text.getString(), tag)) {
            return Optional.empty();
        }
        return Optional.of(asPost(view));
    }

    /**
     * A post view as a post, whatever its tags (a re-check of a post taken before). {@link Unreadable} without its
     * {@code uri}, {@code author} or a record with a text: a post Bluesky still has always carries them.
     */
    static SocialPost asPost(JsonObject view) throws Unreadable {
        if (!(view.get("uri") instanceof JsonString atUri) || !(view.get("author") instanceof JsonObject author)
                || !(view.get("record") instanceof JsonObject record) || !(record.get("text") instanceof JsonString text)) {
            throw new Unreadable("a post view without its uri, author or text");
        }
        String handle = author.getString("handle", author.getString("did", "unknown"));
        String rkey = atUri.getString().substring(atUri.getString().lastIndexOf('/') + 1);
        String url = "https://bsky.app/profile/" + handle + "/post/" + rkey;
        return new SocialPost(atUri.getString(), url, "@" + handle, text.getString().strip(),
                instant(record.getString("createdAt", null)));
    }

    static boolean taggedWith(JsonObject record, String text, String tag) {
        if (!record.containsKey("facets")) {
            return false;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String wanted = tag.toLowerCase(Locale.ROOT);
        for (JsonValue facetValue : record.getJsonArray("facets")) {
            JsonObject facet = facetValue.asJsonObject();
            for (JsonValue featureValue : facet.getJsonArray("features")) {
                JsonObject feature = featureValue.asJsonObject();
                if (TAG_FEATURE.equals(feature.getString("$type", ""))
                        && feature.getString("tag", "").toLowerCase(Locale.ROOT).equals(wanted)) {
                    JsonObject index = facet.getJsonObject("index");
                    int start = index.getInt("byteStart");
                    int end = index.getInt("byteEnd");
                    // the facet must point at the tag in the text: byte offsets, not characters
                    if (start >= 0 && end <= bytes.length && start < end && new String(bytes, start, end - start,
                            StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).equals("#" + wanted)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private HttpResponse<String> authorised(IngestSource source, URI uri) throws IOException, InterruptedException {
        String token = accessTokens.get(source.id());
        if (token == null) {
            token = session(source, null);
        }
        HttpResponse<String> response = http.send(http.request(uri).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build());
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            if (error(response).contains("ExpiredToken") || error(response).contains("InvalidToken")
                    || response.statusCode() == 401) {
                token = session(source, token);
                response = http.send(http.request(uri).header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json").GET().build());
            }
        }
        return response;
    }

    /**
     * A session token other than {@code refused}: the one another caller (a poll, a re-check) just got, or a new one.
     * One login per source at a time, so that callers meeting the same expired token log in once between them.
     */
    private String session(IngestSource source, String refused) throws IOException, InterruptedException {
        synchronized (sessionLocks.computeIfAbsent(source.id(), id -> new Object())) {
            String current = accessTokens.get(source.id());
            return current != null && !current.equals(refused) ? current : createSession(source);
        }
    }

    private String createSession(IngestSource source) throws IOException, InterruptedException {
        String password = sources.credential(source).orElseThrow(() -> new IOException(
                "the app password cannot be read with the current ROUNDS_SECRETS_KEY: enter it again"));
        String login = Json.createObjectBuilder().add("identifier", source.account()).add("password", password)
                .build().toString();
        URI uri = URI.create(source.baseUrl() + "/xrpc/com.atproto.server.createSession");
        HttpResponse<String> response = http.send(http.request(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(login)).build());
        if (response.statusCode() == 429) {
            throw new RateLimited("login rate limited (429)", retryAfter(response));
        }
        if (response.statusCode() != 200) {
            throw new IOException("login refused: HTTP " + response.statusCode() + " " + error(response));
        }
        if (!(read(response.body(), uri).get("accessJwt") instanceof JsonString token)) {
            throw new Unreadable("a session from " + uri.getHost() + " without its accessJwt");
        }
        accessTokens.put(source.id(), token.getString());
        return token.getString();
    }

    /** Bluesky's rate-limit reset is Unix seconds in {@code RateLimit-Reset}. */
    private static Instant retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("RateLimit-Reset").map(String::strip).map(s -> {
            try {
                return Instant.ofEpochSecond(Long.parseLong(s));
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    private static String error(HttpResponse<String> response) {
        String body = response.body();
        return body == null ? "" : body.substring(0, Math.min(200, body.length()));
    }

    static JsonObject read(String body, URI uri) throws Unreadable {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new Unreadable("not a JSON object from " + uri.getHost(), e);
        }
    }

    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
