package app.rounds.ingest.control;

import app.rounds.platform.control.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
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

/**
 * The one HTTP client that calls sources: a timeout on connecting and on every request, no redirects (a source URL
 * cannot be bounced to an internal address), and a User-Agent that names Rounds. Source URLs must be https and public
 * unless {@code rounds.ingest.allow-local-sources} is set (tests and local stand-ins).
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

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(requestTimeoutSeconds))
                .header("User-Agent", USER_AGENT);
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The answer as bytes (feeds: their XML declares its own encoding). */
    public HttpResponse<byte[]> sendForBytes(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A WebSocket to a source (Mastodon's streaming API), with the same connect timeout and User-Agent. */
    public CompletableFuture<WebSocket> webSocket(URI uri, String bearerToken, WebSocket.Listener listener) {
        return client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + bearerToken).header("User-Agent", USER_AGENT)
                .buildAsync(uri, listener);
    }

    /** The base URL of a new source, normalised (no trailing slash); 400 when it is not one Rounds may call. */
    public String checkedBaseUrl(String typed) {
        URI uri;
        try {
            uri = URI.create(typed.strip()).normalize();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("baseUrl", "must be an absolute URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw ProblemException.invalidField("baseUrl", "must be an absolute https URL");
        }
        if (!allowLocal) {
            if (!scheme.equals("https")) {
                throw ProblemException.invalidField("baseUrl", "must use https");
            }
            try {
                for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                    if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                            || address.isAnyLocalAddress() || address.isMulticastAddress()) {
                        throw ProblemException.invalidField("baseUrl", "must be a public address");
                    }
                }
            } catch (UnknownHostException e) {
                throw ProblemException.invalidField("baseUrl", "names a host that does not resolve");
            }
        }
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
