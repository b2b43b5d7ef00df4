package app.rounds.security.boundary;

import app.rounds.security.control.BrowserSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The staff browser session ({@link BrowserSessions}) on the wire: a cookie for the whole site, HttpOnly,
 * SameSite=Strict and Secure unless {@code rounds.cookie.secure=false} (browsers accept Secure cookies from
 * http://localhost), ending with the browser. {@link StaffAuthenticationMechanism} puts a request's valid session in
 * a request attribute, where the CSRF check and {@code /api/auth/me} read its CSRF token.
 */
@ApplicationScoped
public class SessionCookie {

    static final String NAME = "rounds_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String CURRENT = "rounds.staff.session";

    @Inject
    @ConfigProperty(name = "rounds.cookie.secure")
    boolean secure;

    /** The session token the request's cookie carries. */
    static Optional<String> token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(cookie -> NAME.equals(cookie.getName())).map(Cookie::getValue).findFirst();
    }

    static void remember(HttpServletRequest request, BrowserSessions.Current session) {
        request.setAttribute(CURRENT, session);
    }

    /** The CSRF token of the request's session, when it came with a valid one. */
    static Optional<String> csrfToken(HttpServletRequest request) {
        return Optional.ofNullable((BrowserSessions.Current) request.getAttribute(CURRENT))
                .map(BrowserSessions.Current::csrfToken);
    }

    void give(HttpServletRequest request, HttpServletResponse response, String token) {
        response.addHeader("Set-Cookie", header(NAME, token, request.getContextPath() + "/", null));
    }

    void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", header(NAME, "", request.getContextPath() + "/", Duration.ZERO));
    }

    /**
     * A Set-Cookie value with this site's attributes, written out whole so that SameSite is sent as written;
     * without {@code maxAge} the cookie ends with the browser.
     */
    String header(String name, String value, String path, Duration maxAge) {
        return name + "=" + value + "; Path=" + path + (maxAge == null ? "" : "; Max-Age=" + maxAge.toSeconds())
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
