package app.rounds.ingest.control;

import app.rounds.ingest.entity.IngestSource;
import app.rounds.ingest.entity.SourceKind;
import app.rounds.platform.control.ProblemException;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Source URLs are refused when they name a non-public address: when the source is added, before each request, and
 * at the connection itself (the tunnel), so a DNS answer that changes after the check (rebinding) is refused too.
 * Host names go through a stand-in resolver: DNS is not ours.
 */
class SourceHttpAddressTest {

    private SourceHttp http;

    /** Public (not local) sources, with a resolver that answers from {@code names}, literals as the JDK does. */
    private SourceHttp publicOnly(PublicTunnels.Resolver names) {
        SourceHttp http = new SourceHttp();
        http.allowLocal = false;
        http.requestTimeoutSeconds = 5;
        http.resolver = names;
        http.start();
        this.http = http;
        return http;
    }

    private static PublicTunnels.Resolver names(Map<String, String> answers) {
        return host -> answers.containsKey(host) ? new InetAddress[]{InetAddress.getByName(answers.get(host))}
                : InetAddress.getAllByName(literalOnly(host));
    }

    private static String literalOnly(String host) throws UnknownHostException {
        if (!Character.isDigit(host.charAt(0)) && !host.contains(":")) {
            throw new UnknownHostException(host);
        }
        return host;
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://[fd00::1]", "https://[fc00::1]/", "https://[64:ff9b::7f00:1]",
            "https://[64:ff9b::a9fe:a9fe]", "https://[::127.0.0.1]", "https://[::ffff:127.0.0.1]", "https://[::1]",
            "https://[fe80::1]", "https://[2001:db8::1]", "https://100.64.0.1", "https://198.18.0.1",
            "https://255.255.255.255", "https://169.254.169.254/latest/meta-data", "https://127.0.0.1:8443",
            "https://10.1.2.3", "https://0.0.0.0", "https://internal.example", "https://metadata.example"})
    void aSourceNamingANonPublicAddressIsNotAdded(String url) {
        SourceHttp http = publicOnly(names(Map.of("internal.example", "192.168.1.20",
                "metadata.example", "169.254.169.254")));
        ProblemException refused = assertThrows(ProblemException.class, () -> http.checkedBaseUrl(url));
        assertTrue(refused.getMessage().contains("must be a public address"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://8.8.8.8", "https://[2606:4700:4700::1111]/", "https://social.example/"})
    void aSourceNamingAPublicAddressIsAdded(String url) {
        SourceHttp http = publicOnly(names(Map.of("social.example", "93.184.216.34")));
        String checked = http.checkedBaseUrl(url);
        assertTrue(url.startsWith(checked) && !checked.endsWith("/"), checked);
    }

    @Test
    void aHostThatResolvesToAPrivateAddressIsRefusedAtFetchTimeInWords() {
        SourceHttp http = publicOnly(names(Map.of("feeds.example", "10.0.0.7")));
        FeedReader feeds = new FeedReader();
        feeds.http = http;
        IngestSource source = new IngestSource("session", SourceKind.FEED, "feed", "https://feeds.example/rss",
                null, null, "staff", Instant.now());
        NotPublicAddress refused = assertThrows(NotPublicAddress.class, () -> feeds.fetch(source, "#ward7"));
        assertEquals("NotPublicAddress: feeds.example resolves to 10.0.0.7, which is not a public internet address;"
                + " Rounds does not call it", SourcePolling.describe(refused));
    }

    @Test
    void aDnsAnswerThatTurnsLocalAfterTheCheckIsRefusedAtTheConnectionAndNothingLocalIsReached() throws Exception {
        try (ServerSocket local = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AtomicInteger asked = new AtomicInteger();
            SourceHttp http = publicOnly(host -> new InetAddress[]{InetAddress.getByName(
                    asked.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1")});
            URI uri = URI.create("https://rebind.example:" + local.getLocalPort() + "/api/v2/instance");
            NotPublicAddress refused = assertThrows(NotPublicAddress.class,
                    () -> http.send(http.request(uri).GET().build()));
            assertTrue(refused.getMessage().contains("changed after the check"), refused.getMessage());
            assertEquals(2, asked.get(), "checked before the request, then again by the tunnel");
            local.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, local::accept);
        }
    }

    @Test
    void aSourceThatDoesNotAnswerSaysSoNotThatATunnelFailed() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        SourceHttp http = new SourceHttp();
        http.allowLocal = false;
        http.requestTimeoutSeconds = 5;
        http.resolver = host -> new InetAddress[]{InetAddress.getLoopbackAddress()};
        http.isPublic = address -> true; // a stand-in judge, so the tunnel tries the closed loopback port
        http.start();
        this.http = http;
        java.net.ConnectException failed = assertThrows(java.net.ConnectException.class, () -> http.send(
                http.request(URI.create("https://gone.example:" + closedPort + "/")).GET().build()));
        assertEquals("gone.example did not answer at any of its addresses", failed.getMessage());
    }

    @Test
    void aWebSocketToANonPublicHostIsRefused() {
        SourceHttp http = publicOnly(names(Map.of("streaming.example", "fd12:3456::1")));
        ExecutionException refused = assertThrows(ExecutionException.class, () -> http.webSocket(
                URI.create("wss://streaming.example/api/v1/streaming"), "token", new java.net.http.WebSocket.Listener() {
                }).get(5, TimeUnit.SECONDS));
        assertInstanceOf(NotPublicAddress.class, refused.getCause());
    }

    @Test
    void plainHttpIsRefusedAtFetchTimeUnlessLocalSourcesAreAllowed() {
        SourceHttp http = publicOnly(names(Map.of("social.example", "93.184.216.34")));
        NotPublicAddress refused = assertThrows(NotPublicAddress.class,
                () -> http.send(http.request(URI.create("http://social.example/")).GET().build()));
        assertTrue(refused.getMessage().contains("over https only"), refused.getMessage());
    }

    @Test
    void localSourcesAllowedReachAStandInOnLoopback() throws Exception {
        HttpServer standIn = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        standIn.createContext("/", exchange -> {
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        standIn.start();
        try {
            SourceHttp http = new SourceHttp();
            http.allowLocal = true;
            http.requestTimeoutSeconds = 5;
            http.start();
            this.http = http;
            URI uri = URI.create("http://localhost:" + standIn.getAddress().getPort() + "/api/v1/timelines/tag/x");
            assertEquals("[]", http.send(http.request(uri).GET().build()).body());
        } finally {
            standIn.stop(0);
        }
    }

    @Test
    void theTunnelConnectsToTheAddressItCheckedAndRefusesTheRest() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             PublicTunnels tunnels = new PublicTunnels(host -> new InetAddress[]{InetAddress.getLoopbackAddress()},
                     a -> a.isLoopbackAddress(), Duration.ofSeconds(2))) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = echo.accept()) {
                    s.getOutputStream().write(s.getInputStream().readNBytes(4));
                } catch (IOException ignored) {
                    // the test fails on its own side
                }
            });
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), tunnels.port())) {
                client.setSoTimeout(5000);
                client.getOutputStream().write(("CONNECT stand-in.example:" + echo.getLocalPort()
                        + " HTTP/1.1\r\nHost: stand-in.example\r\nProxy-Authorization: "
                        + tunnels.proxyAuthorization() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                assertTrue(head(client.getInputStream()).startsWith("HTTP/1.1 200"));
                client.getOutputStream().write("ping".getBytes(StandardCharsets.ISO_8859_1));
                assertEquals("ping", new String(client.getInputStream().readNBytes(4), StandardCharsets.ISO_8859_1));
            }
        }
        try (PublicTunnels tunnels = new PublicTunnels(host -> new InetAddress[]{InetAddress.getLoopbackAddress()},
                Duration.ofSeconds(2));
             Socket client = new Socket(InetAddress.getLoopbackAddress(), tunnels.port())) {
            client.setSoTimeout(5000);
            client.getOutputStream().write(("CONNECT rebind.example:443 HTTP/1.1\r\nProxy-Authorization: "
                    + tunnels.proxyAuthorization() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(head(client.getInputStream()).startsWith("HTTP/1.1 403"));
        }
    }

    @Test
    void theTunnelServesOnlyThisRoundsNotOtherProcessesOnTheMachine() throws Exception {
        try (PublicTunnels tunnels = new PublicTunnels(host -> new InetAddress[]{InetAddress.getByName("8.8.8.8")},
                Duration.ofSeconds(2));
             Socket client = new Socket(InetAddress.getLoopbackAddress(), tunnels.port())) {
            client.setSoTimeout(5000);
            client.getOutputStream().write("CONNECT dns.example:443 HTTP/1.1\r\nProxy-Authorization: Bearer guess\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(head(client.getInputStream()).startsWith("HTTP/1.1 407"));
        }
    }

    private static String head(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
