package app.rounds.security.boundary;

import app.rounds.platform.control.SecretTokens;
import app.rounds.security.control.StaffMember;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.time.Instant;

/**
 * What a staff browser session holds: the user name, when it started, and the session's CSRF token. Nothing else,
 * so that a changed role, a disabled account or a changed password takes effect on the next request.
 */
final class BrowserSessions {

    static final String USERNAME = "rounds.staff.username";
    static final String CSRF_TOKEN = "rounds.staff.csrf";
    static final String STARTED_AT = "rounds.staff.since";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private BrowserSessions() {
    }

    /** Starts a fresh session for the member (a new id, so a planted session id is worthless); returns its CSRF token. */
    static String start(HttpServletRequest request, StaffMember member, Instant now) {
        HttpSession previous = request.getSession(false);
        if (previous != null) {
            previous.invalidate();
        }
        HttpSession session = request.getSession(true);
        String csrf = SecretTokens.newToken();
        session.setAttribute(USERNAME, member.username());
        session.setAttribute(CSRF_TOKEN, csrf);
        session.setAttribute(STARTED_AT, now);
        return csrf;
    }

    static String username(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(USERNAME);
    }

    static Instant startedAt(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (Instant) session.getAttribute(STARTED_AT);
    }

    static String csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(CSRF_TOKEN);
    }

    static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
