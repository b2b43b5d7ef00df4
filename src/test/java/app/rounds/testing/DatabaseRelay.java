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
 * as a stopped or crashed database server does; {@link #hang()} resets them too but then accepts new ones and never
 * answers, as a host gone from the network does (a stopped container: its connections are closed, new ones get no
 * answer); {@link #start()} relays again on the same port. The server itself stays up for the other tests, and the relay works the same against the build's
 * MariaDB and CI's.
 */
public final class DatabaseRelay implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final String databaseUrl;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listening;
    private volatile boolean hanging;

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

    /** Resets open connections, then leaves new ones without an answer (not even the server's greeting). */
    public synchronized void hang() {
        hanging = true; // the port stays open: a closed one refuses, and rebinding it at once may fail
        resetOpenConnections();
    }

    /** Relays connections to the database again (on the same port). */
    public synchronized void start() {
        if (hanging) {
            hanging = false;
            resetOpenConnections();
        }
        listen();
    }

    private void listen() {
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
        resetOpenConnections();
    }

    private void resetOpenConnections() {
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
                if (hanging) {
                    open.add(client);
                    Thread.ofVirtual().start(() -> pipe(client, null));
                    continue;
                }
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

    /** Copies {@code from} to {@code to} (none: swallows it) until either closes. */
    private void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to == null ? null : to.getOutputStream()) {
            byte[] buffer = new byte[8192];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (out != null) {
                    out.write(buffer, 0, read);
                }
            }
        } catch (IOException ended) {
            // one side closed or was reset
        } finally {
            closeQuietly(from);
            open.remove(from);
            if (to != null) {
                closeQuietly(to);
                open.remove(to);
            }
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
