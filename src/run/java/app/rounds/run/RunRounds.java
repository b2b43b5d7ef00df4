package app.rounds.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * System properties: {@code rounds.run.http.port}; {@code rounds.run.embedded-db.url}, empty when the database is
 * not the embedded one (ROUNDS_DB_URL): then it is never shut down from here.
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
    private final CountDownLatch payaraReady = new CountDownLatch(1);
    private final AtomicReference<FirstAdmin> firstAdmin = new AtomicReference<>();
    private volatile boolean mavenGone;
    private Process payara;

    /** The first admin made at this start, with the password only this start shows. */
    record FirstAdmin(String username, String password) {
    }

    RunRounds(List<String> payaraCommand, int httpPort, Optional<String> embeddedDatabase) {
        this.payaraCommand = List.copyOf(payaraCommand);
        this.httpPort = httpPort;
        this.embeddedDatabase = embeddedDatabase;
    }

    public static void main(String[] args) throws Exception {
        var run = new RunRounds(Arrays.asList(args), Integer.getInteger("rounds.run.http.port", 8080),
                Optional.ofNullable(System.getProperty("rounds.run.embedded-db.url")).filter(url -> !url.isBlank()));
        System.exit(run.runUntilStopped());
    }

    int runUntilStopped() throws IOException, InterruptedException {
        payara = new ProcessBuilder(payaraCommand).redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-payara"));
        ParentWatch.whenGone(ProcessHandle.current().parent(), () -> {
            mavenGone = true;
            System.out.println("Maven is gone: stopping Rounds" + (embeddedDatabase.isPresent()
                    ? " and the embedded database" : ""));
            System.exit(1);
        });
        Thread.ofPlatform().name("payara-output").start(this::passOnOutput);
        while (!payaraReady.await(1, TimeUnit.SECONDS)) {
            if (!payara.isAlive()) {
                return payara.exitValue();
            }
        }
        System.out.print(rendered(answersReady() ? readyBlock(httpPort, Optional.ofNullable(firstAdmin.get()))
                : List.of("Payara Micro is up but Rounds did not deploy: the cause is in the log above.")));
        System.out.flush();
        return payara.waitFor();
    }

    /** Copies Payara Micro's output to ours, noting the first admin's generated password and the ready line. */
    private void passOnOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(payara.getInputStream()))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                System.out.println(line);
                firstAdminIn(line).ifPresent(firstAdmin::set);
                if (PAYARA_READY.matcher(line).find()) {
                    payaraReady.countDown();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
    static List<String> readyBlock(int httpPort, Optional<FirstAdmin> createdNow) {
        String base = "http://localhost:" + httpPort;
        List<String> lines = new ArrayList<>(List.of("Rounds is ready: " + base));
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

    /** Stops Payara Micro (its own shutdown first), then, if Maven is gone, the embedded database Maven started. */
    private void stop() {
        if (payara.isAlive()) {
            payara.destroy();
            try {
                if (!payara.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                    payara.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                payara.destroyForcibly();
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
