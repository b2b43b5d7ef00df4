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
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Polls a Mastodon instance's hashtag timeline forward: {@code GET /api/v1/timelines/tag/:hashtag?limit=40&min_id=},
 * the cursor being the {@code min_id} of the {@code rel="prev"} link (the newer page). Honours the rate-limit headers:
 * with nothing remaining, or after a 429 (Mastodon sends no Retry-After), the next call waits for
 * {@code X-RateLimit-Reset}, measured against the server's own {@code Date} so that clock skew does not matter.
 */
@ApplicationScoped
public class MastodonTimeline {

    public static final int LIMIT = 40;
    private static final Pattern LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?([a-z]+)\"?");
    private static final Pattern MIN_ID = Pattern.compile("[?&]min_id=([^&]+)");

    @Inject
    SourceHttp http;

    @Inject
    MastodonInstances instances;

    @Inject
    RateBudgets budgets;

    @Inject
    Clock clock;

    public SourcePage fetch(IngestSource source, String hashtag) throws IOException, InterruptedException {
        String domain = instances.domain(source.baseUrl()).orElse(null);
        String tag = URLEncoder.encode(hashtag.startsWith("#") ? hashtag.substring(1) : hashtag, StandardCharsets.UTF_8);
        String query = "?limit=" + LIMIT + (source.cursor() == null ? ""
                : "&min_id=" + URLEncoder.encode(source.cursor(), StandardCharsets.UTF_8));
        URI uri = URI.create(source.baseUrl() + "/api/v1/timelines/tag/" + tag + query);
        HttpResponse<String> response = http.send(http.request(uri).header("Accept", "application/json").GET().build());
        Instant now = clock.instant();
        Optional<Instant> reset = resetTime(response.headers(), now);
        budgets.observeMastodon(source.baseUrl(), response.headers(), now);
        if (response.statusCode() == 429) {
            budgets.of(source.baseUrl()).exhaust(reset.orElse(null));
            throw new RateLimited("rate limited (429)", reset.orElse(null));
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + uri.getHost());
        }
        JsonArray statuses;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            statuses = reader.readArray();
        } catch (RuntimeException e) {
            throw new IOException("not a JSON array of statuses from " + uri.getHost(), e);
        }
        List<SocialPost> posts = new ArrayList<>();
        String newest = source.cursor();
        for (JsonValue value : statuses) {
            if (!(value instanceof JsonObject status) || !(status.get("id") instanceof JsonString id)) {
                throw new Unreadable("a status without its id from " + uri.getHost());
            }
            if (newest == null || newerId(id.getString(), newest)) {
                newest = id.getString();
            }
            post(status, domain, hashtag).ifPresent(posts::add);
        }
        String cursor = prevMinId(response.headers()).orElse(newest);
        boolean rateLimitSpent = response.headers().firstValue("X-RateLimit-Remaining")
                .map(r -> r.strip().equals("0")).orElse(false);
        boolean more = statuses.size() >= LIMIT && !rateLimitSpent;
        return new SourcePage(posts, List.of(), cursor, more, rateLimitSpent ? reset.orElse(null) : null);
    }

    /**
     * A status as a post, unless it must be skipped: not public, a reblog, without the hashtag, or by an account that
     * opted out of indexing ({@code noindex}, {@code discoverable: false}). {@code domain}: the instance's own domain
     * (see {@link #handle}), null when unknown.
     */
    static Optional<SocialPost> post(JsonObject status, String domain, String hashtag) throws Unreadable {
        if (!shareable(status)) {
            return Optional.empty();
        }
        String text = PostText.of(status.getString("content", ""));
        String tag = (hashtag.startsWith("#") ? hashtag.substring(1) : hashtag).toLowerCase(Locale.ROOT);
        boolean tagged = status.get("tags") instanceof JsonArray tags && tags.stream()
                .anyMatch(t -> t instanceof JsonObject o && o.getString("name", "").toLowerCase(Locale.ROOT).equals(tag));
        if (!tagged && !PostClassifier.carries(text, hashtag)) {
            return Optional.empty();
        }
        return Optional.of(asPost(status, domain));
    }

    /** Whether a status may be shown at all: public, not a reblog, by an account that did not opt out of indexing. */
    static boolean shareable(JsonObject status) {
        if (!"public".equals(status.getString("visibility", "")) || isPresent(status, "reblog")) {
            return false;
        }
        JsonObject account = status.get("account") instanceof JsonObject a ? a : null;
        return account != null && !account.getBoolean("noindex", false) && account.getBoolean("discoverable", true);
    }

    /**
     * A status as a post, whatever its hashtags (a re-check of a post taken before). {@link Unreadable} without its
     * {@code uri} or {@code account}, or with a field of another type than Mastodon documents; a time that does not
     * parse counts as none.
     */
    static SocialPost asPost(JsonObject status, String domain) throws Unreadable {
        if (!(status.get("uri") instanceof JsonString uri) || !(status.get("account") instanceof JsonObject account)) {
            throw new Unreadable("a status without its uri or account");
        }
        try {
            String text = PostText.of(status.getString("content", ""));
            String url = isPresent(status, "url") ? status.getString("url") : uri.getString();
            Instant created = parseInstant(status.getString("created_at", null));
            Instant edited = isPresent(status, "edited_at") ? parseInstant(status.getString("edited_at")) : null;
            return new SocialPost(uri.getString(), url, handle(account, domain), text, created,
                    status.getString("id", null), edited);
        } catch (RuntimeException e) {
            throw new Unreadable("a status with a field Rounds cannot read", e);
        }
    }

    /**
     * The author's public handle, {@code @user@domain}. A remote account's {@code acct} carries its domain; a local
     * one's does not, and then the domain is the instance's own ({@code domain} of {@code /api/v2/instance}), else the
     * host of the account's profile {@code url}, never the host Rounds reached the API by (which may be an address or
     * an internal name). Without either, just {@code @user}.
     */
    static String handle(JsonObject account, String instanceDomain) {
        String acct = account.getString("acct", account.getString("username", "unknown"));
        if (acct.contains("@")) {
            return "@" + acct;
        }
        String domain = instanceDomain;
        if (domain == null && isPresent(account, "url")) {
            try {
                URI profile = URI.create(account.getString("url"));
                domain = profile.getHost() == null ? null
                        : profile.getHost() + (profile.getPort() == -1 ? "" : ":" + profile.getPort());
            } catch (IllegalArgumentException e) {
                domain = null;
            }
        }
        return "@" + acct + (domain == null ? "" : "@" + domain);
    }

    private static boolean isPresent(JsonObject object, String key) {
        return object.containsKey(key) && object.get(key).getValueType() != JsonValue.ValueType.NULL;
    }

    /**
     * The id a status posted at {@code instant} would have: Mastodon's ids are time-based (milliseconds since the
     * epoch, shifted left 16 bits, plus a sequence), so this is where a new source starts reading forward.
     */
    public static String idAt(Instant instant) {
        return Long.toString(instant.toEpochMilli() << 16);
    }

    /** Mastodon ids are numbers in strings, longer meaning newer. */
    static boolean newerId(String a, String b) {
        return a.length() != b.length() ? a.length() > b.length() : a.compareTo(b) > 0;
    }

    static Optional<String> prevMinId(HttpHeaders headers) {
        for (String link : headers.allValues("Link")) {
            Matcher m = LINK.matcher(link);
            while (m.find()) {
                if (m.group(2).equals("prev")) {
                    Matcher minId = MIN_ID.matcher(m.group(1));
                    if (minId.find()) {
                        return Optional.of(java.net.URLDecoder.decode(minId.group(1), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** When the rate limit resets, on our clock: the reset time minus the server's Date, added to now. */
    static Optional<Instant> resetTime(HttpHeaders headers, Instant now) {
        Optional<Instant> reset = headers.firstValue("X-RateLimit-Reset").map(MastodonTimeline::parseInstant);
        if (reset.isEmpty() || reset.get() == null) {
            return Optional.empty();
        }
        Instant serverNow = headers.firstValue("Date").map(MastodonTimeline::parseHttpDate).orElse(now);
        Duration wait = Duration.between(serverNow, reset.get());
        return Optional.of(now.plus(wait.isNegative() ? Duration.ZERO : wait));
    }

    static Instant parseInstant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text.strip(), DateTimeFormatter.ISO_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant parseHttpDate(String text) {
        try {
            return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
