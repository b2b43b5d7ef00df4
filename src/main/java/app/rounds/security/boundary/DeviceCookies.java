package app.rounds.security.boundary;

import app.rounds.security.control.TrustedDevices;
import app.rounds.security.control.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Device cookies on the wire ({@link TrustedDevices}): read from a password check's request, handed out after a right
 * password at login and token request. Like the session cookie they are HttpOnly, SameSite=Strict and Secure unless
 * {@code rounds.cookie.secure=false}; they go only to {@code /api/auth}, where passwords are checked (and Basic
 * credentials there), so a ward PC used by many colleagues does not send all their cookies with every request.
 */
@ApplicationScoped
public class DeviceCookies {

    @Inject
    TrustedDevices devices;

    @Inject
    SessionCookie sessionCookie;

    /** The id of the device the request comes from, when it carries a valid device cookie of this user. */
    public Optional<String> presented(HttpServletRequest request, String username) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        String name = devices.cookieName(username);
        return Arrays.stream(cookies).filter(c -> name.equals(c.getName()))
                .map(c -> devices.device(username, c.getValue()).orElse(null))
                .filter(Objects::nonNull).findFirst();
    }

    /** Gives the client a fresh device cookie of the member, who has just given the right password. */
    public void give(HttpServletRequest request, HttpServletResponse response, StaffMember member) {
        TrustedDevices.DeviceCookie cookie = devices.issue(member.username());
        response.addHeader("Set-Cookie", sessionCookie.header(cookie.name(), cookie.value(),
                request.getContextPath() + "/api/auth", cookie.maxAge()));
    }
}
