package app.rounds.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The address the public reaches Rounds at, for links that leave the site (join links, QR codes, feeds, embeds,
 * Open Graph tags): {@code rounds.public-url} when set (behind a proxy). Without it, the scheme and host the request
 * came to, but only when that host is this machine's own (a loopback name or address, its host name, an address of
 * one of its interfaces): anyone may send any Host header, and a feed or oEmbed answer built on
 * {@code Host: evil.example} would be kept by caches and served to others with links to that site.
 */
@ApplicationScoped
public class PublicAddress {

    private static final Logger LOG = Logger.getLogger(PublicAddress.class.getName());
    private static final Pattern IP_LITERAL = Pattern.compile("\\[[0-9a-fA-F:.]+]|[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    @Inject
    @ConfigProperty(name = "rounds.public-url")
    Optional<String> publicUrl;

    private volatile Set<String> ownNames;

    protected PublicAddress() {
    }

    /** An address with the configured URL given, outside a container. */
    public PublicAddress(Optional<String> publicUrl) {
        this.publicUrl = publicUrl;
    }

    void warnWhenUnset(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (configured().isEmpty()) {
            LOG.warning("ROUNDS_PUBLIC_URL is not set: join links, QR codes, feeds and embeds are made only for "
                    + "requests to this machine's own names " + ownNames() + "; other hosts are refused (400). "
                    + "Set it to the address the public uses, such as https://rounds.example-hospital.org.");
        }
    }

    /** The base without a trailing slash, e.g. {@code https://rounds.example.org}; 400 for a host not our own. */
    public String base(URI requestUri) {
        String base = configured().orElseGet(() -> {
            if (!ownHost(requestUri.getHost())) {
                throw new ProblemException(ProblemException.Kind.INVALID, "host-not-accepted", "Host not accepted",
                        "Links are made only for this server's own names, not for the host this request named. "
                                + "The operator sets ROUNDS_PUBLIC_URL to the address the public uses.",
                        List.of(), null);
            }
            return requestUri.getScheme() + "://" + requestUri.getRawAuthority();
        });
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private Optional<String> configured() {
        return publicUrl.filter(u -> !u.isBlank()).map(String::strip);
    }

    /** Never resolves {@code host}: a name is ours by being one of our names, an address by being one of ours. */
    boolean ownHost(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        if (IP_LITERAL.matcher(name).matches()) {
            try {
                InetAddress address = InetAddress.getByName(name); // a literal: parsed, not looked up
                if (address.isLoopbackAddress()) {
                    return true;
                }
                name = address.getHostAddress();
            } catch (UnknownHostException malformed) {
                return false;
            }
        }
        return ownNames().contains(name);
    }

    /** This machine's host names and interface addresses, in lower case. */
    Set<String> ownNames() {
        if (ownNames == null) {
            Set<String> names = new HashSet<>();
            try {
                InetAddress local = InetAddress.getLocalHost();
                names.add(local.getHostName().toLowerCase(Locale.ROOT));
                names.add(local.getCanonicalHostName().toLowerCase(Locale.ROOT));
            } catch (UnknownHostException unnamed) {
                // no name of its own: its addresses remain
            }
            try {
                for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                    nic.inetAddresses().forEach(a -> names.add(a.getHostAddress().replaceFirst("%.*$", "")
                            .toLowerCase(Locale.ROOT)));
                }
            } catch (SocketException unreadable) {
                // the names remain
            }
            ownNames = Set.copyOf(names);
        }
        return ownNames;
    }
}
