package app.rounds.security.boundary;

import app.rounds.platform.boundary.ServletProblems;
import app.rounds.platform.control.ClientAddresses;
import app.rounds.platform.control.DatabaseOutages;
import app.rounds.platform.control.ProblemException;
import app.rounds.security.control.ApiTokens;
import app.rounds.security.control.BrowserSessions;
import app.rounds.security.control.LoginThrottle;
import app.rounds.security.control.StaffDirectory;
import app.rounds.security.control.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Establishes who is calling, for every request: a bearer token or Basic credentials in {@code Authorization}, else
 * the browser session's cookie. It never answers by itself: a request without valid credentials goes on anonymous, and
 * {@link RoleCheck} refuses it with a problem response where the endpoint needs a role. The request attribute
 * {@link #AUTHENTICATED_BY} tells later checks (CSRF) which way the caller came in. When looking the caller up fails
 * (the database unreachable: 503 with Retry-After), it answers with the problem itself.
 */
@ApplicationScoped
public class StaffAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String AUTHENTICATED_BY = "rounds.auth.via";
    /** Set when credentials were refused; a String value says why in words. */
    public static final String CREDENTIALS_REJECTED = "rounds.auth.rejected";
    static final String BASIC_NEEDS_TLS = "Basic credentials are accepted over HTTPS only (or from this machine): use "
            + "HTTPS or a bearer token from POST /api/auth/tokens.";
    public static final String VIA_SESSION = "session";
    public static final String VIA_BEARER = "bearer";
    public static final String VIA_BASIC = "basic";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    ApiTokens tokens;

    @Inject
    BrowserSessions browserSessions;

    @Inject
    StaffDirectory directory;

    @Inject
    LoginThrottle throttle;

    @Inject
    ClientAddresses clientAddresses;

    @Inject
    DeviceCookies deviceCookies;

    @Inject
    @ConfigProperty(name = "rounds.auth.basic-over-http")
    boolean basicOverHttp;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        try {
            if (DatabaseOutages.away() && needsDatabase(request)) {
                // the first thing every request meets: while the database is known to be away (DatabaseOutageWatch
                // asks it every second), the API and the board answer 503 at once, rather than each request waiting
                // for connections that cannot be made (3 s each, and one request may try several: DatabaseOutageIT)
                ServletProblems.write(response, DatabaseOutages.refusal(), request.getRequestURI());
                return AuthenticationStatus.SEND_CONTINUE;
            }
            return authenticate(request, context);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        } catch (RuntimeException failure) {
            // answered here: the container turns an exception from a mechanism into an empty 500, past the error page
            try {
                ServletProblems.write(response, failure, request.getRequestURI());
            } catch (IOException unwritable) {
                failure.addSuppressed(unwritable);
                throw failure;
            }
            return AuthenticationStatus.SEND_CONTINUE; // the answer is written
        }
    }

    /**
     * The API and the board's WebSockets; pages, scripts, public highlights and what they load from /api/public
     * (pictures, oEmbed, the organisation's branding: kept in memory or on disk) are served, failing one by one if
     * they do need the database.
     */
    static boolean needsDatabase(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return (path.startsWith("/api/") && !path.startsWith("/api/public/")) || path.startsWith("/ws/");
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            Optional<StaffMember> member = fromAuthorization(request, authorization.strip());
            if (member.isEmpty()) {
                if (request.getAttribute(CREDENTIALS_REJECTED) == null) {
                    request.setAttribute(CREDENTIALS_REJECTED, Boolean.TRUE);
                }
                return context.doNothing();
            }
            return login(request, context, member.get(),
                    startsWithIgnoreCase(authorization.strip(), "Bearer ") ? VIA_BEARER : VIA_BASIC);
        }
        Optional<BrowserSessions.Current> session = SessionCookie.token(request).flatMap(browserSessions::find);
        if (session.isPresent()) {
            if (session.get().touchDue()) {
                browserSessions.touch(session.get());
            }
            SessionCookie.remember(request, session.get());
            return login(request, context, session.get().member(), VIA_SESSION);
        }
        return context.doNothing();
    }

    private Optional<StaffMember> fromAuthorization(HttpServletRequest request, String authorization) {
        if (startsWithIgnoreCase(authorization, "Bearer ")) {
            return tokens.authenticate(authorization.substring("Bearer ".length()));
        }
        if (startsWithIgnoreCase(authorization, "Basic ")) {
            if (!basicAllowed(clientAddresses.secure(request), clientAddresses.of(request), basicOverHttp)) {
                // a password in clear on the network, and a full hash per request: refused before either
                request.setAttribute(CREDENTIALS_REJECTED, BASIC_NEEDS_TLS);
                return Optional.empty();
            }
            Optional<UsernamePasswordCredential> credential =
                    basicCredentials(authorization.substring("Basic ".length()));
            if (credential.isEmpty()) {
                return Optional.empty();
            }
            try {
                return throttle.check(clientAddresses.of(request), credential.get().getCaller(),
                        deviceCookies.presented(request, credential.get().getCaller()), () -> validate(credential.get()));
            } catch (ProblemException tooManyFailures) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Basic credentials over TLS, from this machine, or over plain HTTP where the operator allows it. */
    static boolean basicAllowed(boolean secure, String clientAddress, boolean overHttpAllowed) {
        if (secure || overHttpAllowed) {
            return true;
        }
        // only an address literal is parsed (a forwarded "address" could be any text, and a name would be looked up)
        boolean literal = clientAddress != null && (clientAddress.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                || clientAddress.contains(":") && clientAddress.matches("[0-9a-fA-F:.]+"));
        try {
            return literal && InetAddress.getByName(clientAddress).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }

    private Optional<StaffMember> validate(UsernamePasswordCredential credential) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return Optional.empty();
        }
        return directory.findEnabled(result.getCallerPrincipal().getName());
    }

    private static Optional<UsernamePasswordCredential> basicCredentials(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon),
                    decoded.substring(colon + 1)));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context,
                                              StaffMember member, String via) {
        request.setAttribute(AUTHENTICATED_BY, via);
        return context.notifyContainerAboutLogin(member.username(), member.roles());
    }

    private static boolean startsWithIgnoreCase(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
