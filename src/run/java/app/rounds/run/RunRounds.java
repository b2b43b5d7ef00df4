package app.rounds.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * What {@code ./mvnw -Prun} runs once Maven has started the embedded MariaDB: Payara Micro with the built WAR (the
 * command in its arguments) as a child process whose output it passes on. When Payara Micro says it is ready and
 * Rounds answers {@code /health/ready}, it prints where to go and how the first admin logs in, in one block.
 * <p>
 * It goes down with Maven whatever stops Maven. A signal (Ctrl+C's SIGINT, SIGTERM, SIGHUP) runs the shutdown hooks:
 * Maven's stop this process and the embedded database, this one's stops Payara Micro. A SIGKILL runs none of Maven's
 * hooks, so this process watches Maven and, once Maven is gone, stops Payara Micro and then shuts the embedded
 * database down itself (MariaDB's {@code SHUTDOWN}: it runs as root without access control, bound to 127.0.0.1).
 * <p>
 * With {@code rounds.run.instances} above 1 it starts that many instances clustered on Payara's data grid on this
 * machine's loopback (HTTP on the following ports, the grid from {@code rounds.run.grid.port}) and HAProxy in front of
 * them on the HTTP port ({@link LoadBalancer}): a cluster to try on one machine.
 * <p>
 * System properties: {@code rounds.run.http.port}; {@code rounds.run.embedded-db.url}, empty when the database is
 * not the embedded one (ROUNDS_DB_URL): then it is never shut down from here; {@code rounds.run.instances} (1);
 * {@code rounds.run.grid.port} (5900).
 */
public final class RunRounds {

    /** The line {@code FirstAdmin} logs when it made up the first admin's password. */
    private static final Pattern GENERATED_PASSWORD =
            Pattern.compile("Created the first admin '([^']+)' with the generated password (\\S+) ");
    /** Payara Micro's last boot line, logged once the deployment succeeded or failed. */
    private static final Pattern PAYARA_READY = Pattern.compile("Payara Micro .* ready in [0-9,.]+ \\(ms\\)");
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final List<String> payaraCommand;
    private final int httpPort;
    private final Optional<String> embeddedDatabase;
    private final int instances;
    private final int gridPort;
    private final AtomicReference<FirstAdmin> firstAdmin = new AtomicReference<>();
    private final List<Instance> running = new CopyOnWriteArrayList<>();
    private volatile LoadBalancer balancer;
    private volatile boolean mavenGone;

    /** The first admin made at this start, with the password only this start shows. */
    record FirstAdmin(String username, String password) {
    }

    RunRounds(List<String> payaraCommand, int httpPort, Optional<String> embeddedDatabase, int instances,
              int gridPort) {
        this.payaraCommand = List.copyOf(payaraCommand);
        this.httpPort = httpPort;
        this.embeddedDatabase = embeddedDatabase;
        this.instances = instances;
        this.gridPort = gridPort;
    }

    public static void main(String[] args) throws Exception {
        var run = new RunRounds(Arrays.asList(args), Integer.getInteger("rounds.run.http.port", 8080),
                Optional.ofNullable(System.getProperty("rounds.run.embedded-db.url")).filter(url -> !url.isBlank()),
                Integer.getInteger("rounds.run.instances", 1), Integer.getInteger("rounds.run.grid.port", 5900));
        System.exit(run.runUntilStopped());
    }

    int runUntilStopped() throws IOException, InterruptedException {
        if (instances > 1 && !LoadBalancer.available()) {
            System.err.println("Several instances need HAProxy in front of them: install it (apt-get install haproxy)"
                    + " or run one instance.");
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-payara"));
        ParentWatch.whenGone(ProcessHandle.current().parent(), () -> {
            mavenGone = true;
            System.out.println("Maven is gone: stopping Rounds" + (embeddedDatabase.isPresent()
                    ? " and the embedded database" : ""));
            System.exit(1);
        });
        if (instances == 1) {
            // one instance only: members of a cluster would share the launcher's root directory
            List<String> command = StartupCache.applied(payaraCommand, Path.of("target", "micro-root"),
                    Path.of("target", "rounds.aot"));
            if (command.contains("-XX:AOTMode=record")) {
                System.out.println("This start records what it loads as it stops; the next one makes a start-up "
                        + "cache of it (target/rounds.aot) and then starts in about half the time.");
            }
            running.add(new Instance("", httpPort, command));
        } else {
            for (int member = 1; member <= instances; member++) {
                running.add(new Instance("app" + member, httpPort + member,
                        memberCommand(payaraCommand, member, instances, httpPort, gridPort)));
            }
        }
        for (Instance instance : running) {
            while (!instance.ready.await(1, TimeUnit.SECONDS)) {
                if (!instance.process.isAlive()) {
                    return instance.process.exitValue();
                }
            }
        }
        if (instances > 1) {
            balancer = new LoadBalancer(httpPort, running.stream().map(Instance::port).toList(),
                    Path.of("target", "haproxy-run.log"));
        }
        System.out.print(rendered(answersReady() ? readyBlock(httpPort, Optional.ofNullable(firstAdmin.get()),
                running.stream().map(Instance::port).toList())
                : List.of("Payara Micro is up but Rounds did not deploy: the cause is in the log above.")));
        System.out.flush();
        // until an instance ends (a failed deployment's, or one killed): the others are stopped with it
        return CompletableFuture.anyOf(running.stream().map(i -> i.process.onExit()).toArray(CompletableFuture[]::new))
                .thenApply(ended -> ((Process) ended).exitValue()).join();
    }

    /**
     * The command of cluster member {@code member} (from 1) of {@code members}: clustered on the loopback instead of
     * alone, its HTTP port the member's number after the balancer's, its grid port the member's number after
     * {@code gridPort}'s less one.
     */
    static List<String> memberCommand(List<String> command, int member, int members, int httpPort, int gridPort) {
        List<String> changed = new ArrayList<>();
        String peers = String.join(",", IntStream.range(0, members)
                .mapToObj(m -> "127.0.0.1:" + (gridPort + m)).toList());
        for (int i = 0; i < command.size(); i++) {
            String argument = command.get(i);
            if (argument.equals("--nocluster")) {
                changed.addAll(List.of("--clustername", "rounds-dev", "--interfaces", "127.0.0.1",
                        "--startport", Integer.toString(gridPort + member - 1), "--clustermode", "tcpip:" + peers));
            } else if (argument.equals("--port")) {
                changed.addAll(List.of(argument, Integer.toString(httpPort + member)));
                i++;
            } else {
                changed.add(argument);
            }
        }
        return changed;
    }

    /** A Payara Micro process of this run, whose output it passes on (prefixed with its name, when there are several). */
    private final class Instance {
        private final String name;
        private final int port;
        private final Process process;
        private final CountDownLatch ready = new CountDownLatch(1);

        Instance(String name, int port, List<String> command) throws IOException {
            this.name = name;
            this.port = port;
            this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Thread.ofPlatform().name("payara-output" + (name.isEmpty() ? "" : "-" + name)).start(this::passOnOutput);
        }

        int port() {
            return port;
        }

        /** Copies Payara Micro's output to ours, noting the first admin's generated password and the ready line. */
        private void passOnOutput() {
            String prefix = name.isEmpty() ? "" : "[" + name + "] ";
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    System.out.println(prefix + line);
                    firstAdminIn(line).ifPresent(firstAdmin::set);
                    if (PAYARA_READY.matcher(line).find()) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Optional<FirstAdmin> firstAdminIn(String line) {
        Matcher m = GENERATED_PASSWORD.matcher(line);
        return m.find() ? Optional.of(new FirstAdmin(m.group(1), m.group(2))) : Optional.empty();
    }

    /** Whether Rounds answers its readiness check (Payara Micro says "ready" even when the deployment failed). */
    private boolean answersReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/health/ready"))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** What to say once Rounds is ready: where to go and how the first admin logs in. */
    static List<String> readyBlock(int httpPort, Optional<FirstAdmin> createdNow, List<Integer> instancePorts) {
        String base = "http://localhost:" + httpPort;
        List<String> lines = new ArrayList<>(List.of("Rounds is ready: " + base));
        if (instancePorts.size() > 1) {
            lines.add("(HAProxy in front of " + instancePorts.size() + " clustered instances, on ports "
                    + String.join(", ", instancePorts.stream().map(String::valueOf).toList()) + ")");
        }
        createdNow.ifPresentOrElse(admin -> lines.addAll(List.of(
                "Log in at " + base + "/login.html as " + admin.username() + " with the password",
                "    " + admin.password(),
                "(shown only this once: change it under Your account)")),
                () -> lines.add("Staff log in at " + base + "/login.html"));
        lines.add("Stop with Ctrl+C: the embedded database stops too, its data stays");
        return lines;
    }

    /** The lines in a frame, so that they stand out of Payara Micro's log (ASCII: any console shows it). */
    static String rendered(List<String> lines) {
        int width = lines.stream().mapToInt(String::length).max().orElse(0);
        String rule = "+" + "-".repeat(width + 2) + "+";
        StringBuilder block = new StringBuilder("\n").append(rule).append('\n');
        for (String line : lines) {
            block.append("| ").append(line).append(" ".repeat(width - line.length())).append(" |\n");
        }
        return block.append(rule).append("\n\n").toString();
    }

    /**
     * Stops the load balancer and Payara Micro (its own shutdown first, all instances at once), then, if Maven is gone,
     * the embedded database Maven started.
     */
    private void stop() {
        if (balancer != null) {
            balancer.close();
        }
        running.forEach(instance -> instance.process.destroy());
        for (Instance instance : running) {
            try {
                if (!instance.process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                    instance.process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                instance.process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (mavenGone) {
            embeddedDatabase.ifPresent(RunRounds::shutDownDatabase);
        }
    }

    private static void shutDownDatabase(String url) {
        try (var connection = DriverManager.getConnection(url, "root", "");
             var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            System.err.println("Could not shut down the embedded database at " + url + ": " + e.getMessage());
        }
    }
}
