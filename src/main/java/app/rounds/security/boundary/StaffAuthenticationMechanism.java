package app.rounds.security.boundary;

import app.rounds.platform.control.ClientAddresses;
import app.rounds.platform.control.ProblemException;
import app.rounds.security.control.ApiTokens;
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

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Establishes who is calling, for every request: a bearer token or Basic credentials in {@code Authorization}, else
 * the browser session. It never answers by itself: a request without valid credentials goes on anonymous, and
 * {@link RoleCheck} refuses it with a problem response where the endpoint needs a role. The request attribute
 * {@link #AUTHENTICATED_BY} tells later checks (CSRF) which way the caller came in.
 */
@ApplicationScoped
public class StaffAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String AUTHENTICATED_BY = "rounds.auth.via";
    public static final String CREDENTIALS_REJECTED = "rounds.auth.rejected";
    public static final String VIA_SESSION = "session";
    public static final String VIA_BEARER = "bearer";
    public static final String VIA_BASIC = "basic";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    ApiTokens tokens;

    @Inject
    StaffDirectory directory;

    @Inject
    LoginThrottle throttle;

    @Inject
    ClientAddresses clientAddresses;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            Optional<StaffMember> member = fromAuthorization(request, authorization.strip());
            if (member.isEmpty()) {
                request.setAttribute(CREDENTIALS_REJECTED, Boolean.TRUE);
                return context.doNothing();
            }
            return login(request, context, member.get(),
                    startsWithIgnoreCase(authorization.strip(), "Bearer ") ? VIA_BEARER : VIA_BASIC);
        }
        String username = BrowserSessions.username(request);
        if (username != null) {
            Optional<StaffMember> member = directory.findEnabled(username)
                    .filter(m -> m.credentialsUnchangedSince(BrowserSessions.startedAt(request)));
            if (member.isPresent()) {
                return login(request, context, member.get(), VIA_SESSION);
            }
            BrowserSessions.end(request);
        }
        return context.doNothing();
    }

    private Optional<StaffMember> fromAuthorization(HttpServletRequest request, String authorization) {
        if (startsWithIgnoreCase(authorization, "Bearer ")) {
            return tokens.authenticate(authorization.substring("Bearer ".length()));
        }
        if (startsWithIgnoreCase(authorization, "Basic ")) {
            Optional<UsernamePasswordCredential> credential =
                    basicCredentials(authorization.substring("Basic ".length()));
            if (credential.isEmpty()) {
                return Optional.empty();
            }
            try {
                return throttle.check(clientAddresses.of(request), credential.get().getCaller(),
                        () -> validate(credential.get()));
            } catch (ProblemException tooManyFailures) {
                return Optional.empty();
            }
        }
        return Optional.empty();
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
