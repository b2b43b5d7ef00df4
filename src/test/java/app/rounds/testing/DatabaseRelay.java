package app.rounds.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of a database on the integration tests' MariaDB server, so that a test can take the database
 * away from a Rounds of its own and give it back: {@link #stop()} resets every open connection and refuses new ones,
 * as a stopped or crashed database server does; {@link #start()} accepts them again on the same port. The server
 * itself stays up for the other tests, and the relay works the same against the build's MariaDB and CI's.
 */
public final class DatabaseRelay implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final String databaseUrl;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listening;

    /** A relay to the database at {@code databaseUrl} (jdbc:mariadb://host:port/name), accepting at once. */
    public DatabaseRelay(String databaseUrl) {
        URI target = URI.create(databaseUrl.substring("jdbc:".length()));
        targetHost = target.getHost();
        targetPort = target.getPort() < 0 ? 3306 : target.getPort();
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.databaseUrl = "jdbc:mariadb://127.0.0.1:" + port + target.getRawPath();
        start();
    }

    /** The same database, reached through this relay. */
    public String url() {
        return databaseUrl;
    }

    /** Accepts connections again (on the same port) and relays them to the database. */
    public synchronized void start() {
        if (listening != null) {
            return;
        }
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listening = server;
            Thread.ofVirtual().name("db-relay-accept").start(() -> accept(server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The database goes away: open connections are reset, new ones refused, until {@link #start()}. */
    public synchronized void stop() {
        if (listening == null) {
            return;
        }
        closeQuietly(listening);
        listening = null;
        for (Socket socket : open) {
            try {
                socket.setSoLinger(true, 0); // a reset, as from a server that died
            } catch (IOException ignored) {
                // already closed
            }
            closeQuietly(socket);
        }
        open.clear();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket database = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(database);
                if (server.isClosed()) { // stopped while this one was being accepted
                    closeQuietly(client);
                    closeQuietly(database);
                    return;
                }
                Thread.ofVirtual().start(() -> pipe(client, database));
                Thread.ofVirtual().start(() -> pipe(database, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ended) {
            // one side closed or was reset
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is all that was wanted
        }
    }

    @Override
    public void close() {
        stop();
    }
}
