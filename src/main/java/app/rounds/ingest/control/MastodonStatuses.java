package app.rounds.ingest.control;

import app.rounds.ingest.entity.IngestSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * Asks a Mastodon instance about one status it brought: {@code GET /api/v1/statuses/:id} (public statuses need no
 * token), by the instance's own id for it. 404 ("does not exist or is private") or 410 means gone: deleted, made
 * private, or dropped by the instance. A status that is no longer public, or whose author has since opted out of
 * indexing, counts as gone too: it may not be shown. Otherwise the status as it reads now, with its
 * {@code edited_at}. An answer that is not a readable status is {@link Unreadable} (an {@code IOException}), never gone.
 * Each answer's rate-limit headers go to the instance's budget.
 */
@ApplicationScoped
public class MastodonStatuses {

    @Inject
    SourceHttp http;

    @Inject
    RateBudgets budgets;

    @Inject
    Clock clock;

    public Ingestion.Original status(IngestSource source, String uri, String localId)
            throws IOException, InterruptedException {
        URI address = URI.create(source.baseUrl() + "/api/v1/statuses/"
                + URLEncoder.encode(localId, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(http.request(address).header("Accept", "application/json")
                .GET().build());
        Instant now = clock.instant();
        budgets.observeMastodon(source.baseUrl(), response.headers(), now);
        return switch (response.statusCode()) {
            case 200 -> original(uri, response.body(), address);
            case 404, 410 -> Ingestion.Original.gone(uri);
            case 429 -> {
                Instant reset = MastodonTimeline.resetTime(response.headers(), now).orElse(null);
                budgets.of(source.baseUrl()).exhaust(reset);
                throw new RateLimited("rate limited (429)", reset);
            }
            default -> throw new IOException("HTTP " + response.statusCode() + " from " + address.getHost());
        };
    }

    /**
     * The status as it reads now, or gone when it may no longer be shown. An answer that is not a status (no
     * {@code uri}, {@code visibility} or {@code account}, a field of another type) is {@link Unreadable}, never taken
     * as gone.
     */
    static Ingestion.Original original(String uri, String body, URI address) throws Unreadable {
        JsonObject status;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            status = reader.readObject();
        } catch (RuntimeException e) {
            throw new Unreadable("not a JSON status from " + address.getHost(), e);
        }
        if (!(status.get("uri") instanceof JsonString) || !(status.get("visibility") instanceof JsonString)
                || !(status.get("account") instanceof JsonObject)) {
            throw new Unreadable("a status from " + address.getHost() + " without its uri, visibility or account");
        }
        if (!MastodonTimeline.shareable(status)) {
            return Ingestion.Original.gone(uri);
        }
        return new Ingestion.Original(uri, MastodonTimeline.asPost(status, null));
    }
}
