package app.rounds.bench;

import org.HdrHistogram.Recorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many WebSocket subscribers of one board (or of the reference server), in this JVM. Each acknowledges what it
 * received as Rounds' pages do, counts frames, and for every frame that carries a benchmark post ({@code "text":"bench
 * <stamp> ..."}) records the time from the post's intended send time to its arrival. The stamp was written by this same
 * JVM (one clock), in letters: screening would hold a text with a long run of digits as an identifying number.
 */
final class Subscribers implements AutoCloseable {

    static final String MARKER = "\"text\":\"bench ";
    private static final String ANSWERED = "\"answered\":";
    private static final int ACK_EVERY = 32;

    final Recorder latencyMicros = new Recorder(3);
    final AtomicLong benchFrames = new AtomicLong();
    final AtomicLong voteFrames = new AtomicLong();
    final AtomicLong pollFrames = new AtomicLong();
    final AtomicLong closedByServer = new AtomicLong();
    /** For vote storms: (nanoTime, count) of each votes frame seen by the first few subscribers. */
    final List<ConcurrentLinkedQueue<long[]>> voteTimelines = new ArrayList<>();
    /** For polls: (nanoTime, answers counted) of each poll.results frame seen by the same few subscribers. */
    final List<ConcurrentLinkedQueue<long[]>> pollTimelines = new ArrayList<>();

    private final ExecutorService callbacks = Executors.newFixedThreadPool(4);
    private final HttpClient http = HttpClient.newBuilder().executor(callbacks).build();
    private final List<WebSocket> sockets = new ArrayList<>();

    /** Connects {@code count} subscribers, at most 200 handshakes at a time; the first {@code sampled} keep timelines. */
    Subscribers(URI uri, Map<String, String> headers, int count, int sampled, String voteQuestionId)
            throws InterruptedException {
        Semaphore handshakes = new Semaphore(200);
        List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ConcurrentLinkedQueue<long[]> timeline = i < sampled ? new ConcurrentLinkedQueue<>() : null;
            ConcurrentLinkedQueue<long[]> pollTimeline = i < sampled ? new ConcurrentLinkedQueue<>() : null;
            if (timeline != null) {
                voteTimelines.add(timeline);
                pollTimelines.add(pollTimeline);
            }
            handshakes.acquire();
            WebSocket.Builder builder = http.newWebSocketBuilder();
            headers.forEach(builder::header);
            pending.add(builder.buildAsync(uri, new Listener(timeline, pollTimeline, voteQuestionId))
                    .whenComplete((ws, failure) -> handshakes.release()));
        }
        for (CompletableFuture<WebSocket> socket : pending) {
            sockets.add(socket.join());
        }
    }

    private static long number(String text, int start) {
        int end = start;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return Long.parseLong(text, start, end, 10);
    }

    /** A nanoTime in base 26, a–z. */
    static String stamp(long nanos) {
        StringBuilder letters = new StringBuilder();
        do {
            letters.append((char) ('a' + nanos % 26));
            nanos /= 26;
        } while (nanos > 0);
        return letters.reverse().toString();
    }

    static long unstamp(String letters) {
        long nanos = 0;
        for (int i = 0; i < letters.length(); i++) {
            nanos = nanos * 26 + (letters.charAt(i) - 'a');
        }
        return nanos;
    }

    int size() {
        return sockets.size();
    }

    @Override
    public void close() throws InterruptedException {
        for (WebSocket socket : sockets) {
            socket.abort();
        }
        callbacks.shutdownNow();
        callbacks.awaitTermination(5, TimeUnit.SECONDS);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final ConcurrentLinkedQueue<long[]> timeline;
        private final ConcurrentLinkedQueue<long[]> pollTimeline;
        private final String voteQuestion;
        private long received;
        private CompletableFuture<?> sends = CompletableFuture.completedFuture(null);

        Listener(ConcurrentLinkedQueue<long[]> timeline, ConcurrentLinkedQueue<long[]> pollTimeline,
                 String voteQuestion) {
            this.timeline = timeline;
            this.pollTimeline = pollTimeline;
            this.voteQuestion = voteQuestion == null ? null : "\"" + voteQuestion + "\":";
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                onFrame(partial, now);
                partial.setLength(0);
                if (++received % ACK_EVERY == 0) {
                    String ack = "ack " + received;
                    sends = sends.thenCompose(done -> webSocket.sendText(ack, true)).exceptionally(e -> null);
                }
            }
            webSocket.request(1);
            return null;
        }

        private void onFrame(CharSequence frame, long now) {
            String text = frame.toString();
            int marker = text.indexOf(MARKER);
            if (marker >= 0) {
                while (marker >= 0) { // a message may carry several frames
                    int start = marker + MARKER.length();
                    int end = text.indexOf(' ', start);
                    long sentAt = unstamp(text.substring(start, end));
                    latencyMicros.recordValue(Math.max(0, (now - sentAt) / 1000));
                    benchFrames.incrementAndGet();
                    marker = text.indexOf(MARKER, end);
                }
            } else if (text.contains("\"type\":\"poll.results\"")) {
                pollFrames.incrementAndGet();
                int at = text.lastIndexOf(ANSWERED); // a message of several frames: the newest count is last
                if (pollTimeline != null && at >= 0) {
                    pollTimeline.add(new long[]{now, number(text, at + ANSWERED.length())});
                }
            } else if (text.contains("\"type\":\"votes\"")) {
                voteFrames.incrementAndGet();
                if (timeline != null && voteQuestion != null) {
                    int at = text.indexOf(voteQuestion);
                    if (at >= 0) {
                        int start = at + voteQuestion.length();
                        int end = start;
                        while (end < text.length() && Character.isDigit(text.charAt(end))) {
                            end++;
                        }
                        timeline.add(new long[]{now, Long.parseLong(text, start, end, 10)});
                    }
                }
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedByServer.incrementAndGet();
            return null;
        }
    }
}
