package app.rounds.platform.boundary;

import app.rounds.platform.control.DatabaseOutages;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;

/**
 * The error page for what is answered outside JAX-RS: failures in the authentication mechanism or servlet filters,
 * and the container's own refusals (a file not found, /WEB-INF, a method or byte range a static file does not take).
 * API clients (an address under /api, or an Accept that asks for JSON) get the problem answer the API gives; browsers
 * a short page in the site's style; never the server's page with its name and a stack trace. Registered in web.xml;
 * SecurityHeadersFilter also runs on these error dispatches. A failure because the database is unreachable is 503
 * with Retry-After, as in the API.
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
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = failure != null || !(code instanceof Integer c) ? 500 : c;
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Problem problem;
        if (failure != null && DatabaseOutages.report(failure)) {
            problem = ServletProblems.withRetryAfter(response, DatabaseOutages.refusal(), uri);
        } else if (status >= 500) {
            problem = failure == null ? ProblemResponses.internalErrorWithoutCause(uri)
                    : ProblemResponses.internalError(failure, uri);
        } else {
            problem = ProblemResponses.ofStatus(status, uri);
        }
        if (wantsPage(request, uri)) {
            page(response, problem);
        } else {
            ServletProblems.write(response, problem);
        }
    }

    /** A person at a browser: asking for HTML, or for anything outside /api; never a client asking for JSON. */
    static boolean wantsPage(HttpServletRequest request, String uri) {
        String accept = request.getHeader("Accept") == null ? "" : request.getHeader("Accept");
        if (accept.contains("json")) {
            return false;
        }
        return accept.contains("text/html") || !(uri != null && (uri.equals("/api") || uri.startsWith("/api/")));
    }

    private static void page(HttpServletResponse response, Problem problem) throws IOException {
        boolean missing = problem.status() == HttpServletResponse.SC_NOT_FOUND;
        String heading = missing ? "Page not found" : problem.title();
        Document page = Document.createShell("");
        page.child(0).attr("lang", "en");
        page.head().appendElement("meta").attr("charset", "utf-8");
        page.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        page.head().appendElement("title").text(heading + " · Rounds");
        page.head().appendElement("link").attr("rel", "icon").attr("href", "/favicon.svg").attr("type", "image/svg+xml");
        page.head().appendElement("link").attr("rel", "stylesheet").attr("href", "/css/rounds.css");
        Element header = page.body().appendElement("header").addClass("bar");
        header.appendElement("a").addClass("brand").attr("href", "/").text("Rounds");
        Element main = page.body().appendElement("main").addClass("narrow");
        main.appendElement("h1").text(heading);
        if (missing) {
            // a mistyped or outdated link: say which address, and offer the two ways into the site
            Element where = main.appendElement("p").text("There is no page at ");
            where.appendElement("code").text(problem.instance() == null ? "this address" : problem.instance());
            where.appendText(". The address may be mistyped, or the page may have moved.");
            Element ways = main.appendElement("ul").addClass("plain-list");
            ways.appendElement("li").appendElement("a").attr("href", "/").text("Join a training session (start page)");
            ways.appendElement("li").appendElement("a").attr("href", "/login.html").text("Staff login");
        } else {
            main.appendElement("p").text(problem.detail());
            main.appendElement("p").appendElement("a").attr("href", "/").text("Back to the start page");
        }
        response.setStatus(problem.status());
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("<!DOCTYPE html>\n" + page.html());
    }
}
