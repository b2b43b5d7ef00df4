package app.rounds.ingest.control;

import app.rounds.ingest.entity.IngestSource;
import app.rounds.platform.control.Conflicts;
import app.rounds.platform.control.DatabaseOutages;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Mastodon's streaming API for sources with an access token: one WebSocket per source on
 * {@code /api/v1/streaming?stream=hashtag&tag=}, whose frames carry {@code update}, {@code status.update} and
 * {@code delete} events with the payload as a JSON string (a status) or a status id. Every (re)connect asks for an
 * immediate REST poll, so nothing that fell in the gap is missed; the URI key makes the overlap harmless. A source's
 * events are handled one after another, in the order they came.
 */
@ApplicationScoped
public class MastodonStreams {

    private static final Logger LOG = Logger.getLogger(MastodonStreams.class.getName());

    private final class Connection implements WebSocket.Listener {
        final String sourceId;
        final String sessionId;
        final String baseUrl;
        /** The lease this instance streams the source under: what it stores carries it. */
        final long leaseEpoch;
        final StringBuilder partial = new StringBuilder();
        volatile WebSocket socket;
        /** The source's events, in order: each waits for the one before. */
        CompletableFuture<Void> handled = CompletableFuture.completedFuture(null);

        Connection(IngestSource source, long leaseEpoch) {
            this.sourceId = source.id();
            this.sessionId = source.sessionId();
            this.baseUrl = source.baseUrl();
            this.leaseEpoch = leaseEpoch;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            failures.remove(sourceId);
            // off the socket's thread and never throwing: the JDK aborts a WebSocket whose listener throws, and a poll
            // of this source committing at the same moment makes pollNow meet a conflict
            executor.execute(() -> {
                try {
                    inContext.accept(() -> Conflicts.retried(() -> {
                        sources.pollNow(sourceId);
                        return null;
                    }));
                } catch (RuntimeException e) {
                    DatabaseOutages.log(LOG, Level.WARNING, "The backfill poll of source " + sourceId
                            + " could not be asked for; its next scheduled poll brings what the stream missed", e);
                }
            });
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                handled = handled.thenRunAsync(() -> inContext.accept(() -> handle(this, frame)), executor)
                        .exceptionally(e -> {
                            DatabaseOutages.log(LOG, Level.WARNING, "A streamed event of source " + sourceId + " failed", e);
                            return null;
                        });
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed(this, "stream closed (" + statusCode + (reason.isBlank() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed(this, "stream failed: " + error);
        }
    }

    @Inject
    SourceHttp http;

    @Inject
    Sources sources;

    @Inject
    Ingestion ingestion;

    @Inject
    MastodonInstances instances;

    @Inject
    Clock clock;

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    /** Per source: failures in a row and when to try again. */
    private final Map<String, Instant> retryAt = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private Consumer<Runnable> inContext;
    private Executor executor;

    /**
     * Opens a stream for each of these sources (with the hashtag of its session) that has none, and closes those of
     * sources no longer listed, or opened under another lease than the one {@code leases} says this instance holds.
     * Events are handled on {@code executor}, in the application's context.
     */
    void keepOpen(Map<IngestSource, String> hashtags, Map<String, Long> leases, Consumer<Runnable> inContext,
                  Executor executor) {
        this.inContext = inContext;
        this.executor = executor;
        Set<String> wanted = hashtags.keySet().stream().map(IngestSource::id).collect(Collectors.toSet());
        connections.entrySet().stream().filter(c -> !wanted.contains(c.getKey())
                        || !leases.get(c.getKey()).equals(c.getValue().leaseEpoch))
                .map(Map.Entry::getKey).toList().forEach(id -> {
            Connection gone = connections.remove(id);
            if (gone != null && gone.socket != null) {
                gone.socket.abort();
            }
        });
        Instant now = clock.instant();
        hashtags.forEach((source, hashtag) -> {
            if (connections.containsKey(source.id()) || now.isBefore(retryAt.getOrDefault(source.id(), Instant.MIN))) {
                return;
            }
            String token = sources.credential(source).orElse(null);
            if (token == null) {
                return;
            }
            Connection connection = new Connection(source, leases.get(source.id()));
            connections.put(source.id(), connection);
            String baseUrl = source.baseUrl();
            executor.execute(() -> connect(connection, baseUrl, token, hashtag));
        });
    }

    private void connect(Connection connection, String baseUrl, String token, String hashtag) {
        try {
            String tag = hashtag.startsWith("#") ? hashtag.substring(1) : hashtag;
            URI uri = URI.create(streamingUrl(baseUrl) + "/api/v1/streaming?stream=hashtag&tag="
                    + URLEncoder.encode(tag, StandardCharsets.UTF_8));
            connection.socket = http.webSocket(uri, token, connection).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed(connection, "interrupted");
        } catch (Exception e) {
            closed(connection, "could not connect: " + e);
        }
    }

    /**
     * Where the instance serves its streaming API: {@code configuration.urls.streaming} of {@code /api/v2/instance}
     * (often another host), else the instance itself.
     */
    private String streamingUrl(String baseUrl) {
        return instances.describe(baseUrl).map(MastodonInstances.Description::streamingUrl)
                .orElseGet(() -> baseUrl.replaceFirst("^http", "ws"));
    }

    private void handle(Connection connection, String frame) {
        JsonObject event;
        try (JsonReader reader = Json.createReader(new StringReader(frame))) {
            event = reader.readObject();
        }
        String payload = event.getString("payload", "");
        switch (event.getString("event", "")) {
            case "update", "status.update" -> {
                JsonObject status;
                try (JsonReader reader = Json.createReader(new StringReader(payload))) {
                    status = reader.readObject();
                }
                String hashtag = sources.hashtagOf(connection.sessionId).orElse(null);
                if (hashtag != null) {
                    String domain = instances.domain(connection.baseUrl).orElse(null);
                    Optional<SocialPost> post;
                    try {
                        post = MastodonTimeline.post(status, domain, hashtag);
                    } catch (Unreadable e) {
                        LOG.log(Level.WARNING, "A streamed status of source " + connection.sourceId
                                + " could not be read; the next poll brings it if it can be", e);
                        return;
                    }
                    post.ifPresent(p -> Conflicts.retried(() ->
                            ingestion.take(connection.sourceId, connection.leaseEpoch, List.of(p), List.of(), null,
                                    null)));
                }
            }
            case "delete" -> ingestion.uriOf(connection.sourceId, payload.strip()).ifPresent(uri ->
                    Conflicts.retried(() -> ingestion.take(connection.sourceId, connection.leaseEpoch, List.of(),
                            List.of(uri), null, null)));
            default -> {
                // other events (filters_changed, announcements) do not concern a hashtag stream
            }
        }
    }

    /** A stream ended: retried after a back-off with jitter (1 s doubling to 5 minutes), then backfilled. */
    private void closed(Connection connection, String why) {
        if (!connections.remove(connection.sourceId, connection)) {
            return; // closed on purpose
        }
        int failed = failures.merge(connection.sourceId, 1, Integer::sum);
        retryAt.put(connection.sourceId, clock.instant().plus(SourcePolling.backoff(1000, failed - 1)));
        LOG.info(() -> "Mastodon stream of source " + connection.sourceId + ": " + why);
    }

    /** Whether a source's stream is open (for its view and tests). */
    public boolean open(String sourceId) {
        Connection connection = connections.get(sourceId);
        return connection != null && connection.socket != null && !connection.socket.isInputClosed();
    }

    @PreDestroy
    void closeAll() {
        connections.values().forEach(c -> {
            if (c.socket != null) {
                c.socket.abort();
            }
        });
        connections.clear();
    }
}
