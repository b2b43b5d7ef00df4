package app.rounds.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * The address the public reaches Rounds at, for links that leave the site (join links, QR codes, feeds, embeds,
 * Open Graph tags): {@code rounds.public-url} when set (behind a proxy), else the scheme and host the request came to.
 */
@ApplicationScoped
public class PublicAddress {

    @Inject
    @ConfigProperty(name = "rounds.public-url")
    Optional<String> publicUrl;

    protected PublicAddress() {
    }

    /** An address with the configured URL given, outside a container. */
    public PublicAddress(Optional<String> publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** The base without a trailing slash, e.g. {@code https://rounds.example.org}. */
    public String base(URI requestUri) {
        String base = publicUrl.filter(u -> !u.isBlank())
                .orElseGet(() -> requestUri.getScheme() + "://" + requestUri.getRawAuthority());
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
