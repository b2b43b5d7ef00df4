package app.rounds.security.boundary;

import app.rounds.platform.control.ClientAddresses;
import app.rounds.platform.boundary.FieldRules;
import app.rounds.platform.control.FieldMessages;
import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.ProblemException.FieldError;
import app.rounds.security.control.PasswordHasher;
import app.rounds.security.control.ApiTokens;
import app.rounds.security.control.BrowserSessions;
import app.rounds.security.control.CurrentStaff;
import app.rounds.security.control.LoginThrottle;
import app.rounds.security.control.Roles;
import app.rounds.security.control.StaffDirectory;
import app.rounds.security.control.StaffMember;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Logging in and out: browser sessions, bearer tokens for scripts, and changing one's own password. */
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class AuthResource {

    public record Credentials(@NotBlank @Size(max = 64) String username,
                              @NotBlank @Size(max = 128) String password) {
    }

    /** {@code csrfToken} is present for browser sessions: send it back in X-CSRF-Token on every change. */
    public record Me(String username, String displayName, Set<String> roles, String authenticatedBy,
                     String csrfToken) {
    }

    public record BearerToken(String token, String tokenType, Instant expiresAt) {
    }

    @FieldRules.Checked
    public record PasswordChange(@NotNull String currentPassword, @NotNull String newPassword) implements FieldRules {

        @Override
        public List<FieldError> brokenRules() {
            return newPassword == null ? List.of()
                    : PasswordHasher.strengthProblem("newPassword", newPassword).stream().toList();
        }
    }

    @Inject
    StaffDirectory directory;

    @Inject
    ApiTokens tokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    CurrentStaff currentStaff;

    @Inject
    ClientAddresses clientAddresses;

    @Inject
    DeviceCookies deviceCookies;

    @Inject
    BrowserSessions browserSessions;

    @Inject
    SessionCookie sessionCookie;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @POST
    @Path("login")
    @PermitAll
    @Operation(summary = "Log in a browser: starts a session (HttpOnly, SameSite=Strict cookie) and returns its CSRF token; "
            + "also sets the user's device cookie, which keeps this browser's later logins clear of others' failures")
    public Me login(@Valid @NotNull Credentials credentials) {
        StaffMember member = authenticate(credentials);
        Me me = startBrowserSession(member);
        deviceCookies.give(request, response, member); // after the session cookie, which clients look for first
        return me;
    }

    @POST
    @Path("logout")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(summary = "End the browser session")
    public Response logout() {
        SessionCookie.token(request).ifPresent(browserSessions::end);
        sessionCookie.clear(request, response);
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(summary = "Who is logged in, with which roles, and the session's CSRF token")
    public Me me() {
        StaffMember member = currentStaff.member();
        String via = (String) request.getAttribute(StaffAuthenticationMechanism.AUTHENTICATED_BY);
        String csrf = StaffAuthenticationMechanism.VIA_SESSION.equals(via)
                ? SessionCookie.csrfToken(request).orElse(null) : null;
        return new Me(member.username(), member.displayName(), member.roles(), via, csrf);
    }

    @POST
    @Path("tokens")
    @PermitAll
    @Operation(summary = "Issue a bearer token for scripts and integrations (shown once; send as Authorization: Bearer); "
            + "also sets the user's device cookie for the client's later token requests")
    public Response issueToken(@Valid @NotNull Credentials credentials) {
        StaffMember member = authenticate(credentials);
        ApiTokens.IssuedToken issued = tokens.issue(member);
        deviceCookies.give(request, response, member);
        return Response.status(Response.Status.CREATED)
                .entity(new BearerToken(issued.token(), "Bearer", issued.expiresAt())).build();
    }

    @DELETE
    @Path("tokens/current")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(summary = "Revoke the bearer token this request was sent with")
    public Response revokeCurrentToken() {
        String authorization = request.getHeader("Authorization");
        if (!StaffAuthenticationMechanism.VIA_BEARER.equals(
                request.getAttribute(StaffAuthenticationMechanism.AUTHENTICATED_BY)) || authorization == null) {
            throw ProblemException.conflict("not-a-bearer-request", "This request was not sent with a bearer token.");
        }
        tokens.revoke(authorization.strip().substring("Bearer ".length()));
        return Response.noContent().build();
    }

    @PUT
    @Path("password")
    @RolesAllowed(Roles.ANY_STAFF)
    @Operation(summary = "Change one's own password; other sessions and bearer tokens of the user stop working, "
            + "a browser session goes on with a new CSRF token")
    public Me changePassword(@Valid @NotNull PasswordChange change) {
        String username = currentStaff.member().username();
        StaffMember member = throttle.check(clientAddresses.of(request), username,
                        deviceCookies.presented(request, username),
                        () -> directory.changeOwnPassword(username, change.currentPassword(), change.newPassword()))
                .orElseThrow(() -> ProblemException.invalidField("currentPassword",
                        FieldMessages.sentence("currentPassword.wrong", "currentPassword")));
        String via = (String) request.getAttribute(StaffAuthenticationMechanism.AUTHENTICATED_BY);
        return StaffAuthenticationMechanism.VIA_SESSION.equals(via) ? startBrowserSession(member)
                : new Me(member.username(), member.displayName(), member.roles(), via, null);
    }

    private Me startBrowserSession(StaffMember member) {
        // a fresh token (a planted one is worthless), replacing the session the browser had
        BrowserSessions.Started started = browserSessions.start(member, SessionCookie.token(request));
        sessionCookie.give(request, response, started.token());
        return new Me(member.username(), member.displayName(), member.roles(),
                StaffAuthenticationMechanism.VIA_SESSION, started.csrfToken());
    }

    private StaffMember authenticate(Credentials credentials) {
        return throttle.check(clientAddresses.of(request), credentials.username(),
                        deviceCookies.presented(request, credentials.username()),
                        () -> directory.authenticate(credentials.username(), credentials.password()))
                .orElseThrow(() -> new ProblemException(ProblemException.Kind.UNAUTHENTICATED, "login-failed",
                        "Login failed", "The user name or password is wrong, or the account is disabled.",
                        List.of(), null));
    }
}
