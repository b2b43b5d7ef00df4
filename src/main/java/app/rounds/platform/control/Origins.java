package app.rounds.platform.control;

import java.net.URI;
import java.util.Locale;

/**
 * Whether a browser's {@code Origin} header names a site: the same scheme, host and port, as browsers compare origins
 * (a page at {@code http://host} is another origin than {@code https://host}, which anyone on the network can serve).
 */
public final class Origins {

    private Origins() {
    }

    /**
     * The site a request was sent to: {@code scheme} as the client used it ("https" also behind a TLS proxy we trust),
     * {@code host} as in the Host header ("rounds.example.org", "localhost:8080").
     */
    public static boolean sameOrigin(String origin, String scheme, String host) {
        if (origin == null || scheme == null || host == null || "null".equals(origin)) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null || uri.getScheme() == null
                    || !webScheme(uri.getScheme()).equals(webScheme(scheme))) {
                return false;
            }
            String originHost = uri.getHost().toLowerCase(Locale.ROOT);
            String expected = host.toLowerCase(Locale.ROOT);
            int port = uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort();
            return expected.equals(originHost + ":" + port)
                    || port == defaultPort(scheme) && expected.equals(originHost);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** A site configured by its URL ("https://rounds.example.org/"). */
    public static boolean sameOrigin(String origin, String siteUrl) {
        try {
            URI site = URI.create(siteUrl.strip());
            return sameOrigin(origin, site.getScheme(), site.getRawAuthority());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** WebSocket URLs name the origin of their http(s) twin. */
    private static String webScheme(String scheme) {
        String lower = scheme.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "ws" -> "http";
            case "wss" -> "https";
            default -> lower;
        };
    }

    private static int defaultPort(String scheme) {
        return webScheme(scheme).equals("https") ? 443 : 80;
    }
}
