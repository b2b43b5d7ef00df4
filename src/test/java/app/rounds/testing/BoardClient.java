package app.rounds.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client of a board stream (java.net.http), acknowledging every frame as the pages do. Frames wait
 * in a queue that the test takes from with a timeout.
 */
public final class BoardClient implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile String closeReason;
    /** Set in onOpen, which comes before any frame (buildAsync may return after the first frames arrived). */
    private volatile WebSocket socket;
    /** java.net.http allows one send at a time: sends (acknowledgements, pings) are chained. */
    private CompletableFuture<?> sends = CompletableFuture.completedFuture(null);
    private long received;

    private BoardClient(URI uri, Map<String, String> headers) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        builder.buildAsync(uri, new Listener()).join();
    }

    /** Connects to {@code path} (such as "ws/public/K7MX3QPA?since=3") of the app at {@code base}. */
    public static BoardClient connect(URI base, String path, Map<String, String> headers) {
        return new BoardClient(webSocketUri(base, path), headers);
    }

    /** The HTTP status a refused handshake was answered with. */
    public static int refusedWith(URI base, String path, Map<String, String> headers) {
        try {
            new BoardClient(webSocketUri(base, path), headers).close();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
        throw new AssertionError("the handshake to " + path + " was accepted");
    }

    private static URI webSocketUri(URI base, String path) {
        return URI.create(base.toString().replaceFirst("^http", "ws")).resolve(path);
    }

    /** The next frame, whatever its type. */
    public JsonObject next() throws InterruptedException {
        JsonObject frame = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within " + WAIT);
        }
        return frame;
    }

    /** The next frame of that type, skipping votes frames (which come on ticks). */
    public JsonObject next(String type) throws InterruptedException {
        JsonObject frame = nextSkipping("votes".equals(type) ? f -> false : f -> "votes".equals(f.getString("type")));
        if (!type.equals(frame.getString("type"))) {
            throw new AssertionError("expected a " + type + " frame, got " + frame);
        }
        return frame;
    }

    /** The next frame if one has arrived, else null at once. */
    public JsonObject poll() {
        return frames.poll();
    }

    /** Whether the connection has ended (closed by the server, or broken). */
    public boolean isClosed() {
        return closed.isDone();
    }

    /** The next frame that {@code skip} does not match. */
    public JsonObject nextSkipping(Predicate<JsonObject> skip) throws InterruptedException {
        JsonObject frame;
        do {
            frame = next();
        } while (skip.test(frame));
        return frame;
    }

    /** Frames until one matches, that one included. */
    public List<JsonObject> until(Predicate<JsonObject> last) throws InterruptedException {
        List<JsonObject> seen = new ArrayList<>();
        JsonObject frame;
        do {
            frame = next();
            seen.add(frame);
        } while (!last.test(frame));
        return seen;
    }

    /** Waits for the server to close the connection, and returns its close code. */
    public int closeCode() throws Exception {
        return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for the server to close the connection, and returns the reason it gave. */
    public String closeReason() throws Exception {
        closeCode();
        return closeReason;
    }

    /** Frames until the answer to a ping: every frame the server had sent before it, and nothing later. */
    public List<JsonObject> drain() throws InterruptedException {
        send("ping");
        List<JsonObject> seen = until(f -> "pong".equals(f.getString("type")));
        return seen.subList(0, seen.size() - 1);
    }

    public void send(String text) {
        enqueue(text).join();
    }

    private synchronized CompletableFuture<?> enqueue(String text) {
        sends = sends.thenCompose(done -> socket.sendText(text, true));
        return sends;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try (var reader = Json.createReader(new StringReader(partial.toString()))) {
                    JsonValue message = reader.readValue();
                    if (message instanceof JsonArray batch) {
                        batch.getValuesAs(JsonObject.class).forEach(frames::add);
                    } else {
                        frames.add(message.asJsonObject());
                    }
                }
                partial.setLength(0);
                enqueue("ack " + ++received);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }

    }
}
