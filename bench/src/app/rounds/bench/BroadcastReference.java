package app.rounds.bench;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.glassfish.tyrus.server.Server;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The reference for the fan-out benchmark: a bare Tyrus (the WebSocket stack Payara runs) broadcast server on
 * Grizzly. A publisher's message is sent, as it is, to every subscriber with the asynchronous remote: what Rounds does
 * after its REST call, screening, MariaDB transaction and pull, without any of them.
 *
 * <pre>java -cp ... app.rounds.bench.BroadcastReference 8099</pre>
 */
public final class BroadcastReference {

    private static final Set<Session> SUBSCRIBERS = ConcurrentHashMap.newKeySet();

    private BroadcastReference() {
    }

    @ServerEndpoint("/board")
    public static class Board {
        @OnOpen
        public void open(Session session) {
            SUBSCRIBERS.add(session);
        }

        @OnMessage
        public void acknowledgement(String ignored) {
            // subscribers acknowledge as they do with Rounds; the bare server does not care
        }

        @OnClose
        public void close(Session session) {
            SUBSCRIBERS.remove(session);
        }

        @OnError
        public void error(Session session, Throwable failure) {
            SUBSCRIBERS.remove(session);
        }
    }

    @ServerEndpoint("/publish")
    public static class Publish {
        @OnMessage
        public void publish(String frame) {
            for (Session subscriber : SUBSCRIBERS) {
                subscriber.getAsyncRemote().sendText(frame);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server("127.0.0.1", Integer.parseInt(args[0]), "/ref", Map.of(), Board.class, Publish.class);
        server.start();
        System.out.println("reference ready");
        new CountDownLatch(1).await();
    }
}
