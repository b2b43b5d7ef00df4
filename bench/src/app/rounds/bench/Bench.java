package app.rounds.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator of bench/run: fan-out, contribution intake, vote storm and memory, each trial at a fixed arrival
 * rate against a running Rounds, each with the reference measured in the same run. Writes Markdown tables.
 * Configured by system properties (see bench/run).
 */
public final class Bench {

    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern JOIN_CODE = Pattern.compile("\"joinCode\":\"([^\"]+)\"");
    private static final Pattern VOTES = Pattern.compile("\"votes\":(\\d+)");
    private static final String PAD = " — how long should the central line dressing stay on before it is changed?";

    private final URI rounds = URI.create(System.getProperty("bench.rounds", "http://127.0.0.1:8090/"));
    private final URI reference = URI.create(System.getProperty("bench.reference", "ws://127.0.0.1:8099/ref/"));
    private final long serverPid = Long.getLong("bench.server.pid", -1);
    private final long referencePid = Long.getLong("bench.reference.pid", -1);
    private final int trials = Integer.getInteger("bench.trials", 3);
    private final int seconds = Integer.getInteger("bench.seconds", 10);
    private final String origin = rounds.getScheme() + "://" + rounds.getAuthority();
    /** HTTP/1.1, as a reverse proxy speaks to the app; connections pooled and bounded by bench/run's settings. */
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4))
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final PrintStream out;
    private String adminToken;

    private Bench(PrintStream out) {
        this.out = out;
    }

    /** Exits when done or failed: the clients' threads would otherwise keep a failed run alive until bench/run's timeout. */
    public static void main(String[] args) {
        try {
            run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run() throws Exception {
        Path results = Path.of(System.getProperty("bench.out", "target/bench-results.md"));
        try (PrintStream file = new PrintStream(Files.newOutputStream(results), true, StandardCharsets.UTF_8)) {
            Bench bench = new Bench(new Tee(file, System.out));
            bench.adminToken = bench.token(System.getProperty("bench.admin.user", "admin"),
                    System.getProperty("bench.admin.password"));
            List<String> workloads = Arrays.asList(System.getProperty("bench.workloads",
                            "fanout,intake,votes,poll,memory,upload,pages,reports")
                    .split(","));
            bench.out.printf("Run %s; %d trials per point, %d s each after warm-up; medians with [min–max].%n%n",
                    Instant.now(), bench.trials, bench.seconds);
            bench.warmUp();
            if (workloads.contains("fanout")) {
                bench.fanout();
            }
            if (workloads.contains("intake")) {
                bench.intake();
            }
            if (workloads.contains("votes")) {
                bench.voteStorm();
            }
            if (workloads.contains("poll")) {
                bench.pollStorm();
            }
            if (workloads.contains("memory")) {
                bench.memory();
            }
            if (workloads.contains("upload")) {
                bench.upload();
            }
            if (workloads.contains("cluster")) {
                bench.cluster();
            }
            if (workloads.contains("pages")) {
                bench.publicPages();
            }
            if (workloads.contains("reports")) { // last: it leaves 500 sessions behind
                new ReportsBench(bench.http, bench.rounds, bench.adminToken, bench.out).run();
            }
        }
    }

    /**
     * Lets the server's JIT compile the hot paths (posting, screening, fan-out, votes, poll answers and their results)
     * before anything is measured.
     */
    private void warmUp() throws Exception {
        int warmSeconds = Integer.getInteger("bench.warmup.seconds", 20);
        String[] session = session("POST_MODERATION");
        List<String> trainees = join(session[1], 50);
        try (Subscribers board = new Subscribers(ws("ws/public/" + session[1]), Map.of("Origin", origin), 100, 0, null)) {
            AtomicLong next = new AtomicLong();
            String question = ID.matcher(post(trainees.getFirst(), "api/participants/me/questions",
                    "{\"text\":\"Warm-up\"}", null).join()).results().findFirst().orElseThrow().group(1);
            String poll = openPoll(session[0]);
            fixedRate(75, warmSeconds, sentAt -> {
                long n = next.getAndIncrement();
                String trainee = trainees.get((int) (n % trainees.size()));
                return switch ((int) (n % 3)) {
                    case 0 -> post(trainee, "api/participants/me/questions/" + question + "/vote", null, null);
                    case 1 -> post(trainee, "api/participants/me/polls/" + poll + "/answer",
                            "{\"choices\":[" + (n % 4) + "]}", null);
                    default -> post(trainee, "api/participants/me/questions",
                            "{\"text\":\"bench " + Subscribers.stamp(sentAt) + PAD + "\"}", null);
                };
            }, null);
        } finally {
            end(session[0]);
        }
    }

    // --- 1. board fan-out ---------------------------------------------------------------------------------------

    private void fanout() throws Exception {
        out.println("### Board fan-out: post → delivery to every public subscriber");
        out.println();
        out.println("| subscribers | posts/s | system | delivered | messages/s | p50 ms | p99 ms | p99.9 ms | server CPU % |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        for (int subscribers : ints("bench.fanout.subscribers", "100,1000,5000")) {
            for (int rate : ints("bench.fanout.rates", "10,30")) {
                row(subscribers, rate, "Rounds", repeat(() -> fanoutRounds(subscribers, rate)));
                row(subscribers, rate, "bare Tyrus", repeat(() -> fanoutReference(subscribers, rate)));
            }
        }
        out.println();
    }

    private Trial fanoutRounds(int subscribers, int rate) throws Exception {
        String[] session = session("POST_MODERATION");
        List<String> posters = join(session[1], 20);
        try (Subscribers board = new Subscribers(ws("ws/public/" + session[1]), Map.of("Origin", origin), subscribers,
                0, null)) {
            AtomicLong next = new AtomicLong();
            return measure(board, rate, serverPid, sentAt -> post(posters.get((int) (next.getAndIncrement() % posters.size())),
                    "api/participants/me/questions", "{\"text\":\"bench " + Subscribers.stamp(sentAt) + PAD + "\"}",
                    null));
        } finally {
            end(session[0]);
        }
    }

    private Trial fanoutReference(int subscribers, int rate) throws Exception {
        try (Subscribers board = new Subscribers(reference.resolve("board"), Map.of(), subscribers, 0, null)) {
            WebSocket publisher = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(reference.resolve("publish"), new WebSocket.Listener() { }).join();
            AtomicLong seq = new AtomicLong();
            Object lock = new Object();
            CompletableFuture<?>[] sends = {CompletableFuture.completedFuture(null)};
            Trial trial = measure(board, rate, referencePid, sentAt -> {
                String frame = "{\"seq\":" + seq.incrementAndGet() + ",\"type\":\"contribution.created\",\"data\":"
                        + "{\"answered\":false,\"createdAt\":\"" + Instant.now() + "\",\"id\":\"" + UUID.randomUUID()
                        + "\",\"pinned\":false,\"text\":\"bench " + Subscribers.stamp(sentAt) + PAD
                        + "\",\"votes\":0}}";
                synchronized (lock) {
                    sends[0] = sends[0].thenCompose(done -> publisher.sendText(frame, true));
                }
                return sends[0].thenApply(done -> 201);
            });
            publisher.abort();
            return trial;
        }
    }

    /** Warm-up, then {@code seconds} at the fixed rate; waits (up to 10 s) for the frames still on their way. */
    private Trial measure(Subscribers board, int rate, long pid, Poster poster) throws Exception {
        fixedRate(rate, 2, poster, null);
        waitFor(() -> board.benchFrames.get() >= (long) 2 * rate * board.size(), 10);
        board.latencyMicros.getIntervalHistogram();
        board.benchFrames.set(0);
        long cpuBefore = cpuTicks(pid);
        long start = System.nanoTime();
        long posts = fixedRate(rate, seconds, poster, null);
        long expected = posts * board.size();
        waitFor(() -> board.benchFrames.get() >= expected, 10);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = cpuPercent(pid, cpuBefore, elapsed);
        Histogram latency = board.latencyMicros.getIntervalHistogram();
        long delivered = board.benchFrames.get();
        return new Trial(delivered / (double) expected, delivered / (double) seconds, latency.getValueAtPercentile(50) / 1e3,
                latency.getValueAtPercentile(99) / 1e3, latency.getValueAtPercentile(99.9) / 1e3, cpu);
    }

    // --- 2. contribution intake -----------------------------------------------------------------------------------

    private void intake() throws Exception {
        out.println("### Contribution intake: questions accepted per second at fixed rates (p99 of POST → 201)");
        out.println();
        String[] session = session("PRE_MODERATION");
        List<String> trainees = join(session[1], 200);
        flightRecording("intake", "start");
        double rounds = intakeAtRates(this.rounds, "api/participants/me/questions", trainees, serverPid);
        flightRecording("intake", "stop");
        end(session[0]);
        String bare = System.getProperty("bench.intake.reference");
        if (bare != null) {
            out.println("Reference in the same run: the bare JAX-RS endpoint with one JDBC INSERT a question "
                    + "(bench/src/app/rounds/bench/intake, a Payara Micro of its own on the app's core, the same "
                    + "pool), the same requests:");
            out.println();
            double reference = intakeAtRates(URI.create(bare), "questions", trainees,
                    Long.getLong("bench.intake.reference.pid", -1));
            out.printf(Locale.ROOT, "Intake capacity (the most accepted/s at a rate whose p99 stayed ≤ 250 ms): "
                    + "Rounds %.0f/s, the bare reference %.0f/s: **%s** of it.%n%n", rounds, reference,
                    reference > 0 ? String.format(Locale.ROOT, "%.0f %%", 100 * rounds / reference) : "no ratio");
        }
        out.println("Reference in the same run: " + slap());
        out.println();
    }

    /**
     * Questions posted to {@code path} at rising fixed rates until the p99 passes 250 ms; prints a table and returns
     * the most accepted per second at a rate whose p99 stayed within 250 ms.
     */
    private double intakeAtRates(URI base, String path, List<String> trainees, long pid) throws Exception {
        out.println("| offered/s | accepted/s | p50 ms | p99 ms | server CPU % |");
        out.println("|---|---|---|---|---|");
        double capacity = 0;
        for (int rate : ints("bench.intake.rates", "50,100,200,400,800,1000,1200,1400,1600,2000,2400,3200")) {
            List<Trial> results = repeat(() -> {
                Recorder recorder = new Recorder();
                AtomicLong next = new AtomicLong();
                long cpuBefore = cpuTicks(pid);
                long start = System.nanoTime();
                fixedRate(rate, seconds, sentAt -> post(base, trainees.get((int) (next.getAndIncrement()
                        % trainees.size())), path, "{\"text\":\"Intake question " + Subscribers.stamp(sentAt)
                        + "\"}", null), recorder);
                double elapsed = (System.nanoTime() - start) / 1e9;
                return new Trial(0, recorder.perSecond(seconds),
                        recorder.micros.getValueAtPercentile(50) / 1e3, recorder.micros.getValueAtPercentile(99) / 1e3, 0,
                        cpuPercent(pid, cpuBefore, elapsed));
            });
            out.printf("| %d | %s | %s | %s | %s |%n", rate, median(results, Trial::perSecond, "%.0f"),
                    median(results, Trial::p50, "%.1f"), median(results, Trial::p99, "%.1f"),
                    median(results, Trial::cpu, "%.0f"));
            if (medianOf(results, Trial::p99) > 250) {
                break;
            }
            capacity = Math.max(capacity, medianOf(results, Trial::perSecond));
        }
        out.println();
        return capacity;
    }

    /** mariadb-slap: single-row INSERTs with a commit each, from as many clients as the app's pool (32). */
    private String slap() throws IOException, InterruptedException {
        Process slap = new ProcessBuilder("mariadb-slap", "-h", "127.0.0.1", "-u", "root", "--concurrency=32",
                "--iterations=3", "--number-of-queries=16000", "--create-schema=rounds_bench_slap",
                "--create=CREATE TABLE q (id CHAR(36) PRIMARY KEY, session_id CHAR(36), text VARCHAR(1000), "
                        + "created_at DATETIME(6)) ENGINE=InnoDB",
                "--query=INSERT INTO q VALUES (UUID(), 'bench', 'Intake question text of a typical length', NOW(6))")
                .redirectErrorStream(true).start();
        String output = new String(slap.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        slap.waitFor(5, TimeUnit.MINUTES);
        Matcher seconds = Pattern.compile("Average number of seconds to run all queries: ([0-9.]+)").matcher(output);
        Matcher min = Pattern.compile("Minimum number of seconds to run all queries: ([0-9.]+)").matcher(output);
        Matcher max = Pattern.compile("Maximum number of seconds to run all queries: ([0-9.]+)").matcher(output);
        if (!seconds.find() || !min.find() || !max.find()) {
            return "mariadb-slap failed: " + output.strip();
        }
        return String.format(Locale.ROOT, "mariadb-slap, 32 clients, 16,000 single-row INSERTs × 3: %.0f rows/s "
                        + "[%.0f–%.0f]", 16000 / Double.parseDouble(seconds.group(1)),
                16000 / Double.parseDouble(max.group(1)), 16000 / Double.parseDouble(min.group(1)));
    }

    // --- 3. vote storm --------------------------------------------------------------------------------------------

    private void voteStorm() throws Exception {
        int rate = Integer.getInteger("bench.votes.rate", 2000);
        int subscribers = Integer.getInteger("bench.votes.subscribers", 1000);
        int voteSeconds = Integer.getInteger("bench.votes.seconds", 5);
        out.printf("### Vote storm: %d votes/s on one question for %d s, %d public subscribers%n%n", rate, voteSeconds,
                subscribers);
        out.println("| votes accepted/s | votes frames/s per client | vote → visible p50 ms | p99 ms "
                + "| vote answered p99 ms | server CPU % |");
        out.println("|---|---|---|---|---|---|");
        List<Trial> results = repeat(() -> {
            String[] session = session("POST_MODERATION");
            String question = ID.matcher(post(join(session[1], 1).getFirst(), "api/participants/me/questions",
                    "{\"text\":\"Vote for me\"}", null).join()).results().findFirst().orElseThrow().group(1);
            List<String> voters = join(session[1], rate * voteSeconds);
            try (Subscribers board = new Subscribers(ws("ws/public/" + session[1]), Map.of("Origin", origin),
                    subscribers, 20, question)) {
                ConcurrentLinkedQueue<long[]> votes = new ConcurrentLinkedQueue<>();
                AtomicLong next = new AtomicLong();
                long cpuBefore = cpuTicks(serverPid);
                long start = System.nanoTime();
                Recorder recorder = new Recorder();
                flightRecording("votes", "start");
                fixedRate(rate, voteSeconds, sentAt -> post(voters.get((int) next.getAndIncrement()),
                        "api/participants/me/questions/" + question + "/vote", null, null)
                        .thenApply(body -> {
                            Matcher count = VOTES.matcher(body);
                            if (count.find()) {
                                votes.add(new long[]{sentAt, Long.parseLong(count.group(1))});
                            }
                            return body;
                        }), recorder);
                waitFor(() -> board.voteTimelines.stream().allMatch(t -> !t.isEmpty()
                        && t.stream().mapToLong(e -> e[1]).max().orElse(0) >= recorder.accepted.get()), 10);
                flightRecording("votes", "stop");
                double elapsed = (System.nanoTime() - start) / 1e9;
                double cpu = cpuPercent(serverPid, cpuBefore, elapsed);
                Histogram visible = untilVisible(board.voteTimelines, votes);
                double framesPerClient = board.voteFrames.get() / (double) board.size() / elapsed;
                System.err.printf("votes trial: %d accepted, %d votes frames, %d closed by the server, %d samples%n",
                        recorder.accepted.get(), board.voteFrames.get(), board.closedByServer.get(),
                        board.voteTimelines.stream().mapToInt(ConcurrentLinkedQueue::size).sum());
                end(session[0]);
                // p999 carries the p99 of the vote's own answer here: where vote → visible time goes
                return new Trial(framesPerClient, recorder.perSecond(voteSeconds),
                        visible.getValueAtPercentile(50) / 1e3, visible.getValueAtPercentile(99) / 1e3,
                        recorder.micros.getValueAtPercentile(99) / 1e3, cpu);
            }
        });
        out.printf("| %s | %s | %s | %s | %s | %s |%n%n", median(results, Trial::perSecond, "%.0f"),
                median(results, Trial::ratio, "%.1f"), median(results, Trial::p50, "%.0f"),
                median(results, Trial::p99, "%.0f"), median(results, Trial::p999, "%.0f"),
                median(results, Trial::cpu, "%.0f"));
    }

    // --- 3b. a hall answering a poll ------------------------------------------------------------------------------

    /**
     * A single-choice poll with its results shown: {@code participants} trainees answer within {@code seconds}, as
     * evenly as a hall does, while {@code subscribers} public clients watch. Answer → results frame: from an answer's
     * intended send time to the first poll.results frame (on each of 20 sampled clients) counting at least as many
     * answers as had been accepted when this one was. Reference in the same run: the bare Tyrus server broadcasting
     * a frame five times a second (the tick's rate) to as many clients.
     */
    private void pollStorm() throws Exception {
        int participants = Integer.getInteger("bench.poll.participants", 1000);
        int pollSeconds = Integer.getInteger("bench.poll.seconds", 5);
        int subscribers = Integer.getInteger("bench.poll.subscribers", 1000);
        int rate = Math.max(1, participants / pollSeconds);
        out.printf("### Poll: %d participants answer within %d s, %d public subscribers%n%n", participants, pollSeconds,
                subscribers);
        out.println("| system | answers accepted | answers/s | answer p99 ms | answer → results frame p50 ms | p99 ms "
                + "| results frames/s per client | server CPU % |");
        out.println("|---|---|---|---|---|---|---|---|");
        List<Trial> results = repeat(() -> {
            String[] session = session("POST_MODERATION");
            String poll = openPoll(session[0]);
            List<String> trainees = join(session[1], participants);
            try (Subscribers board = new Subscribers(ws("ws/public/" + session[1]), Map.of("Origin", origin),
                    subscribers, 20, null)) {
                ConcurrentLinkedQueue<long[]> answers = new ConcurrentLinkedQueue<>();
                AtomicLong next = new AtomicLong();
                AtomicLong answered = new AtomicLong();
                long cpuBefore = cpuTicks(serverPid);
                long start = System.nanoTime();
                Recorder recorder = new Recorder();
                flightRecording("poll", "start");
                fixedRate(rate, pollSeconds, sentAt -> {
                    long i = next.getAndIncrement();
                    return post(trainees.get((int) i), "api/participants/me/polls/" + poll + "/answer",
                            "{\"choices\":[" + (i % 4) + "]}", null)
                            .thenApply(body -> {
                                answers.add(new long[]{sentAt, answered.incrementAndGet()});
                                return body;
                            });
                }, recorder);
                waitFor(() -> board.pollTimelines.stream().allMatch(t -> t.stream().mapToLong(e -> e[1]).max().orElse(0)
                        >= recorder.accepted.get()), 10);
                flightRecording("poll", "stop");
                double elapsed = (System.nanoTime() - start) / 1e9;
                double cpu = cpuPercent(serverPid, cpuBefore, elapsed);
                Histogram visible = untilVisible(board.pollTimelines, answers);
                double framesPerClient = board.pollFrames.get() / (double) board.size() / elapsed;
                System.err.printf("poll trial: %d of %d accepted, %d results frames, %d closed by the server%n",
                        recorder.accepted.get(), participants, board.pollFrames.get(), board.closedByServer.get());
                end(session[0]);
                // p999 carries the answer's own p99, ratio the results frames per client and second
                return new Trial(framesPerClient, recorder.accepted.get(), visible.getValueAtPercentile(50) / 1e3,
                        visible.getValueAtPercentile(99) / 1e3, recorder.micros.getValueAtPercentile(99) / 1e3, cpu);
            }
        });
        out.printf("| Rounds | %s of %d | %s | %s | %s | %s | %s | %s |%n", median(results, Trial::perSecond, "%.0f"),
                participants, median(results, t -> t.perSecond() / pollSeconds, "%.0f"),
                median(results, Trial::p999, "%.0f"), median(results, Trial::p50, "%.0f"),
                median(results, Trial::p99, "%.0f"), median(results, Trial::ratio, "%.1f"),
                median(results, Trial::cpu, "%.0f"));
        List<Trial> reference = repeat(() -> fanoutReference(subscribers, 5));
        out.printf("| bare Tyrus, a frame 5×/s to as many clients | | | | %s | %s | | %s |%n%n",
                median(reference, Trial::p50, "%.0f"), median(reference, Trial::p99, "%.0f"),
                median(reference, Trial::cpu, "%.0f"));
    }

    /**
     * For each change sent, (nanoTime sent, the count that includes it), the time until each sampled client saw a frame
     * whose (nanoTime, count) reached that count, in microseconds.
     */
    private static Histogram untilVisible(List<ConcurrentLinkedQueue<long[]>> timelines, Collection<long[]> sent) {
        Histogram visible = new Histogram(3);
        for (ConcurrentLinkedQueue<long[]> timeline : timelines) {
            List<long[]> seen = new ArrayList<>(timeline);
            for (long[] change : sent) {
                seen.stream().filter(e -> e[1] >= change[1]).findFirst()
                        .ifPresent(e -> visible.recordValue(Math.max(0, (e[0] - change[0]) / 1000)));
            }
        }
        return visible;
    }

    // --- 4. memory ------------------------------------------------------------------------------------------------

    private void memory() throws Exception {
        out.println("### Memory: heap after a full GC with idle public subscribers");
        out.println();
        out.println("| idle subscribers | heap used MB | RSS MB |");
        out.println("|---|---|---|");
        String[] session = session("POST_MODERATION");
        long base = 0;
        List<Subscribers> connected = new ArrayList<>();
        int total = 0;
        for (int target : ints("bench.memory.subscribers", "0,1000,5000")) {
            if (target > total) {
                connected.add(new Subscribers(ws("ws/public/" + session[1]), Map.of("Origin", origin), target - total,
                        0, null));
                total = target;
            }
            long used = heapUsedKb();
            heapHistogram("memory-" + target);
            if (target == 0) {
                base = used;
            }
            out.printf(Locale.ROOT, "| %d | %.1f | %.0f |%n", target, used / 1024.0, rssKb() / 1024.0);
            if (target > 0) {
                out.printf(Locale.ROOT, "|  | %.1f KB per subscriber |  |%n", (used - base) / (double) target);
            }
        }
        for (Subscribers subscribers : connected) {
            subscribers.close();
        }
        end(session[0]);
        out.println();
    }

    // --- 5. media upload ------------------------------------------------------------------------------------------

    /**
     * One large video uploaded as the media page sends it (the file as the body, Content-Length, Expect: 100-continue):
     * MB/s, and the server's heap sampled every 100 ms without forcing a GC (the peak includes garbage not yet
     * collected). Reference in the same run: the same bytes written to a file on the same disk by the load generator.
     */
    private void upload() throws Exception {
        long megabytes = Long.getLong("bench.upload.mb", 1024);
        long bytes = megabytes * 1024 * 1024;
        out.printf("### Media upload: one %d MB video over loopback%n%n", megabytes);
        out.println("| system | seconds | MB/s | server heap before MB (after a GC) | server heap peak while uploading MB |");
        out.println("|---|---|---|---|---|");
        String[] session = session("POST_MODERATION");
        long before = heapUsedKb();
        java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        Pattern usedPattern = Pattern.compile("garbage-first heap .*? used (\\d+)K");
        sampler.scheduleAtFixedRate(() -> {
            try {
                Matcher used = usedPattern.matcher(jcmd("GC.heap_info"));
                if (used.find()) {
                    peak.accumulateAndGet(Long.parseLong(used.group(1)), Math::max);
                }
            } catch (Exception ignored) {
                // a missed sample
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(rounds.resolve("api/sessions/" + session[0]
                        + "/media?name=bench.mp4"))
                .header("Authorization", "Bearer " + adminToken).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new GeneratedVideo(bytes)), bytes))
                .build(), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.shutdownNow();
        if (answer.statusCode() != 201) {
            out.println("Upload failed: " + answer.statusCode() + " " + answer.body());
            return;
        }
        out.printf(Locale.ROOT, "| Rounds | %.1f | %.0f | %.0f | %.0f |%n", seconds, megabytes / seconds,
                before / 1024.0, peak.get() / 1024.0);
        Path file = Files.createTempFile(Path.of("target"), "bench-upload", ".bin");
        long diskStart = System.nanoTime();
        try (InputStream in = new GeneratedVideo(bytes);
             java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                     java.nio.file.StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) > 0; ) {
                channel.write(java.nio.ByteBuffer.wrap(buffer, 0, read));
            }
            channel.force(true);
        } finally {
            Files.deleteIfExists(file);
        }
        double diskSeconds = (System.nanoTime() - diskStart) / 1e9;
        out.printf(Locale.ROOT, "| reference: the same bytes to a file, synced | %.1f | %.0f | | |%n%n", diskSeconds,
                megabytes / diskSeconds);
        end(session[0]);
    }

    /** An MP4 file's first box, then the same 64 KB of random bytes again and again: no memory, no CPU to speak of. */
    static final class GeneratedVideo extends InputStream {
        private static final byte[] FTYP = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0,
                'm', 'p', '4', '2', 'i', 's', 'o', 'm', 0, 0, 0, 8, 'f', 'r', 'e', 'e'};
        private static final byte[] NOISE = new byte[64 * 1024];

        static {
            new java.util.Random(42).nextBytes(NOISE);
        }

        private final long size;
        private long position;

        GeneratedVideo(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int count = (int) Math.min(length, size - position);
            for (int i = 0; i < count; i++) {
                long at = position + i;
                buffer[offset + i] = at < FTYP.length ? FTYP[(int) at] : NOISE[(int) (at % NOISE.length)];
            }
            position += count;
            return count;
        }
    }

    private long heapUsedKb() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = Pattern.compile("garbage-first heap .*? used (\\d+)K").matcher(jcmd("GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) : -1;
    }

    private static void threadDump(long pid, String file) {
        try {
            new ProcessBuilder("jcmd", Long.toString(pid), "Thread.print").redirectErrorStream(true)
                    .redirectOutput(new java.io.File(file)).start().waitFor(1, TimeUnit.MINUTES);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(serverPid), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(1, TimeUnit.MINUTES);
        return output;
    }

    private long rssKb() throws IOException {
        return Files.readAllLines(Path.of("/proc/" + serverPid + "/status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
                .findFirst().orElse(-1);
    }

    // --- 6. public highlight pages --------------------------------------------------------------------------------

    /**
     * A published highlight's page under a fixed rate of GETs, as readers (or a cache revalidating) send them, beside
     * the ceiling of this server for any GET: its static stylesheet, served by Payara's default servlet.
     */
    private void publicPages() throws Exception {
        String page = "highlights/" + publishedHighlight();
        int warmSeconds = Integer.getInteger("bench.warmup.seconds", 20);
        for (String path : List.of(page, "css/rounds.css")) { // the page's code path is not warmed by the others
            getAtRate(path, 200, warmSeconds / 2);
        }
        out.println("### Public highlight page: GETs at fixed rates (p99 from the intended send time)");
        out.println();
        out.println("| offered/s | system | answered/s | p50 ms | p99 ms | server CPU % |");
        out.println("|---|---|---|---|---|---|");
        for (int rate : ints("bench.pages.rates", "250,500,1000,2000,4000")) {
            List<Trial> rounds = repeat(() -> getAtRate(page, rate, seconds));
            List<Trial> reference = repeat(() -> getAtRate("css/rounds.css", rate, seconds));
            for (var row : List.of(Map.entry("highlight page", rounds),
                    Map.entry("static stylesheet (reference)", reference))) {
                out.printf("| %d | %s | %s | %s | %s | %s |%n", rate, row.getKey(),
                        median(row.getValue(), Trial::perSecond, "%.0f"), median(row.getValue(), Trial::p50, "%.1f"),
                        median(row.getValue(), Trial::p99, "%.1f"), median(row.getValue(), Trial::cpu, "%.0f"));
            }
            if (medianOf(rounds, Trial::p99) > 250) {
                break;
            }
        }
        out.println();
    }

    private Trial getAtRate(String path, int rate, int duration) throws InterruptedException {
        Recorder recorder = new Recorder();
        long cpuBefore = cpuTicks(serverPid);
        long start = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(rounds.resolve(path)).timeout(Duration.ofSeconds(30)).build();
        fixedRate(rate, duration, sentAt -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(path + ": " + response.statusCode());
                    }
                    return response.body().length;
                }), recorder);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Trial(0, recorder.perSecond(duration), recorder.micros.getValueAtPercentile(50) / 1e3,
                recorder.micros.getValueAtPercentile(99) / 1e3, 0, cpuPercent(serverPid, cpuBefore, elapsed));
    }

    /** A highlight with a title, summary and story, written by the admin and approved (so published) by a reviewer. */
    private String publishedHighlight() {
        String reviewer = "bench-reviewer-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "bench-" + UUID.randomUUID();
        post(null, "api/users", "{\"username\":\"" + reviewer + "\",\"password\":\"" + password
                + "\",\"roles\":[\"reviewer\"]}", adminToken).join();
        String reviewerToken = token(reviewer, password);
        String sessionId = session("POST_MODERATION")[0];
        String id = ID.matcher(post(null, "api/sessions/" + sessionId + "/highlights",
                "{\"title\":\"Central line care, practised\"}", adminToken).join()).results().findFirst().orElseThrow()
                .group(1);
        String story = "<p>" + "Twelve nurses practised dressing changes on manikins, step by step. ".repeat(20) + "</p>";
        put("api/highlights/" + id, "{\"title\":\"Central line care, practised\",\"summary\":\"Twelve nurses, "
                + "one morning, every step of a dressing change.\",\"bodyHtml\":\"" + story + "\"}", adminToken);
        post(null, "api/highlights/" + id + "/submission", "{}", adminToken).join();
        String review = get("api/reviews/" + id, reviewerToken);
        String hash = Pattern.compile("\"hash\":\"([0-9a-f]{64})\"").matcher(review).results().findFirst()
                .orElseThrow().group(1);
        post(null, "api/reviews/" + id + "/decision", "{\"decision\":\"APPROVE\",\"renditionHash\":\"" + hash
                + "\"}", reviewerToken).join();
        return id;
    }

    private String get(String path, String bearer) {
        return http.sendAsync(HttpRequest.newBuilder(rounds.resolve(path)).header("Authorization", "Bearer " + bearer)
                .build(), HttpResponse.BodyHandlers.ofString()).join().body();
    }

    private void put(String path, String json, String bearer) {
        HttpResponse<String> answer = http.sendAsync(HttpRequest.newBuilder(rounds.resolve(path))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).join();
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(path + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    // --- 8. a cluster of two ------------------------------------------------------------------------------------------

    /**
     * Two instances clustered on the data grid (bench/run with BENCH_WORKLOADS=cluster starts the second and pins both
     * to the app's core): the board's fan-out with the subscribers on one instance against spread over both, posts
     * through both; then the failover time: subscribers through HAProxy, the first instance killed, the time until each
     * subscriber it had is shown posts again (through the other, with since) and whether any missed one. Kills the
     * first instance: the last workload of its run.
     */
    private void cluster() throws Exception {
        URI second = URI.create(System.getProperty("bench.rounds.second"));
        long secondPid = Long.getLong("bench.second.pid");
        out.println("### Cluster of two instances on the app's core: fan-out on one instance against spread over both");
        out.println();
        out.println("| subscribers | posts/s | subscribers on | delivered | messages/s | p50 ms | p99 ms | p99.9 ms | CPU % (both) |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        for (int subscribers : ints("bench.cluster.subscribers", "5000")) {
            for (int rate : ints("bench.cluster.rates", "10")) {
                for (boolean spread : new boolean[]{false, true}) {
                    List<Trial> results = repeat(() -> clusterFanout(second, secondPid, subscribers, rate, spread));
                    out.printf("| %d | %d | %s | %s | %s | %s | %s | %s | %s |%n", subscribers, rate,
                            spread ? "both" : "one", median(results, Trial::ratio, "%.4f"),
                            median(results, Trial::perSecond, "%.0f"), median(results, Trial::p50, "%.1f"),
                            median(results, Trial::p99, "%.1f"), median(results, Trial::p999, "%.1f"),
                            median(results, Trial::cpu, "%.0f"));
                }
            }
        }
        out.println();
        failover(second, secondPid);
    }

    private Trial clusterFanout(URI second, long secondPid, int subscribers, int rate, boolean spread)
            throws Exception {
        String[] session = session("POST_MODERATION");
        List<String> posters = join(session[1], 20);
        String path = "ws/public/" + session[1];
        int onFirst = spread ? subscribers / 2 : subscribers;
        try (Subscribers first = new Subscribers(ws(path), Map.of("Origin", origin), onFirst, 0, null);
             Subscribers other = new Subscribers(ws(second, path), Map.of("Origin", second.getScheme() + "://"
                     + second.getAuthority()), subscribers - onFirst, 0, null)) {
            AtomicLong next = new AtomicLong();
            Poster poster = sentAt -> {
                long n = next.getAndIncrement();
                return post(n % 2 == 0 ? rounds : second, posters.get((int) (n % posters.size())),
                        "api/participants/me/questions", "{\"text\":\"bench " + Subscribers.stamp(sentAt) + PAD
                                + "\"}", null);
            };
            fixedRate(rate, 2, poster, null);
            waitFor(() -> first.benchFrames.get() + other.benchFrames.get() >= (long) 2 * rate * subscribers, 10);
            first.latencyMicros.getIntervalHistogram();
            other.latencyMicros.getIntervalHistogram();
            first.benchFrames.set(0);
            other.benchFrames.set(0);
            long cpuBefore = cpuTicks(serverPid) + cpuTicks(secondPid);
            long start = System.nanoTime();
            long expected = fixedRate(rate, seconds, poster, null) * subscribers;
            waitFor(() -> first.benchFrames.get() + other.benchFrames.get() >= expected, 10);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long cpuTicks = cpuTicks(serverPid) + cpuTicks(secondPid) - cpuBefore;
            Histogram latency = first.latencyMicros.getIntervalHistogram();
            latency.add(other.latencyMicros.getIntervalHistogram());
            long delivered = first.benchFrames.get() + other.benchFrames.get();
            return new Trial(delivered / (double) expected, delivered / (double) seconds,
                    latency.getValueAtPercentile(50) / 1e3, latency.getValueAtPercentile(99) / 1e3,
                    latency.getValueAtPercentile(99.9) / 1e3, cpuTicks / elapsed);
        } finally {
            end(session[0]);
        }
    }

    /**
     * Subscribers through HAProxy, the first instance killed with posts coming in through the second. With
     * {@code -Dbench.failover.dumps=true}, thread dumps of the second 2, 4 and 6 s after the kill
     * (target/bench-failover-&lt;s&gt;s.threads.txt): where reconnections wait.
     */
    private void failover(URI second, long secondPid) throws Exception {
        int count = Integer.getInteger("bench.failover.subscribers", 1000);
        out.println("### Failover: the first instance killed (kill -9) under " + count
                + " public subscribers spread by HAProxy, 10 posts/s through the second");
        out.println();
        String[] session = session("POST_MODERATION");
        List<String> posters = join(session[1], 20);
        try (app.rounds.run.LoadBalancer balancer = app.rounds.run.LoadBalancer.inFrontOf(
                List.of(rounds.getPort(), second.getPort()));
             Resuming board = new Resuming(ws(URI.create(balancer.url().toString()), "ws/public/" + session[1]),
                     Map.of("Origin", "http://" + balancer.url().getAuthority()), count)) {
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicLong next = new AtomicLong();
            Poster poster = sentAt -> {
                String stamp = Subscribers.stamp(sentAt);
                return post(second, posters.get((int) (next.getAndIncrement() % posters.size())),
                        "api/participants/me/questions", "{\"text\":\"bench " + stamp + PAD + "\"}", null)
                        .thenApply(body -> acknowledged.add(stamp));
            };
            CompletableFuture<Long> posting = CompletableFuture.supplyAsync(() -> {
                try {
                    return fixedRate(10, 12, poster, null);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(4_000); // posts flowing to every subscriber before the kill
            long killedAt = System.nanoTime();
            ProcessHandle.of(serverPid).orElseThrow().destroyForcibly();
            if (Boolean.getBoolean("bench.failover.dumps")) {
                System.out.println("killed at " + Instant.now());
                for (int afterSeconds : new int[]{2, 4, 6}) {
                    CompletableFuture.runAsync(() -> threadDump(secondPid, "target/bench-failover-" + afterSeconds
                            + "s.threads.txt"), CompletableFuture.delayedExecutor(afterSeconds, TimeUnit.SECONDS));
                }
            }
            posting.join();
            waitFor(() -> board.clients.stream().allMatch(c -> c.stamps.containsAll(acknowledged)), 60);
            List<Resuming.Client> dropped = board.clients.stream().filter(c -> c.dropped).toList();
            Histogram noticed = new Histogram(3);
            Histogram reopened = new Histogram(3);
            Histogram resumed = new Histogram(3);
            dropped.forEach(c -> {
                noticed.recordValue(Math.max(0, (c.droppedAt - killedAt) / 1_000_000));
                reopened.recordValue(Math.max(0, (c.reopenedAt - killedAt) / 1_000_000));
                resumed.recordValue(Math.max(0, (c.resumedAt - killedAt) / 1_000_000));
            });
            long missing = board.clients.stream().filter(c -> !c.stamps.containsAll(acknowledged)).count();
            out.printf("%d of %d subscribers lost their connection (how connections ended: %s); from the kill to each "
                            + "hearing it: p50 %d ms, max %d ms; to each being connected again: p50 %d ms, p99 %d ms, max %d ms; to each being shown posts again: "
                            + "p50 %d ms, p99 %d ms, max %d ms; %d reconnection attempts; posts acknowledged %d, "
                            + "subscribers that missed any: %d.%n%n", dropped.size(), count, board.endings,
                    noticed.getValueAtPercentile(50), noticed.getMaxValue(),
                    reopened.getValueAtPercentile(50), reopened.getValueAtPercentile(99), reopened.getMaxValue(),
                    resumed.getValueAtPercentile(50), resumed.getValueAtPercentile(99), resumed.getMaxValue(),
                    board.reconnects.get(), acknowledged.size(), missing);
        } finally {
            post(second, null, "api/sessions/" + session[0] + "/end", null, adminToken).join();
        }
    }

    // --- plumbing -------------------------------------------------------------------------------------------------

    /** One trial's figures; {@code ratio} is the delivery ratio (fan-out) or frames per client per second (votes). */
    record Trial(double ratio, double perSecond, double p50, double p99, double p999, double cpu) {
    }

    interface Poster {
        /** Sends one request stamped with its intended send time; completes with the response body (or status). */
        CompletableFuture<?> send(long intendedNanos);
    }

    interface TrialRun {
        Trial run() throws Exception;
    }

    /** Counts accepted answers and their latency from the intended send time. */
    static final class Recorder {
        final AtomicLong accepted = new AtomicLong();
        final Histogram micros = new org.HdrHistogram.ConcurrentHistogram(3);
        final long created = System.nanoTime();
        final AtomicLong lastAnswer = new AtomicLong(created);

        /**
         * Accepted per second over the time it took to answer them all: a server that falls behind a fixed rate
         * answers after the sending stopped, and that time counts.
         */
        double perSecond(int seconds) {
            return accepted.get() / Math.max(seconds, (lastAnswer.get() - created) / 1e9);
        }
    }

    /**
     * Sends at a fixed rate for {@code duration} seconds, each request stamped with the time it was due (not when it
     * went out), so a slow server cannot hide its delay by slowing the sender. Returns the number sent.
     */
    private long fixedRate(int rate, int duration, Poster poster, Recorder recorder) throws InterruptedException {
        long period = 1_000_000_000L / rate;
        long count = (long) rate * duration;
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicLong sent = new AtomicLong();
        long start = System.nanoTime();
        ConcurrentLinkedQueue<CompletableFuture<?>> inFlight = new ConcurrentLinkedQueue<>();
        ticker.scheduleAtFixedRate(() -> {
            long due = start + sent.get() * period;
            while (sent.get() < count && System.nanoTime() >= due) {
                long intended = due;
                CompletableFuture<?> answer = poster.send(intended);
                if (recorder != null) {
                    answer = answer.whenComplete((body, failure) -> {
                        if (failure == null) {
                            long now = System.nanoTime();
                            recorder.accepted.incrementAndGet();
                            recorder.lastAnswer.accumulateAndGet(now, Math::max);
                            recorder.micros.recordValue(Math.max(0, (now - intended) / 1000));
                        }
                    });
                }
                inFlight.add(answer);
                due = start + sent.incrementAndGet() * period;
            }
        }, 0, Math.max(1, period / 1000 / 2), TimeUnit.MICROSECONDS);
        waitFor(() -> sent.get() >= count, duration + 60);
        ticker.shutdownNow();
        for (CompletableFuture<?> answer : inFlight) {
            try {
                answer.get(30, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // counted as not accepted
            }
        }
        return sent.get();
    }

    private CompletableFuture<String> post(String participantToken, String path, String json, String bearer) {
        return post(rounds, participantToken, path, json, bearer);
    }

    /** A POST to the instance at {@code base}; fails unless it succeeds. */
    private CompletableFuture<String> post(URI base, String participantToken, String path, String json,
                                           String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (participantToken != null) {
            request.header("Rounds-Participant", participantToken);
            if (!path.endsWith("/vote")) {
                // as the trainee page sends questions, feedback and poll answers (a vote is a toggle, sent without)
                request.header("Idempotency-Key", UUID.randomUUID().toString());
            }
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return response.body();
        });
    }

    /** A single-choice poll of four options in the session, open, its results shown: its id. */
    private String openPoll(String sessionId) {
        String base = "api/sessions/" + sessionId + "/polls";
        String poll = ID.matcher(post(null, base, "{\"kind\":\"SINGLE_CHOICE\",\"title\":\"Escalate at?\","
                + "\"options\":[{\"text\":\"3\"},{\"text\":\"5\"},{\"text\":\"7\"},{\"text\":\"9\"}]}",
                adminToken).join()).results().findFirst().orElseThrow().group(1);
        put(base + "/" + poll + "/state", "{\"state\":\"OPEN\"}");
        put(base + "/" + poll + "/results", "{\"shown\":true}");
        return poll;
    }

    /** A staff PUT as the admin; fails the run unless it succeeds. */
    private void put(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(rounds.resolve(path)).timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + adminToken).build();
        HttpResponse<String> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join();
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(path + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    private String token(String user, String password) {
        String body = postAnonymous("api/auth/tokens", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
        return TOKEN.matcher(body).results().findFirst().orElseThrow().group(1);
    }

    private String postAnonymous(String path, String json) {
        return post(null, path, json, null).join();
    }

    /** A new session: {id, join code}. */
    private String[] session(String moderation) {
        String body = post(null, "api/sessions", "{\"title\":\"Benchmark " + UUID.randomUUID()
                + "\",\"moderationMode\":\"" + moderation + "\"}", adminToken).join();
        return new String[]{ID.matcher(body).results().findFirst().orElseThrow().group(1),
                JOIN_CODE.matcher(body).results().findFirst().orElseThrow().group(1).replace("-", "")};
    }

    private void end(String sessionId) {
        post(null, "api/sessions/" + sessionId + "/end", null, adminToken).join();
    }

    /** {@code count} participants of the session, joined 32 at a time: their tokens. */
    private List<String> join(String code, int count) {
        List<String> tokens = new ArrayList<>();
        for (int from = 0; from < count; from += 32) {
            List<CompletableFuture<String>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 32); i++) {
                batch.add(post(null, "api/participants", "{\"code\":\"" + code + "\"}", null));
            }
            batch.forEach(joined -> tokens.add(TOKEN.matcher(joined.join()).results().findFirst().orElseThrow().group(1)));
        }
        return tokens;
    }

    private URI ws(String path) {
        return ws(rounds, path);
    }

    private static URI ws(URI base, String path) {
        return URI.create(base.toString().replaceFirst("^http", "ws")).resolve(path);
    }

    private List<Trial> repeat(TrialRun run) throws Exception {
        List<Trial> results = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            results.add(run.run());
        }
        return results;
    }

    private void row(int subscribers, int rate, String system, List<Trial> results) {
        out.printf("| %d | %d | %s | %s | %s | %s | %s | %s | %s |%n", subscribers, rate, system,
                median(results, t -> t.ratio() * 100, "%.2f %%"), median(results, Trial::perSecond, "%.0f"),
                median(results, Trial::p50, "%.1f"), median(results, Trial::p99, "%.1f"),
                median(results, Trial::p999, "%.1f"), median(results, Trial::cpu, "%.0f"));
    }

    private static double medianOf(List<Trial> results, java.util.function.ToDoubleFunction<Trial> figure) {
        double[] values = results.stream().mapToDouble(figure).sorted().toArray();
        return values[values.length / 2];
    }

    private static String median(List<Trial> results, java.util.function.ToDoubleFunction<Trial> figure, String format) {
        double[] values = results.stream().mapToDouble(figure).sorted().toArray();
        return String.format(Locale.ROOT, format + " [" + format + "–" + format + "]", values[values.length / 2],
                values[0], values[values.length - 1]);
    }

    private static List<Integer> ints(String property, String defaults) {
        return Arrays.stream(System.getProperty(property, defaults).split(",")).map(String::strip)
                .map(Integer::parseInt).toList();
    }

    /**
     * With {@code -Dbench.profiles=<folder>}: a flight recording of the server ({@code action} start or stop), written
     * to {@code <folder>/<name>-<time>.jfr}: where a workload's CPU goes (the vote storm, a hall answering a poll,
     * Rounds' intake), without the joins and connections before it.
     * Start the server with {@code -XX:FlightRecorderOptions:stackdepth=200} (BENCH_SERVER_OPTS) for whole stacks: a
     * request's are deeper than the default 64 frames. With {@code -Dbench.async-profiler=<libasyncProfiler.so>}
     * (async-profiler, from Maven Central's tools.profiler:async-profiler jar): its CPU samples every millisecond
     * instead, as collapsed stacks in {@code <name>-<time>.collapsed}; JFR samples too few threads on a busy core.
     */
    private void flightRecording(String name, String action) {
        String asyncProfiler = System.getProperty("bench.async-profiler");
        if (asyncProfiler != null) {
            // quoted: jcmd would read the agent's options as its own key=value arguments
            profile(folder -> jcmd("JVMTI.agent_load " + asyncProfiler + (action.equals("start")
                    ? " \"start,event=cpu,interval=1ms\"" : " \"stop,collapsed,file=" + folder.resolve(name + "-"
                    + Instant.now().toString().replace(":", "") + ".collapsed").toAbsolutePath() + "\"")));
            return;
        }
        profile(folder -> jcmd("JFR." + action + " name=" + name + (action.equals("start")
                ? " settings=profile filename=" + folder.resolve(name + "-" + Instant.now().toString().replace(":", "")
                + ".jfr").toAbsolutePath() : "")));
    }

    /** With {@code -Dbench.profiles=<folder>}: the server's heap histogram (after a full GC) in {@code <name>.txt}. */
    private void heapHistogram(String name) {
        profile(folder -> Files.writeString(folder.resolve(name + ".txt"), jcmd("GC.class_histogram")));
    }

    private interface Profiling {
        Object into(Path folder) throws IOException, InterruptedException;
    }

    private void profile(Profiling profiling) {
        String folder = System.getProperty("bench.profiles");
        if (folder == null || serverPid < 0) {
            return;
        }
        try {
            profiling.into(Files.createDirectories(Path.of(folder)));
        } catch (IOException e) {
            System.err.println("No profile: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long cpuTicks(long pid) {
        try {
            String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceAll(".*\\) ", "").split(" ");
            return Long.parseLong(stat[11]) + Long.parseLong(stat[12]); // utime + stime, after the command name
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU use of the process over the elapsed seconds, in % of one core (the kernel counts 100 ticks a second). */
    private static double cpuPercent(long pid, long before, double elapsedSeconds) {
        long after = cpuTicks(pid);
        return before < 0 || after < 0 ? -1 : (after - before) / elapsedSeconds;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, int timeoutSeconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20); // polls a condition with a deadline
        }
    }

    /** Writes the results to the file and the console at once. */
    private static final class Tee extends PrintStream {
        private final PrintStream second;

        Tee(PrintStream first, PrintStream second) {
            super(first, true, StandardCharsets.UTF_8);
            this.second = second;
        }

        @Override
        public void write(byte[] buf, int off, int len) {
            super.write(buf, off, len);
            second.write(buf, off, len);
        }

        @Override
        public void flush() {
            super.flush();
            second.flush();
        }
    }
}
