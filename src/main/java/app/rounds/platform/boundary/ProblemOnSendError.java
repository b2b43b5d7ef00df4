package app.rounds.platform.boundary;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;

/**
 * A response whose {@code sendError} writes the problem answer itself. The container's error pages
 * ({@link InternalErrorPage}) are not applied to an error sent during an async dispatch, where Jersey's own refusals
 * (an unreadable Content-Type or Accept header, a path it cannot decode) came out as an empty 400.
 */
final class ProblemOnSendError extends HttpServletResponseWrapper {

    private final String instance;

    ProblemOnSendError(HttpServletResponse response, String instance) {
        super(response);
        this.instance = instance;
    }

    @Override
    public void sendError(int status) throws IOException {
        sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        if (isCommitted()) {
            super.sendError(status, message);
            return;
        }
        resetBuffer();
        ServletProblems.write((HttpServletResponse) getResponse(), status >= 500
                ? ProblemResponses.internalErrorWithoutCause(instance) : ProblemResponses.ofStatus(status, instance));
        flushBuffer();
    }
}
