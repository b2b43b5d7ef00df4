package app.rounds.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The organisation running Rounds, as the projector shows it: its name, logo and colour, from configuration
 * ({@code rounds.organisation.*}). Checked at start: a wrong value stops the deployment with a message naming the key,
 * rather than a projector in front of a lecture hall showing a broken picture.
 */
@ApplicationScoped
public class Organisation {

    /** What the pages may show: a name and a logo (either may be absent) and a colour such as {@code #0b5cad}. */
    public record Branding(String name, String logoUrl, String colour) {
    }

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");
    /**
     * A path on this site or an inline picture: the pages' Content-Security-Policy loads images from nowhere else, and
     * a path keeps the projector working without the internet.
     */
    private static final Pattern LOGO = Pattern.compile("/(?!/)[A-Za-z0-9._~!$&'()*+,;=:@%/-]*"
            + "|data:image/(png|jpeg|gif|webp|svg\\+xml)(;base64)?,[A-Za-z0-9+/=%._~!$&'()*,;:@-]+");

    @Inject
    @ConfigProperty(name = "rounds.organisation.name")
    Optional<String> name;

    @Inject
    @ConfigProperty(name = "rounds.organisation.logo-url")
    Optional<String> logoUrl;

    @Inject
    @ConfigProperty(name = "rounds.organisation.colour")
    String colour;

    private volatile Branding branding;

    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        branding();
    }

    public Branding branding() {
        Branding checked = branding;
        if (checked == null) {
            checked = branding(name, logoUrl, colour);
            branding = checked;
        }
        return checked;
    }

    /** The configured values, checked; an IllegalArgumentException names the key at fault and what it takes. */
    static Branding branding(Optional<String> name, Optional<String> logoUrl, String colour) {
        String shownName = name.map(String::strip).filter(n -> !n.isEmpty()).orElse(null);
        if (shownName != null && shownName.length() > 100) {
            throw new IllegalArgumentException("rounds.organisation.name must be at most 100 characters");
        }
        String logo = logoUrl.map(String::strip).filter(l -> !l.isEmpty()).orElse(null);
        if (logo != null && !LOGO.matcher(logo).matches()) {
            throw new IllegalArgumentException("rounds.organisation.logo-url must be a path on this site such as "
                    + "/branding/logo.svg, or a data:image/… URL, not '" + logo + "'");
        }
        String normalised = colour == null ? "" : colour.strip().toLowerCase(Locale.ROOT);
        if (!COLOUR.matcher(normalised).matches()) {
            throw new IllegalArgumentException("rounds.organisation.colour must be a colour written as #rrggbb, such as "
                    + "#0b5cad, not '" + colour + "'");
        }
        return new Branding(shownName, logo, normalised);
    }
}
