package app.rounds.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * HAProxy (Debian's package) in front of Rounds instances, as docker/compose.yaml runs it: round robin per request,
 * an instance taken out after two failed health checks half a second apart, WebSocket tunnels kept for an hour,
 * connections refused by a dead instance tried again on another. Each answer names the instance that gave it in
 * {@code X-Served-By} ({@code app1}, {@code app2}, ...).
 */
public final class LoadBalancer implements AutoCloseable {

    private final int port = PayaraProcess.freePort();
    private final Path config;
    private final Path log;
    private final Process process;

    public LoadBalancer(PayaraProcess... instances) {
        String servers = IntStream.range(0, instances.length)
                .mapToObj(i -> "    server app" + (i + 1) + " 127.0.0.1:" + instances[i].url().getPort()
                        + " check inter 500ms fall 2 rise 2")
                .collect(Collectors.joining("\n"));
        try {
            config = Files.createTempFile("rounds-haproxy", ".cfg");
            Files.writeString(config, """
                    defaults
                        mode http
                        timeout connect 2s
                        timeout client 60s
                        timeout server 60s
                        timeout tunnel 1h
                        retries 3
                        option redispatch
                        option forwardfor
                    frontend rounds
                        bind 127.0.0.1:%d
                        default_backend app
                    backend app
                        balance roundrobin
                        option httpchk GET /health/ready
                        http-response set-header X-Served-By %%[srv_name]
                    %s
                    """.formatted(port, servers));
            log = Path.of("target", "haproxy-" + port + ".log");
            process = new ProcessBuilder("haproxy", "-db", "-f", config.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            Conditions.await("HAProxy to listen on " + port, Duration.ofSeconds(10), this::listening);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether HAProxy is on this machine (.ci/run installs it). */
    public static boolean available() {
        try {
            return new ProcessBuilder("haproxy", "-v").start().waitFor() == 0;
        } catch (IOException notInstalled) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public URL url() {
        try {
            return URI.create("http://127.0.0.1:" + port + "/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean listening() {
        if (!process.isAlive()) {
            throw new IllegalStateException("HAProxy stopped; see " + log);
        }
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        process.waitFor();
        Files.deleteIfExists(config);
    }
}
