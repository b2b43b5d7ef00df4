package app.rounds.platform.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The static files' folders named without their slash ({@code /css}): nothing is there, as at {@code /css/}. Without
 * this exact mapping the container redirects them to the folder before any filter runs, with a Location made of the
 * request's Host header and none of the security headers.
 */
@WebServlet(urlPatterns = {"/css", "/js", "/i18n"})
public class FolderAddresses extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
