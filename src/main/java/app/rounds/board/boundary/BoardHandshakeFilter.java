package app.rounds.board.boundary;

import app.rounds.board.control.BoardAccess;
import app.rounds.platform.boundary.ServletProblems;
import app.rounds.platform.control.ClientAddresses;
import app.rounds.platform.control.Origins;
import app.rounds.platform.control.ProblemException;
import app.rounds.security.control.CurrentStaff;
import app.rounds.sessions.control.Participants;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decides each board handshake before it is upgraded, and answers a refusal as problem+json: the browser's Origin
 * (scheme, host and port) must be this site, {@code rounds.public-url} or one of {@code rounds.websocket.allowed-origins} (Tyrus would accept
 * any); the moderation stream needs someone who may run that session's board (SessionStaff: owner, co-presenters,
 * admins); the public stream needs a join code, whose wrong guesses count against the address as on joining. A failure while deciding (the database
 * unreachable: 503 with Retry-After) is answered as problem+json too.
 */
@WebFilter(filterName = "BoardHandshakeFilter", urlPatterns = "/ws/*")
public class BoardHandshakeFilter extends HttpFilter {

    @Inject
    CurrentStaff currentStaff;

    @Inject
    BoardAccess access;

    @Inject
    Participants participants;

    @Inject
    ClientAddresses clientAddresses;

    @Inject
    @ConfigProperty(name = "rounds.websocket.allowed-origins")
    Optional<String> allowedOrigins;

    @Inject
    @ConfigProperty(name = "rounds.public-url")
    Optional<String> publicUrl;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            checkOrigin(request.getHeader("Origin"), clientAddresses.secure(request) ? "https" : "http",
                    request.getHeader("Host"));
            BoardPath path = BoardPath.parse(request.getRequestURI().substring(request.getContextPath().length()))
                    .orElseThrow(() -> ProblemException.notFound("http-404", "There is no board at this address."));
            switch (path.stream()) {
                case MODERATION -> access.checkModerator(currentStaff.member(), path.key());
                case PUBLIC -> participants.sessionByCode(path.key(), clientAddresses.of(request));
            }
        } catch (ProblemException refused) {
            if (refused.kind() == ProblemException.Kind.UNAUTHENTICATED) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"rounds\"");
            }
            ServletProblems.write(response, refused, request.getRequestURI());
            return;
        } catch (RuntimeException failure) {
            // answered here: an exception escaping a handshake reached the client as a 500 without a body or type
            ServletProblems.write(response, failure, request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }

    /** {@code scheme} and {@code host}: the site as the client reached it. */
    void checkOrigin(String origin, String scheme, String host) {
        if (origin == null) {
            return; // not a browser: there is no other site whose page could have opened this socket
        }
        List<String> allowed = Arrays.stream(allowedOrigins.orElse("").split(",")).map(String::strip)
                .filter(o -> !o.isEmpty()).toList();
        boolean ok = Origins.sameOrigin(origin, scheme, host)
                || publicUrl.filter(url -> Origins.sameOrigin(origin, url)).isPresent()
                || allowed.stream().anyMatch(url -> Origins.sameOrigin(origin, url));
        if (!ok) {
            throw ProblemException.forbidden("WebSockets from " + origin + " are not accepted: allow it with "
                    + "ROUNDS_WEBSOCKET_ALLOWED_ORIGINS.");
        }
    }
}
