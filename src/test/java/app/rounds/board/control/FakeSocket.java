package app.rounds.board.control;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Extension;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * A WebSocket connection as the container hands it to the board, without a container: it records what is sent and
 * closed, and completes asynchronous sends when the test says so (or at once, inside {@code sendText}, as Tyrus may).
 * Only what the board uses is implemented.
 */
public final class FakeSocket implements Session {

    public final List<String> sent = new ArrayList<>();
    public final List<CloseReason> closes = new ArrayList<>();
    public int pings;
    public boolean open = true;
    /** Complete each send inside {@code sendText}, on the caller's stack. */
    public boolean completeInline;
    public boolean sendTextThrows;
    public boolean pingThrows;
    public int deepestSend;
    /** The thread's context class loaders seen by sends and pings (Payara's Tyrus scans them at each). */
    public final List<ClassLoader> contextLoaders = new ArrayList<>();
    public final Map<String, List<String>> requestParameters = new HashMap<>();
    public Principal principal;

    private final Map<String, Object> userProperties = new HashMap<>();
    private final ArrayDeque<SendHandler> pending = new ArrayDeque<>();
    private int depth;

    private final RemoteEndpoint.Async async = new RemoteEndpoint.Async() {
        @Override
        public void sendText(String text, SendHandler handler) {
            if (sendTextThrows) {
                throw new IllegalStateException("the connection broke");
            }
            sent.add(text);
            contextLoaders.add(Thread.currentThread().getContextClassLoader());
            if (completeInline) {
                depth++;
                deepestSend = Math.max(deepestSend, depth);
                try {
                    handler.onResult(new SendResult(FakeSocket.this));
                } finally {
                    depth--;
                }
            } else {
                pending.add(handler);
            }
        }

        @Override
        public void sendPing(ByteBuffer data) throws IOException {
            if (pingThrows) {
                throw new IOException("the connection broke");
            }
            pings++;
            contextLoaders.add(Thread.currentThread().getContextClassLoader());
        }

        @Override
        public long getSendTimeout() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setSendTimeout(long timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Void> sendText(String text) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Void> sendBinary(ByteBuffer data) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendBinary(ByteBuffer data, SendHandler handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Void> sendObject(Object data) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendObject(Object data, SendHandler handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setBatchingAllowed(boolean allowed) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getBatchingAllowed() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void flushBatch() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendPong(ByteBuffer data) {
            throw new UnsupportedOperationException();
        }
    };

    /** Sends handed to the container and not completed yet. */
    public int pendingSends() {
        return pending.size();
    }

    /** The container finishes the oldest pending send. */
    public void completeSend() {
        pending.remove().onResult(new SendResult(this));
    }

    /** The oldest pending send fails. */
    public void failSend() {
        pending.remove().onResult(new SendResult(this, new IOException("connection reset")));
    }

    @Override
    public RemoteEndpoint.Async getAsyncRemote() {
        return async;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close(CloseReason reason) {
        closes.add(reason);
        open = false;
    }

    @Override
    public void close() {
        close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, ""));
    }

    @Override
    public Map<String, Object> getUserProperties() {
        return userProperties;
    }

    @Override
    public Map<String, List<String>> getRequestParameterMap() {
        return requestParameters;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public WebSocketContainer getContainer() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void addMessageHandler(MessageHandler handler) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> void addMessageHandler(Class<T> type, MessageHandler.Whole<T> handler) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> void addMessageHandler(Class<T> type, MessageHandler.Partial<T> handler) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Set<MessageHandler> getMessageHandlers() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeMessageHandler(MessageHandler handler) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getProtocolVersion() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getNegotiatedSubprotocol() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Extension> getNegotiatedExtensions() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isSecure() {
        throw new UnsupportedOperationException();
    }

    @Override
    public long getMaxIdleTimeout() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setMaxIdleTimeout(long milliseconds) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setMaxBinaryMessageBufferSize(int length) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int getMaxBinaryMessageBufferSize() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setMaxTextMessageBufferSize(int length) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int getMaxTextMessageBufferSize() {
        throw new UnsupportedOperationException();
    }

    @Override
    public RemoteEndpoint.Basic getBasicRemote() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getId() {
        return "fake";
    }

    @Override
    public URI getRequestURI() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getQueryString() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, String> getPathParameters() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Set<Session> getOpenSessions() {
        throw new UnsupportedOperationException();
    }
}
