package app.rounds.ingest.control;

import app.rounds.testing.Conditions;
import app.rounds.testing.StandInStreaming;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HttpClient's https and WebSocket through the tunnel as SourceHttp sets them up: the tunnel resolves the name and
 * connects, TLS runs end to end, the certificate is still checked against the name in the URL, not the address
 * reached, and the tunnel's key goes to the tunnel only.
 */
@Tag("slow") // seconds (keytool, the first TLS handshake, Tyrus): run by verify, not by ./mvnw test
class PublicTunnelsClientTest {

    private static final char[] PASSWORD = "stand-in".toCharArray();

    @Test
    void httpsGoesThroughTheTunnelAndTheCertificateIsCheckedAgainstTheHostName(@TempDir Path dir) throws Exception {
        KeyStore keys = selfSigned(dir, "stand-in.example");
        HttpsServer standIn = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        standIn.setHttpsConfigurator(new HttpsConfigurator(serving(keys)));
        List<String> proxyHeadersSeen = new CopyOnWriteArrayList<>();
        standIn.createContext("/", exchange -> {
            exchange.getRequestHeaders().keySet().stream().filter(h -> h.toLowerCase().startsWith("proxy"))
                    .forEach(proxyHeadersSeen::add);
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        standIn.start();
        List<String> resolved = new CopyOnWriteArrayList<>();
        PublicTunnels tunnels = new PublicTunnels(host -> {
            resolved.add(host);
            return new InetAddress[]{InetAddress.getLoopbackAddress()};
        }, a -> a.isLoopbackAddress(), Duration.ofSeconds(2));
        HttpClient client = HttpClient.newBuilder().proxy(tunnels.proxySelector()).sslContext(trusting(keys))
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        try {
            int port = standIn.getAddress().getPort();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                    URI.create("https://stand-in.example:" + port + "/api/v1/timelines/tag/x"))
                    .header("Proxy-Authorization", tunnels.proxyAuthorization())
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("[]", answer.body());
            assertEquals(List.of("stand-in.example"), resolved, "the tunnel resolved the name, the client did not");
            assertEquals(List.of(), proxyHeadersSeen, "the tunnel's key stays with the tunnel");

            IOException wrongName = assertThrows(IOException.class, () -> client.send(HttpRequest.newBuilder(
                    URI.create("https://other.example:" + port + "/"))
                    .header("Proxy-Authorization", tunnels.proxyAuthorization()).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()));
            assertInstanceOf(SSLHandshakeException.class, wrongName);
        } finally {
            client.shutdownNow();
            tunnels.close();
            standIn.stop(0);
        }
    }

    @Test
    void aMastodonStreamGoesThroughTheTunnel() throws Exception {
        try (StandInStreaming streaming = new StandInStreaming();
             PublicTunnels tunnels = new PublicTunnels(host -> new InetAddress[]{InetAddress.getLoopbackAddress()},
                     a -> a.isLoopbackAddress(), Duration.ofSeconds(2))) {
            HttpClient client = HttpClient.newBuilder().proxy(tunnels.proxySelector())
                    .connectTimeout(Duration.ofSeconds(5)).build();
            BlockingQueue<String> frames = new LinkedBlockingQueue<>();
            URI uri = URI.create(streaming.url().replace("127.0.0.1", "stand-in.example")
                    + "/api/v1/streaming?stream=hashtag&tag=ward7");
            WebSocket socket = client.newWebSocketBuilder().header("Authorization", "Bearer token")
                    .header("Proxy-Authorization", tunnels.proxyAuthorization())
                    .buildAsync(uri, new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            frames.add(data.toString());
                            webSocket.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            try {
                assertEquals(List.of("stream=hashtag&tag=ward7 Bearer token"), streaming.handshakes());
                // the client has its handshake's answer before the server has opened its side (CI sent to nobody)
                Conditions.await("the stand-in to open its side", Duration.ofSeconds(5), () -> streaming.clients() == 1);
                streaming.send("ward7", "delete", "113");
                String frame = frames.poll(10, TimeUnit.SECONDS);
                assertTrue(frame != null && frame.contains("\"delete\""), frame);
            } finally {
                socket.abort();
                client.shutdownNow();
            }
        }
    }

    private static KeyStore selfSigned(Path dir, String name) throws Exception {
        Path file = dir.resolve("stand-in.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "stand-in", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + name, "-ext", "SAN=dns:" + name, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keys.load(in, PASSWORD);
        }
        return keys;
    }

    private static SSLContext serving(KeyStore keys) throws Exception {
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }

    private static SSLContext trusting(KeyStore keys) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
