package app.rounds.security.boundary;

import app.rounds.platform.control.ClientAddresses;
import app.rounds.platform.control.Origins;
import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.SecretTokens;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Protects changes made with the browser session against cross-site request forgery: every non-safe request to a
 * protected endpoint that the session cookie authenticates must carry the session's token in {@code X-CSRF-Token}.
 * Independently, a non-safe browser request whose {@code Origin} is another site is refused, whatever it
 * authenticates with and wherever it goes (login and joining included). The origin may be the scheme and host the
 * request was sent to or those of {@code rounds.public-url} (a proxy may rewrite Host).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class CsrfCheck implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    HttpServletRequest request;

    @Context
    ResourceInfo resource;

    private final Optional<String> publicUrl = ConfigProvider.getConfig()
            .getOptionalValue("rounds.public-url", String.class).filter(url -> !url.isBlank());
    private final ClientAddresses clientAddresses = new ClientAddresses(ConfigProvider.getConfig()
            .getOptionalValue("rounds.trusted-proxies", String.class));

    @Override
    public void filter(ContainerRequestContext context) {
        if (SAFE_METHODS.contains(context.getMethod())) {
            return;
        }
        String origin = context.getHeaderString("Origin");
        if (origin != null && !Origins.sameOrigin(origin, clientAddresses.secure(request) ? "https" : "http",
                context.getHeaderString("Host")) && !publicUrl.filter(url -> Origins.sameOrigin(origin, url)).isPresent()) {
            throw ProblemException.forbidden("Requests from another site are not accepted.");
        }
        boolean openToAll = RoleCheck.Access.of(resource.getResourceMethod(), resource.getResourceClass()).everyone();
        if (!openToAll && StaffAuthenticationMechanism.VIA_SESSION.equals(
                request.getAttribute(StaffAuthenticationMechanism.AUTHENTICATED_BY))) {
            String expected = SessionCookie.csrfToken(request).orElse(null);
            if (!SecretTokens.sameSecret(expected, context.getHeaderString(SessionCookie.CSRF_HEADER))) {
                throw new ProblemException(ProblemException.Kind.FORBIDDEN, "csrf-token-invalid",
                        "Missing or wrong CSRF token",
                        "Send the token from GET /api/auth/me in the X-CSRF-Token header.", List.of(), null);
            }
        }
    }
}
