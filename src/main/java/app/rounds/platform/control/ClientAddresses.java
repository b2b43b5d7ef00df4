package app.rounds.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a request came from, for rate limits. Behind a reverse proxy every request comes from the proxy, so
 * for requests from an address in {@code rounds.trusted-proxies} the client is the last address in
 * {@code X-Forwarded-For} that is not itself a trusted proxy. Without trusted proxies the header is ignored: a client
 * could otherwise pick its own address.
 */
@ApplicationScoped
public class ClientAddresses {

    private final Set<String> trustedProxies;

    @Inject
    public ClientAddresses(@ConfigProperty(name = "rounds.trusted-proxies") Optional<String> trustedProxies) {
        this.trustedProxies = Arrays.stream(trustedProxies.orElse("").split(","))
                .map(String::strip).filter(a -> !a.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    protected ClientAddresses() {
        this(Optional.empty());
    }

    public String of(HttpServletRequest request) {
        // a proxy may add its own header line instead of appending to the client's: read them all, in order
        return of(request.getRemoteAddr(), String.join(",", Collections.list(request.getHeaders("X-Forwarded-For"))));
    }

    /** Whether the client reached us over TLS: here, or at a trusted proxy that says so in X-Forwarded-Proto. */
    public boolean secure(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        String proto = String.join(",", Collections.list(request.getHeaders("X-Forwarded-Proto")));
        return trustedProxies.contains(request.getRemoteAddr()) && lastHop(proto).equalsIgnoreCase("https");
    }

    private static String lastHop(String header) {
        String[] hops = header.split(",");
        return hops.length == 0 ? "" : hops[hops.length - 1].strip();
    }

    String of(String remoteAddress, String forwardedFor) {
        if (!trustedProxies.contains(remoteAddress) || forwardedFor == null || forwardedFor.isBlank()) {
            return remoteAddress;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return remoteAddress;
    }
}
