package app.rounds.platform.boundary;

import app.rounds.platform.control.ClientAddresses;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Security headers on every response of the application, pages and API alike. The pages load scripts and styles
 * only from this origin (no inline script or style), may not be framed (but for a published highlight's embed
 * version), and send no Referer, because join links carry the join code. API answers are never cached, but for the
 * public ones (published pictures, oEmbed), which say themselves how they may be.
 */
// also on error dispatches: the container's own refusals (/WEB-INF, a missing file) never passed the request chain
@WebFilter(filterName = "SecurityHeadersFilter", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    /** An embeddable highlight may sit in any site's iframe; nothing else may be framed. */
    static final String EMBED_POLICY = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors *");
    private static final Pattern EMBED = Pattern.compile("/highlights/[0-9a-f-]{36}/embed");

    @Inject
    ClientAddresses clientAddresses;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean embed = EMBED.matcher(path).matches();
        response.setHeader("Content-Security-Policy", embed ? EMBED_POLICY : CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (!embed) {
            response.setHeader("X-Frame-Options", "DENY");
        }
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        // behind a TLS proxy the request here is plain HTTP: the proxy's word counts when it is one we trust
        if (clientAddresses.secure(request)) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (path.startsWith("/api/") && !path.startsWith("/api/public/")) {
            // answers carry personal and session data: never keep them in a shared or browser cache
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
