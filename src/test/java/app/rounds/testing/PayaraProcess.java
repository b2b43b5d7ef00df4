package app.rounds.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The built WAR on a Payara Micro process of the test's own, against a database of its own on the integration tests'
 * MariaDB server, so that a test can kill it (as a crash would) and start it again on the same data.
 */
public final class PayaraProcess implements AutoCloseable {

    private static final Pattern OPTION = Pattern.compile("-D(rounds\\.db\\.(?:url|user|password))=(\\S*)");

    private final List<String> command;
    private final Path log;
    /** Payara Micro's own files (its runtime, 148 MB, unpacked on each start): in target, removed when closed. */
    private final Path rootDir;
    private final int port;
    private Process process;

    /** A connection of its own to the deployed app's database, to change rows behind the application's back. */
    public static Connection itDatabaseConnection() throws SQLException {
        return connection(itDatabaseUrl());
    }

    /** A connection to a database on the integration tests' MariaDB server, with their credentials. */
    public static Connection connection(String databaseUrl) throws SQLException {
        Map<String, String> db = itDatabase();
        return DriverManager.getConnection(databaseUrl, db.get("rounds.db.user"), db.get("rounds.db.password"));
    }

    /** The first admin's password in the integration tests' database. */
    public static String adminPassword() {
        return System.getProperty("rounds.it.admin.password", "it-admin-password-1");
    }

    /** The integration tests' own database, which the shared Rounds ({@link RunningRounds}) runs on. */
    public static String itDatabaseUrl() {
        return itDatabase().get("rounds.db.url");
    }

    /** A fresh database named after the integration tests' one plus {@code suffix}. */
    public static String freshDatabase(String suffix) {
        Map<String, String> db = itDatabase();
        String serverUrl = db.get("rounds.db.url").replaceFirst("/[^/?]*(\\?.*)?$", "/");
        String name = db.get("rounds.db.url").replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1") + suffix;
        try (Connection connection = DriverManager.getConnection(serverUrl, db.get("rounds.db.user"),
                db.get("rounds.db.password")); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + name, e);
        }
        return serverUrl + name;
    }

    /** The database settings the integration tests run with: their options, else the environment (CI). */
    private static Map<String, String> itDatabase() {
        String options = System.getProperty("rounds.it.db.options", "");
        Matcher m = OPTION.matcher(options);
        java.util.HashMap<String, String> db = new java.util.HashMap<>();
        while (m.find()) {
            db.put(m.group(1), m.group(2));
        }
        db.putIfAbsent("rounds.db.url", System.getenv("ROUNDS_DB_URL"));
        db.putIfAbsent("rounds.db.user", System.getenv().getOrDefault("ROUNDS_DB_USER", "root"));
        db.putIfAbsent("rounds.db.password", System.getenv().getOrDefault("ROUNDS_DB_PASSWORD", ""));
        if (db.get("rounds.db.url") == null) {
            throw new IllegalStateException("no database for the integration tests: run them through Maven (verify)");
        }
        return db;
    }

    public PayaraProcess(String databaseUrl, String... properties) {
        port = freePort();
        Map<String, String> db = itDatabase();
        command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a test server lives minutes: the quick compiler and one GC thread halve a start's CPU (33 s to 17 s
                // here), and the two cores go to the tests instead of optimising code for a long run
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xmx512m", "-Duser.timezone=UTC", "-Drounds.db.url=" + databaseUrl,
                "-Drounds.db.user=" + db.get("rounds.db.user"), "-Drounds.db.password=" + db.get("rounds.db.password"),
                "-Drounds.admin.user=admin", "-Drounds.admin.password=" + adminPassword(),
                "-Drounds.secrets.key=" + System.getProperty("rounds.it.secrets.key")));
        for (String property : properties) {
            command.add("-D" + property);
        }
        rootDir = Path.of("target", "payara-process-" + port).toAbsolutePath();
        command.addAll(List.of("-jar", System.getProperty("rounds.micro.jar", "target/payara-micro.jar"),
                "--nocluster", "--rootdir", rootDir.toString(),
                "--prebootcommandfile", System.getProperty("rounds.micro.preboot"),
                "--port", Integer.toString(port), "--contextroot", "/",
                "--deploy", new File(System.getProperty("rounds.war", "target/rounds.war")).getAbsolutePath()));
        log = Path.of("target", "payara-process-" + port + ".log");
    }

    /**
     * Makes it a member of the cluster {@code name} on this machine's loopback instead of an instance alone: its data
     * grid listens on {@code gridPort} and looks for the members at {@code memberPorts}. Before {@link #start}.
     */
    public PayaraProcess inCluster(String name, int gridPort, int... memberPorts) {
        int at = command.indexOf("--nocluster");
        command.remove(at);
        command.addAll(at, List.of("--clustername", name, "--interfaces", "127.0.0.1",
                "--startport", Integer.toString(gridPort), "--clustermode", "tcpip:" + String.join(",",
                        java.util.Arrays.stream(memberPorts).mapToObj(p -> "127.0.0.1:" + p).toList())));
        return this;
    }

    /** A port free now, for a process's data grid. */
    public static int freePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts it and waits until /health/ready answers 200. */
    public PayaraProcess start() {
        try {
            deleteTree(rootDir); // what an earlier start deployed would be deployed again beside --deploy
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            // HTTP/1.1: an h2c upgrade cut short by a timeout while the server booted left this client without an
            // answer for minutes once (CI)
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(base() + "health/ready"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                    if (ready.statusCode() == 200) {
                        return this;
                    }
                } catch (IOException starting) {
                    // not listening yet
                }
                Thread.sleep(250); // polling for readiness until the deadline
            }
            throw new IllegalStateException("Payara Micro did not become ready; see " + log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URL url() {
        try {
            return URI.create(base()).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the process writes its log (appended to by each start). */
    public Path log() {
        return log;
    }

    private String base() {
        return "http://localhost:" + port + "/";
    }

    /** The operating system's id of the running process. */
    public long pid() {
        return process.pid();
    }

    /** Freezes it (SIGSTOP), as a long garbage collection or a frozen virtual machine would. */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Lets a paused process go on (SIGCONT). */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed: " + exit);
        }
    }

    /**
     * Writes the stacks of all its threads beside its log ({@code jcmd Thread.print}) and returns where: for a test to
     * show what the server was waiting on when it answered too late.
     */
    public Path threadDump(String name) throws IOException, InterruptedException {
        Path dump = log.resolveSibling(log.getFileName() + "." + name + ".threads.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jcmd = Path.of(java).resolveSibling("jcmd");
        new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                .redirectErrorStream(true).redirectOutput(dump.toFile()).start().waitFor();
        return dump;
    }

    /** As a crash: no shutdown hooks, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
        try {
            deleteTree(rootDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
