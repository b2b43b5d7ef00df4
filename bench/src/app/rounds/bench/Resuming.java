package app.rounds.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Board subscribers that come back as the pages do (webapp/js/board.js) when their connection drops: after a pause of
 * 250–500 ms, doubling with each failed attempt, with {@code ?since=} the last seq they saw. Each remembers the
 * benchmark posts it was shown (by their stamps) and, once dropped, when it was first shown a new one again.
 */
final class Resuming implements AutoCloseable {

    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    private final ExecutorService callbacks = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient http = HttpClient.newBuilder().executor(callbacks).build();
    private final URI uri;
    private final Map<String, String> headers;
    final List<Client> clients = new ArrayList<>();
    final AtomicLong reconnects = new AtomicLong();
    /** How connections ended: a close code, or "broken" (no close frame: the instance died). */
    final Map<String, AtomicLong> endings = new ConcurrentHashMap<>();
    private volatile boolean closing;

    Resuming(URI uri, Map<String, String> headers, int count) throws InterruptedException {
        this.uri = uri;
        this.headers = headers;
        Semaphore handshakes = new Semaphore(200);
        List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Client client = new Client();
            clients.add(client);
            handshakes.acquire();
            pending.add(client.open(uri).whenComplete((ws, failure) -> handshakes.release()));
        }
        pending.forEach(CompletableFuture::join);
    }

    /** One subscriber. */
    final class Client implements WebSocket.Listener {
        final Set<String> stamps = ConcurrentHashMap.newKeySet();
        volatile long lastSeq = -1;
        /** System.nanoTime() when, after its connection first dropped, it was first shown a post it had not seen. */
        volatile long resumedAt;
        /** System.nanoTime() when its connection first dropped (it heard the close). */
        volatile long droppedAt;
        /** System.nanoTime() when, after its connection first dropped, a connection was open again. */
        volatile long reopenedAt;
        volatile boolean dropped;
        private volatile WebSocket socket;
        private final StringBuilder partial = new StringBuilder();
        private int attempt;

        private CompletableFuture<WebSocket> open(URI target) {
            WebSocket.Builder builder = http.newWebSocketBuilder();
            headers.forEach(builder::header);
            return builder.buildAsync(target, this);
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            if (dropped && reopenedAt == 0) {
                reopenedAt = System.nanoTime();
            }
            socket = webSocket;
            attempt = 0;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                Matcher seq = SEQ.matcher(text);
                while (seq.find()) {
                    lastSeq = Math.max(lastSeq, Long.parseLong(seq.group(1)));
                }
                int marker = text.indexOf(Subscribers.MARKER);
                while (marker >= 0) {
                    int start = marker + Subscribers.MARKER.length();
                    int end = text.indexOf(' ', start);
                    if (stamps.add(text.substring(start, end)) && dropped && resumedAt == 0) {
                        resumedAt = System.nanoTime();
                    }
                    marker = text.indexOf(Subscribers.MARKER, end);
                }
                webSocket.sendText("ack " + lastSeq, true).exceptionally(e -> null);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            endings.computeIfAbsent(Integer.toString(statusCode), code -> new AtomicLong()).incrementAndGet();
            comeBack();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            endings.computeIfAbsent("broken", code -> new AtomicLong()).incrementAndGet();
            comeBack();
        }

        private void comeBack() {
            if (closing) {
                return;
            }
            if (!dropped) {
                droppedAt = System.nanoTime();
            }
            dropped = true;
            long pause = (long) (Math.min(30_000, 500L << Math.min(attempt++, 6))
                    * (0.5 + ThreadLocalRandom.current().nextDouble() / 2));
            retries.schedule(() -> {
                reconnects.incrementAndGet();
                URI since = URI.create(uri + (lastSeq >= 0 ? "?since=" + lastSeq : ""));
                open(since).exceptionally(refused -> {
                    comeBack();
                    return null;
                });
            }, pause, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        retries.shutdownNow();
        for (Client client : clients) {
            if (client.socket != null) {
                client.socket.abort();
            }
        }
        callbacks.shutdownNow();
        callbacks.awaitTermination(5, TimeUnit.SECONDS);
    }
}
