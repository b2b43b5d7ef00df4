package app.rounds.platform.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;

/**
 * A response whose errors are plain statuses once its client has gone ({@link #markGone}). When a client goes away
 * mid-upload, Jersey cannot write the answer and reports a 500 with {@code sendError}; the container then ran its
 * error page on the closed connection and logged about 120 lines of stack trace for each aborted upload. Otherwise
 * {@code sendError} stays as it is: the container's error page gives Jersey's own empty refusals their problem+json.
 */
final class ClientGoneResponse extends HttpServletResponseWrapper {

    private static final String GONE = ClientGoneResponse.class.getName() + ".gone";

    private final HttpServletRequest request;

    ClientGoneResponse(HttpServletRequest request, HttpServletResponse response) {
        super(response);
        this.request = request;
    }

    /** The request's client went away before its request had arrived: nobody is left to answer. */
    static void markGone(HttpServletRequest request) {
        request.setAttribute(GONE, Boolean.TRUE);
    }

    @Override
    public void sendError(int status) throws IOException {
        sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        if (request.getAttribute(GONE) != null) {
            setStatus(status);
        } else if (message == null) {
            super.sendError(status);
        } else {
            super.sendError(status, message);
        }
    }
}
