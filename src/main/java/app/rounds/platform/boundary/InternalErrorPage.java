package app.rounds.platform.boundary;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The error page for failures outside JAX-RS (the authentication mechanism, servlet filters): the same problem answer
 * as everywhere else instead of the server's HTML page with a stack trace. Registered in web.xml.
 */
@WebServlet(name = "InternalErrorPage", urlPatterns = InternalErrorPage.PATH)
public class InternalErrorPage extends HttpServlet {

    static final String PATH = "/internal-error";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ServletProblems.write(response, failure == null ? ProblemResponses.internalErrorWithoutCause(uri)
                : ProblemResponses.internalError(failure, uri));
    }
}
