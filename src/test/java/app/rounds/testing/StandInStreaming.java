package app.rounds.testing;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.tyrus.server.Server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Mastodon's streaming API on loopback (Tyrus): {@code /api/v1/streaming?stream=hashtag&tag=...}, authenticated by a
 * bearer token, sending frames {@code {"stream": ["hashtag", tag], "event": ..., "payload": ...}}. One at a time in a
 * test JVM: the endpoint's state is static.
 */
public final class StandInStreaming implements AutoCloseable {

    private static final Set<Session> SESSIONS = ConcurrentHashMap.newKeySet();
    private static final List<String> HANDSHAKES = new CopyOnWriteArrayList<>();

    /** Records the query and the Authorization header of each handshake. */
    public static final class Recorder extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            HANDSHAKES.add(request.getQueryString() + " " + request.getHeaders().getOrDefault("Authorization",
                    List.of("none")).getFirst());
        }
    }

    @ServerEndpoint(value = "/api/v1/streaming", configurator = Recorder.class)
    public static final class Endpoint {
        @OnOpen
        public void open(Session session) {
            SESSIONS.add(session);
        }

        @OnClose
        public void close(Session session) {
            SESSIONS.remove(session);
        }
    }

    private final Server server;
    private final int port;

    public StandInStreaming() {
        SESSIONS.clear();
        HANDSHAKES.clear();
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new Server("127.0.0.1", port, "/", Map.of(), Endpoint.class);
        try {
            server.start();
        } catch (jakarta.websocket.DeploymentException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "ws://127.0.0.1:" + port;
    }

    public int clients() {
        return SESSIONS.size();
    }

    public List<String> handshakes() {
        return List.copyOf(HANDSHAKES);
    }

    /** Sends an event to every client: {@code payload} is a JSON text, sent as a string inside the frame. */
    public void send(String tag, String event, String payload) {
        String frame = jakarta.json.Json.createObjectBuilder()
                .add("stream", jakarta.json.Json.createArrayBuilder().add("hashtag").add(tag))
                .add("event", event).add("payload", payload).build().toString();
        for (Session session : SESSIONS) {
            try {
                session.getBasicRemote().sendText(frame);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Drops every connection, as a restarting streaming server would. */
    public void dropAll() {
        for (Session session : SESSIONS) {
            try {
                session.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
