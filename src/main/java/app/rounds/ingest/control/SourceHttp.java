package app.rounds.ingest.control;

import app.rounds.platform.control.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The one HTTP client that calls sources: a timeout on connecting and on every request, no redirects (a source URL
 * cannot be bounced to an internal address), and a User-Agent that names Rounds. Source URLs must be https and public
 * unless {@code rounds.ingest.allow-local-sources} is set (tests and local stand-ins): checked when a source is added,
 * again before every request (so the refusal reaches the source's last error in words), and where it counts, when
 * the connection is made: the client reaches sources only through {@link PublicTunnels}, which connects to the
 * address it checked.
 */
@ApplicationScoped
public class SourceHttp {

    public static final String USER_AGENT = "Rounds/1.0 (hashtag ingestion for training sessions)";

    @Inject
    @ConfigProperty(name = "rounds.ingest.allow-local-sources")
    boolean allowLocal;

    @Inject
    @ConfigProperty(name = "rounds.ingest.request-timeout-seconds")
    int requestTimeoutSeconds;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** How host names become addresses; a stand-in in tests, since DNS is not ours. */
    PublicTunnels.Resolver resolver = InetAddress::getAllByName;

    /** Which addresses may be called; other than {@link PublicInternet} only in tests that reach a loopback stand-in. */
    Predicate<InetAddress> isPublic = PublicInternet::contains;

    private PublicTunnels tunnels;
    private HttpClient client;

    @PostConstruct
    void start() {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1);
        if (!allowLocal) {
            try {
                tunnels = new PublicTunnels(resolver, isPublic, CONNECT_TIMEOUT);
            } catch (IOException e) {
                throw new UncheckedIOException("no loopback port for the tunnel to sources", e);
            }
            builder.proxy(tunnels.proxySelector());
        }
        client = builder.build();
    }

    @PreDestroy
    void stop() {
        if (client != null) {
            client.shutdownNow();
        }
        if (tunnels != null) {
            try {
                tunnels.close();
            } catch (IOException e) {
                // closing: nothing left to do
            }
        }
    }

    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(requestTimeoutSeconds))
                .header("User-Agent", USER_AGENT);
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return sent(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The answer as bytes (feeds: their XML declares its own encoding). */
    public HttpResponse<byte[]> sendForBytes(HttpRequest request) throws IOException, InterruptedException {
        return sent(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A WebSocket to a source (Mastodon's streaming API), with the same connect timeout and User-Agent. */
    public CompletableFuture<WebSocket> webSocket(URI uri, String bearerToken, WebSocket.Listener listener) {
        try {
            checkReachable(uri, "wss");
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        WebSocket.Builder socket = client.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT)
                .header("Authorization", "Bearer " + bearerToken).header("User-Agent", USER_AGENT);
        if (tunnels != null) {
            socket.header("Proxy-Authorization", tunnels.proxyAuthorization());
        }
        return socket.buildAsync(uri, listener);
    }

    private <T> HttpResponse<T> sent(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        checkReachable(request.uri(), "https");
        if (tunnels != null) {
            request = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Proxy-Authorization", tunnels.proxyAuthorization()).build();
        }
        try {
            return client.send(request, body);
        } catch (IOException e) {
            if (PublicTunnels.REFUSED_TUNNEL.equals(e.getMessage())) {
                throw new NotPublicAddress(request.uri().getHost() + " resolved to an address that is not public "
                        + "when Rounds connected (its DNS answer changed after the check); Rounds does not call it", null);
            }
            if (PublicTunnels.UNREACHABLE_TUNNEL.equals(e.getMessage())) {
                throw new ConnectException(request.uri().getHost() + " did not answer at any of its addresses");
            }
            throw e;
        }
    }

    /**
     * Before each request: the scheme Rounds calls sources by, and every address the host has now public. The
     * tunnel checks again at the connection; this check is the one that says why in words.
     */
    private void checkReachable(URI uri, String secureScheme) throws IOException {
        if (allowLocal) {
            return;
        }
        if (!secureScheme.equalsIgnoreCase(uri.getScheme())) {
            throw new NotPublicAddress(uri.getScheme() + "://" + uri.getHost()
                    + " is not called: Rounds calls sources over " + secureScheme + " only", null);
        }
        String host = PublicInternet.unbracketed(uri.getHost());
        PublicInternet.checked(host, resolver.addressesOf(host), isPublic);
    }

    /** The base URL of a new source, normalised (no trailing slash); 400 when it is not one Rounds may call. */
    public String checkedBaseUrl(String typed) {
        URI uri;
        try {
            uri = URI.create(typed.strip()).normalize();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("baseUrl", "The address must be a whole link, such as https://mastodon.social.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw ProblemException.invalidField("baseUrl", "The address must be a whole https link, such as https://mastodon.social.");
        }
        if (!allowLocal) {
            if (!scheme.equals("https")) {
                throw ProblemException.invalidField("baseUrl", "The address must start with https://.");
            }
            String host = PublicInternet.unbracketed(uri.getHost());
            try {
                PublicInternet.checked(host, resolver.addressesOf(host), isPublic);
            } catch (NotPublicAddress e) {
                throw ProblemException.invalidField("baseUrl", "The address must be a public address: " + host
                        + " resolves to " + e.address() + ".");
            } catch (UnknownHostException e) {
                throw ProblemException.invalidField("baseUrl", "The address names a host that cannot be found.");
            }
        }
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
