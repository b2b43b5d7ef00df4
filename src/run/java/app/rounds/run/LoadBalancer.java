package app.rounds.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * HAProxy (Debian's {@code haproxy}) on this machine's loopback in front of Rounds instances on it, with the settings
 * of docker/compose.yaml's proxy (docker/haproxy.cfg): round robin per request, WebSocket tunnels kept for an hour, an
 * instance taken out after two failed health checks half a second apart (a quarter once it refused a connection; each
 * may take 2 s, so that a live instance busy with a surge is not taken out), a connection a dead instance refuses tried again at
 * once on another. Each answer names the instance that gave it in {@code X-Served-By} ({@code app1}, {@code app2},
 * ...). For {@code ./mvnw -Prun -Drounds.run.instances=2} and the cluster's integration test.
 */
public final class LoadBalancer implements AutoCloseable {

    private final int port;
    private final Path config;
    private final Path log;
    private final Process process;

    /** Starts HAProxy on {@code port} in front of the instances on {@code instancePorts}; waits until it listens. */
    public LoadBalancer(int port, List<Integer> instancePorts, Path log) {
        this.port = port;
        this.log = log;
        try {
            config = Files.createTempFile("rounds-haproxy", ".cfg");
            Files.writeString(config, config(port, instancePorts));
            process = new ProcessBuilder("haproxy", "-db", "-f", config.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!listening()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("HAProxy did not start on port " + port + "; see " + log);
                }
                Thread.sleep(50); // polling for the port until the deadline
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** HAProxy on a free port in front of the instances, logging to {@code target/haproxy-<port>.log}. */
    public static LoadBalancer inFrontOf(List<Integer> instancePorts) {
        int port = freePort();
        return new LoadBalancer(port, instancePorts, Path.of("target", "haproxy-" + port + ".log"));
    }

    static String config(int port, List<Integer> instancePorts) {
        String servers = IntStream.range(0, instancePorts.size())
                .mapToObj(i -> "    server app" + (i + 1) + " 127.0.0.1:" + instancePorts.get(i))
                .collect(Collectors.joining("\n"));
        return """
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    timeout tunnel 1h
                    timeout check 2s
                    retries 3
                    option redispatch 1
                    option forwardfor
                frontend rounds
                    bind 127.0.0.1:%d
                    http-request del-header HTTP2-Settings if { req.hdr(upgrade) -i h2c }
                    http-request del-header Upgrade if { req.hdr(upgrade) -i h2c }
                    default_backend app
                backend app
                    balance roundrobin
                    option httpchk GET /health/ready
                    http-check expect status 200
                    http-response set-header X-Served-By %%[srv_name]
                    default-server check inter 500ms fastinter 250ms fall 2 rise 2 observe layer4 error-limit 1 on-error fastinter
                %s
                """.formatted(port, servers);
    }

    /** Whether HAProxy is on this machine. */
    public static boolean available() {
        try {
            return new ProcessBuilder("haproxy", "-v").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
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
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private boolean listening() {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(config);
        } catch (IOException ignored) {
            // a temporary file left in /tmp
        }
    }
}
