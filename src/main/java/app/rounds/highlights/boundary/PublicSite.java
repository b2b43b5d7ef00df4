package app.rounds.highlights.boundary;

import app.rounds.highlights.control.Publishing;
import app.rounds.highlights.control.Reach;
import app.rounds.highlights.entity.Publication;
import app.rounds.platform.boundary.ServletProblems;
import app.rounds.platform.control.MessageBundle;
import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.PublicAddress;
import app.rounds.platform.control.Sha256;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public site, rendered on the server: {@code /highlights/} (the index), {@code /highlights/{id}} (a page),
 * {@code /highlights/{id}/embed} (for an iframe), {@code /highlights/feed.atom} and {@code /highlights/feed.json}.
 * Every answer has a strong ETag and {@code Cache-Control: public, no-cache}: caches keep it but ask again each
 * time, so a takedown shows at once while an unchanged page costs a 304. A highlight that was withdrawn answers 410.
 */
@WebServlet(name = "PublicSite", urlPatterns = {"/highlights", "/highlights/*"})
public class PublicSite extends HttpServlet {

    static final int INDEX_SIZE = 50;
    private static final Pattern HIGHLIGHT = Pattern.compile("/([0-9a-f-]{36})(/embed)?");

    @Inject
    Publishing publishing;

    @Inject
    PublicAddress address;

    @Inject
    Reach reach;

    @Inject
    @ConfigProperty(name = "rounds.site-name")
    String siteName;

    /** The bundles, read once from the files the browser pages read too. */
    private final Map<String, MessageBundle> bundles = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + "/highlights/");
            return;
        }
        String base;
        try {
            base = address.base(URI.create(request.getRequestURL().toString()));
        } catch (ProblemException refused) {
            ServletProblems.write(response, refused, request.getRequestURI());
            return;
        }
        MessageBundle words = wordsFor(request, response);
        switch (path) {
            case "/" -> send(request, response, 200, "text/html", PublicPages.index(live(), base, siteName, words));
            case "/feed.atom" -> feed(request, response, "application/atom+xml", HighlightFeeds::atom, base);
            case "/feed.json" -> feed(request, response, "application/feed+json", HighlightFeeds::json, base);
            default -> highlight(request, response, path, base, words);
        }
    }

    private void highlight(HttpServletRequest request, HttpServletResponse response, String path, String base,
                           MessageBundle words) throws IOException {
        String here = request.getRequestURI();
        Matcher m = HIGHLIGHT.matcher(path);
        Optional<Publication> found = m.matches() ? publishing.publication(m.group(1)) : Optional.empty();
        if (found.isEmpty()) {
            send(request, response, 404, "text/html", PublicPages.notFound(siteName, words, here));
        } else if (!found.get().live()) {
            send(request, response, 410, "text/html", PublicPages.gone(siteName, words, here));
        } else if (m.group(2) != null) {
            counted(request, found.get(), Reach.Kind.EMBED);
            send(request, response, 200, "text/html", PublicPages.embed(found.get(), base, siteName, words));
        } else {
            counted(request, found.get(), Reach.Kind.PAGE);
            send(request, response, 200, "text/html", PublicPages.page(found.get(), base, siteName, words));
        }
    }

    /** A feed, counted as a read of each highlight in it. */
    private void feed(HttpServletRequest request, HttpServletResponse response, String type,
                      FeedWriter writer, String base) throws IOException {
        List<Publication> live = live();
        live.forEach(publication -> counted(request, publication, Reach.Kind.FEED));
        send(request, response, 200, type, writer.write(live, base, siteName));
    }

    @FunctionalInterface
    interface FeedWriter {
        String write(List<Publication> live, String base, String siteName);
    }

    /**
     * A read (answered in full, or 304: the reader's copy is current), not a HEAD; counted before the answer goes, so
     * that a reader who has the answer finds the read counted by the next flush.
     */
    private void counted(HttpServletRequest request, Publication publication, Reach.Kind kind) {
        if ("GET".equals(request.getMethod())) {
            reach.read(publication.highlightId(), kind);
        }
    }

    /**
     * The reader's language, chosen as the browser pages choose it (MessageBundle.choose); a ?lang= choice is
     * remembered in the same cookie. The answer says its language and that it depends on those headers.
     */
    private MessageBundle wordsFor(HttpServletRequest request, HttpServletResponse response) {
        String requested = request.getParameter("lang");
        String remembered = request.getCookies() == null ? null : Arrays.stream(request.getCookies())
                .filter(c -> MessageBundle.COOKIE.equals(c.getName())).map(Cookie::getValue).findFirst().orElse(null);
        String language = MessageBundle.choose(requested, remembered, request.getHeader("Accept-Language"));
        if (MessageBundle.spoken(requested).isPresent()) {
            Cookie cookie = new Cookie(MessageBundle.COOKIE, language);
            cookie.setPath("/");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
        response.setHeader("Content-Language", language);
        response.setHeader("Vary", "Accept-Language, Cookie");
        return bundles.computeIfAbsent(language, spoken -> MessageBundle.read(spoken,
                code -> getServletContext().getResourceAsStream("/i18n/" + code + ".json")));
    }

    private List<Publication> live() {
        return publishing.live(INDEX_SIZE);
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, int status, String type,
                             String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + Sha256.hex(bytes).substring(0, 32) + "\"";
        response.setHeader("Cache-Control", "public, no-cache");
        response.setHeader("ETag", etag);
        if (status == 200 && etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(status);
        response.setContentType(type + "; charset=utf-8");
        response.setContentLength(bytes.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(bytes);
        }
    }
}
