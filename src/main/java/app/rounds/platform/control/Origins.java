package app.rounds.platform.control;

import java.net.URI;
import java.util.Locale;

/** Whether a browser's {@code Origin} header names the site a request was sent to. */
public final class Origins {

    private Origins() {
    }

    /** {@code host} as in the Host header ("rounds.example.org", "localhost:8080"). */
    public static boolean sameOrigin(String origin, String host) {
        if (origin == null || host == null || "null".equals(origin)) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false;
            }
            String originHost = uri.getHost().toLowerCase(Locale.ROOT);
            String expected = host.toLowerCase(Locale.ROOT);
            return uri.getPort() == -1
                    ? expected.equals(originHost) || expected.equals(originHost + ":" + defaultPort(uri.getScheme()))
                    : expected.equals(originHost + ":" + uri.getPort());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** The Host-header form of a URL's authority ("https://rounds.example.org/" → "rounds.example.org"). */
    public static String hostOf(String url) {
        try {
            return URI.create(url.strip()).getRawAuthority();
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
