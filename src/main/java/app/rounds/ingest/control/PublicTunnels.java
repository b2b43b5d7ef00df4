package app.rounds.ingest.control;

import app.rounds.platform.control.SecretTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The only way out to sources: an HTTP CONNECT proxy on loopback that the source HTTP client is given. It resolves
 * each host itself, refuses (403) unless every address is public, and opens the TCP connection to an address it
 * checked; TLS still runs end to end between the client and the source, which verifies the host name. The client
 * never resolves a source's host, so a DNS answer that changes between a check and the connection (rebinding)
 * cannot steer it: there is only one answer, the one checked.
 * <p>
 * Why a proxy: {@code java.net.http.HttpClient} takes no resolver or socket factory, only a {@code ProxySelector};
 * a JVM-wide {@code InetAddressResolverProvider} would be loaded before the WAR and would judge the database's and
 * everyone else's lookups too. The port is open to every process on the machine, so a tunnel is opened only for a
 * CONNECT that carries this instance's random key ({@link #proxyAuthorization()}); HttpClient sends Proxy-* headers
 * to the proxy only, never to the source.
 */
final class PublicTunnels implements AutoCloseable {

    /** How a host name becomes addresses: {@code InetAddress::getAllByName}, or a stand-in in tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] addressesOf(String host) throws UnknownHostException;
    }

    /** HttpClient says only this when a tunnel is refused; the status is how the refusal is told apart. */
    static final String REFUSED_TUNNEL = "Tunnel failed, got: 403";

    /** ... and this when no checked address of the host answered. */
    static final String UNREACHABLE_TUNNEL = "Tunnel failed, got: 502";

    private static final Logger LOG = Logger.getLogger(PublicTunnels.class.getName());
    private static final int MAX_REQUEST_HEAD = 8192;
    private static final Duration HEAD_TIMEOUT = Duration.ofSeconds(10);

    private final Resolver resolver;
    private final Predicate<InetAddress> mayConnect;
    private final Duration connectTimeout;
    private final ServerSocket server;
    private final String key = SecretTokens.newToken();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    /** Tunnels to the public internet only. */
    PublicTunnels(Resolver resolver, Duration connectTimeout) throws IOException {
        this(resolver, PublicInternet::contains, connectTimeout);
    }

    /** {@code mayConnect} other than {@link PublicInternet#contains} only in tests, to reach a local stand-in. */
    PublicTunnels(Resolver resolver, Predicate<InetAddress> mayConnect, Duration connectTimeout) throws IOException {
        this.resolver = resolver;
        this.mayConnect = mayConnect;
        this.connectTimeout = connectTimeout;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptTunnels);
    }

    /** For {@code HttpClient.Builder.proxy}: every request through these tunnels. */
    ProxySelector proxySelector() {
        return ProxySelector.of(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()));
    }

    /** The Proxy-Authorization header value every request through these tunnels carries. */
    String proxyAuthorization() {
        return "Bearer " + key;
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }

    private void acceptTunnels() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> tunnel(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.log(Level.WARNING, "The tunnel to sources could not accept a connection", e);
                }
            }
        }
    }

    private void tunnel(Socket client) {
        try (client) {
            client.setSoTimeout((int) HEAD_TIMEOUT.toMillis());
            String[] lines = requestHead(client.getInputStream()).split("\r\n");
            String[] request = lines[0].split(" ");
            if (request.length != 3 || !request[0].equals("CONNECT")) {
                answer(client, "405 Method Not Allowed");
                return;
            }
            if (!carriesKey(lines)) {
                answer(client, "407 Proxy Authentication Required");
                return;
            }
            int colon = request[1].lastIndexOf(':');
            String host = PublicInternet.unbracketed(colon < 0 ? "" : request[1].substring(0, colon));
            int port = colon < 0 ? -1 : port(request[1].substring(colon + 1));
            if (host.isEmpty() || port < 0) {
                answer(client, "400 Bad Request");
                return;
            }
            List<InetAddress> addresses;
            try {
                addresses = checked(host);
            } catch (NotPublicAddress e) {
                LOG.warning(() -> "Refused a connection to a source: " + e.getMessage());
                answer(client, "403 Forbidden");
                return;
            } catch (UnknownHostException e) {
                answer(client, "502 Bad Gateway");
                return;
            }
            try (Socket source = connected(addresses, port)) {
                if (source == null) {
                    answer(client, "502 Bad Gateway");
                    return;
                }
                answer(client, "200 Connection Established");
                client.setSoTimeout(0);
                Future<?> outgoing = threads.submit(() -> pipe(client, source));
                pipe(source, client);
                outgoing.get();
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "A tunnel to a source ended with an error", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.log(Level.FINE, "A tunnel to a source ended with an error", e.getCause());
        }
    }

    private boolean carriesKey(String[] headerLines) {
        for (String line : headerLines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Proxy-Authorization")) {
                return SecretTokens.sameSecret(line.substring(colon + 1).strip(), proxyAuthorization());
            }
        }
        return false;
    }

    private List<InetAddress> checked(String host) throws UnknownHostException, NotPublicAddress {
        return PublicInternet.checked(host, resolver.addressesOf(host), mayConnect);
    }

    /** A connection to the first of the checked addresses that answers, or null. */
    private Socket connected(List<InetAddress> addresses, int port) {
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), (int) connectTimeout.toMillis());
                return socket;
            } catch (IOException e) {
                closeQuietly(socket);
            }
        }
        return null;
    }

    /** Bytes from one side to the other until the sender is done; any failure ends both directions. */
    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** The request line and headers, read byte by byte: what follows them belongs to the tunnel. */
    private static String requestHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int ends = 0;
        while (ends < 4 && head.size() < MAX_REQUEST_HEAD) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            ends = b == '\r' ? (ends == 2 ? 3 : 1) : b == '\n' && ends % 2 == 1 ? ends + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            return port > 0 && port < 65536 ? port : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void answer(Socket client, String status) throws IOException {
        client.getOutputStream().write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        client.getOutputStream().flush();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
