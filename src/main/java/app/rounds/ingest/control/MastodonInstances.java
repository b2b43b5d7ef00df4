package app.rounds.ingest.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a Mastodon instance says of itself in {@code GET /api/v2/instance}: its {@code domain} (the one its local
 * accounts' handles carry, which need not be the host Rounds reaches it by, nor the host of its web pages) and where it
 * serves its streaming API ({@code configuration.urls.streaming}). Kept an hour; a failure is tried again after a
 * minute.
 */
@ApplicationScoped
public class MastodonInstances {

    static final Duration KEPT = Duration.ofHours(1);
    static final Duration FAILURE_KEPT = Duration.ofMinutes(1);

    /** {@code domain} and {@code streamingUrl} are null when the instance does not give them. */
    public record Description(String domain, String streamingUrl) {
    }

    private record Kept(Optional<Description> description, Instant until) {
    }

    @Inject
    SourceHttp http;

    @Inject
    RateBudgets budgets;

    @Inject
    Clock clock;

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    /** The instance's description, or empty when it could not be read. */
    public Optional<Description> describe(String baseUrl) {
        Instant now = clock.instant();
        Kept known = kept.get(baseUrl);
        if (known != null && now.isBefore(known.until())) {
            return known.description();
        }
        Optional<Description> description = fetch(baseUrl);
        kept.put(baseUrl, new Kept(description, now.plus(description.isPresent() ? KEPT : FAILURE_KEPT)));
        return description;
    }

    /** The domain of the instance's local accounts, as in {@code @user@domain}. */
    public Optional<String> domain(String baseUrl) {
        return describe(baseUrl).map(Description::domain);
    }

    private Optional<Description> fetch(String baseUrl) {
        try {
            HttpResponse<String> response = http.send(http.request(URI.create(baseUrl + "/api/v2/instance"))
                    .header("Accept", "application/json").GET().build());
            budgets.observeMastodon(baseUrl, response.headers(), clock.instant());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(parse(response.body()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Description parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonObject instance = reader.readObject();
            String domain = text(instance, "domain");
            String streaming = null;
            if (instance.get("configuration") instanceof JsonObject configuration
                    && configuration.get("urls") instanceof JsonObject urls) {
                streaming = text(urls, "streaming");
            }
            if (streaming != null && streaming.endsWith("/")) {
                streaming = streaming.substring(0, streaming.length() - 1);
            }
            return new Description(domain == null || domain.isBlank() ? null : domain.strip(), streaming);
        }
    }

    private static String text(JsonObject object, String key) {
        return object.containsKey(key) && object.get(key).getValueType() == JsonValue.ValueType.STRING
                ? object.getString(key) : null;
    }
}
