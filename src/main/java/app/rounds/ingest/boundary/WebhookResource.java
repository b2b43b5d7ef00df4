package app.rounds.ingest.boundary;

import app.rounds.platform.control.Conflicts;
import app.rounds.ingest.control.Ingestion;
import app.rounds.ingest.control.PostText;
import app.rounds.ingest.control.SocialPost;
import app.rounds.ingest.control.Sources;
import app.rounds.ingest.control.WebhookSignatures;
import app.rounds.ingest.entity.IngestSource;
import app.rounds.ingest.entity.SourceKind;
import app.rounds.platform.control.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Posts relayed from another system (Slack, Teams, an in-house relay), signed by the Standard Webhooks scheme with the
 * source's secret. Body: {@code {"type": "post.created" | "post.updated" | "post.deleted", "data": {"uri", "url",
 * "author", "text" or "html", "createdAt"}}}. A bad or stale signature is 401 and stores nothing; a
 * {@code webhook-id} seen before is answered 200 and changes nothing.
 */
@Path("ingest/webhooks/{sourceId}")
@PermitAll
@Tag(name = "Ingestion")
public class WebhookResource {

    public record Delivery(String id, boolean duplicate, int added, int revised, int withdrawn) {
    }

    static final int MAX_BODY_BYTES = 64 * 1024;

    @Inject
    Sources sources;

    @Inject
    Ingestion ingestion;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A relayed post, signed with Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature)")
    public Delivery receive(@PathParam("sourceId") String sourceId, @HeaderParam("webhook-id") String id,
                            @HeaderParam("webhook-timestamp") String timestamp,
                            @HeaderParam("webhook-signature") String signature, InputStream stream) {
        byte[] body = readAtMost(stream, MAX_BODY_BYTES);
        IngestSource source = sources.find(sourceId).filter(s -> s.kind() == SourceKind.WEBHOOK && s.enabled())
                .orElseThrow(() -> ProblemException.notFound("source-not-found", "No webhook source has this address."));
        String secret = sources.credential(source).orElseThrow(() -> new ProblemException(
                ProblemException.Kind.UNAVAILABLE, "webhook-secret-unreadable", "Source not ready",
                "This source's secret cannot be read with the current ROUNDS_SECRETS_KEY; staff must add it again.",
                List.of(), null));
        WebhookSignatures.verify(secret, id, timestamp, signature, body, clock.instant());
        JsonObject message = parse(body);
        String type = message.getString("type", "");
        JsonObject data = message.getJsonObject("data");
        String uri = data.getString("uri", "").strip();
        if (uri.isEmpty()) {
            throw ProblemException.invalidField("data.uri", "is required: the post's stable identity");
        }
        List<SocialPost> posts = switch (type) {
            case "post.created", "post.updated" -> List.of(post(data, uri));
            case "post.deleted" -> List.of();
            default -> throw ProblemException.invalidField("type", "must be post.created, post.updated or post.deleted");
        };
        List<String> deleted = posts.isEmpty() ? List.of(uri) : List.of();
        var taken = Conflicts.retried(() -> ingestion.takeDelivery(sourceId, id, posts, deleted));
        return taken.map(t -> new Delivery(id, false, t.added(), t.revised(), t.withdrawn()))
                .orElseGet(() -> new Delivery(id, true, 0, 0, 0));
    }

    /** The body, read no further than the limit: a huge delivery is refused without being held. */
    private static byte[] readAtMost(InputStream stream, int limit) {
        try {
            byte[] body = stream.readNBytes(limit + 1);
            if (body.length > limit) {
                throw new ProblemException(ProblemException.Kind.PAYLOAD_TOO_LARGE, "webhook-too-large",
                        "Payload too large", "A delivery may be at most " + limit + " bytes.", List.of(), null);
            }
            return body;
        } catch (IOException e) {
            throw ProblemException.invalidField("body", "could not be read");
        }
    }

    private static SocialPost post(JsonObject data, String uri) {
        String text = data.containsKey("html") && data.get("html").getValueType() == JsonValue.ValueType.STRING
                ? PostText.of(data.getString("html")) : data.getString("text", "").strip();
        if (text.isEmpty()) {
            throw ProblemException.invalidField("data.text", "a post needs text or html");
        }
        Instant created = null;
        if (data.containsKey("createdAt")) {
            try {
                created = OffsetDateTime.parse(data.getString("createdAt")).toInstant();
            } catch (DateTimeParseException | ClassCastException e) {
                throw ProblemException.invalidField("data.createdAt", "must be an RFC 3339 date-time");
            }
        }
        String url = data.getString("url", null);
        if (url != null && !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw ProblemException.invalidField("data.url", "must be an http(s) link");
        }
        return new SocialPost(uri, url, data.getString("author", null), text, created);
    }

    private static JsonObject parse(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            JsonObject message = reader.readObject();
            if (!message.containsKey("data") || message.get("data").getValueType() != JsonValue.ValueType.OBJECT) {
                throw ProblemException.invalidField("data", "is required: an object");
            }
            return message;
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("body", "must be a JSON object");
        }
    }
}
