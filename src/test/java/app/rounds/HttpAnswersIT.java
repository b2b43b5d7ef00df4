package app.rounds;

import app.rounds.testing.ApiClient;
import app.rounds.testing.Reply;
import app.rounds.testing.RunningRounds;
import app.rounds.testing.Staff;
import app.rounds.testing.TestPhotos;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static app.rounds.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTP answers at their edges: races on one row, byte ranges past any number, errors the container answers itself,
 * what may be cached or framed, and which Host a link may be built on. Requests that Java's HTTP client refuses to
 * send (a malformed URI, a foreign Host header) go over a raw socket.
 */
@ExtendWith(RunningRounds.class)
@ResourceLock(value = RunningRounds.MEDIA_FOLDER, mode = ResourceAccessMode.READ)
class HttpAnswersIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @RunningRounds.Base
    URL base;

    ApiClient anonymous;
    Staff staff;

    @BeforeEach
    void clients() {
        anonymous = ApiClient.anonymous(base).from(Staff.uniqueAddress());
        staff = new Staff(anonymous);
    }

    // --- races -----------------------------------------------------------------------------------------------

    @Test
    void concurrentChangesToOneUserAreConflictsNeverServerErrors() throws Exception {
        Staff.Member user = staff.create("presenter");
        ApiClient admin = staff.admin();
        List<Callable<Reply>> changes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int n = i;
            changes.add(() -> n % 2 == 0
                    ? admin.put("api/users/" + user.username(), json("{'displayName':'Name " + n
                    + "','roles':['presenter'" + (n % 4 == 0 ? ",'reviewer'" : "") + "],'enabled':true}"))
                    : admin.put("api/users/" + user.username() + "/password",
                    json("{'password':'another-long-password-" + n + "'}")));
        }
        List<Reply> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (Future<Reply> reply : pool.invokeAll(changes)) {
                replies.add(reply.get());
            }
        }
        for (Reply reply : replies) {
            assertTrue(reply.status() == 200 || reply.status() == 204 || reply.status() == 409, reply.toString());
            if (reply.status() == 409) {
                assertEquals("application/problem+json", reply.contentType(), reply.toString());
                assertEquals("concurrent-change", reply.problemType(), reply.toString());
            }
        }
        assertEquals(200, admin.get("api/users/" + user.username()).status(), "the user is still there");
    }

    // --- media: ranges, variants, caching ----------------------------------------------------------------------

    @Test
    void aRangePastAnyNumberIsUnsatisfiableForStaffAndThePublic() throws Exception {
        Published published = publishedPhoto();
        String staffUrl = "api/sessions/" + published.sessionId + "/media/" + published.photoId + "/content";
        HttpResponse<byte[]> whole = download(staffUrl, published.curator, null);
        assertEquals(200, whole.statusCode());
        long length = whole.body().length;
        for (String range : List.of("bytes=99999999999999999999-", "bytes=99999999999999999999-99999999999999999999")) {
            HttpResponse<byte[]> staffAnswer = download(staffUrl, published.curator, range);
            assertEquals(416, staffAnswer.statusCode(), range);
            assertEquals("bytes */" + length, staffAnswer.headers().firstValue("Content-Range").orElse(""));
            HttpResponse<byte[]> publicAnswer = download(published.pictureUrl(), null, range);
            assertEquals(416, publicAnswer.statusCode(), range);
            assertEquals("bytes */" + length, publicAnswer.headers().firstValue("Content-Range").orElse(""));
        }
        HttpResponse<byte[]> hugeSuffix = download(staffUrl, published.curator, "bytes=-99999999999999999999");
        assertEquals(206, hugeSuffix.statusCode(), "the last N bytes of a shorter file are all of it");
        assertEquals(length, hugeSuffix.body().length);
    }

    @Test
    void anUnknownVariantIsRefusedNamingTheVariantsThatExist() throws Exception {
        Published published = publishedPhoto();
        Reply staffAnswer = published.curator.get("api/sessions/" + published.sessionId + "/media/"
                + published.photoId + "/content?variant=huge");
        assertEquals(400, staffAnswer.status(), staffAnswer.body());
        assertEquals("application/problem+json", staffAnswer.contentType());
        assertEquals(List.of("variant"), staffAnswer.problemFields());
        String detail = staffAnswer.json().getString("detail");
        assertTrue(detail.contains("small") && detail.contains("large"), detail);
        assertEquals(200, published.curator.get("api/sessions/" + published.sessionId + "/media/"
                + published.photoId + "/content?variant=small").status());
    }

    @Test
    void answersThatNeedALoginAreNeverStoredButPublishedPicturesAreCacheable() throws Exception {
        Published published = publishedPhoto();
        HttpResponse<byte[]> content = download("api/sessions/" + published.sessionId + "/media/" + published.photoId
                + "/content", published.curator, null);
        assertEquals(200, content.statusCode());
        assertEquals("no-store", content.headers().firstValue("Cache-Control").orElse(""));
        Reply qr = published.curator.get("api/sessions/" + published.sessionId + "/qr.svg");
        assertEquals(200, qr.status(), qr.body());
        assertEquals("no-store", qr.header("Cache-Control"));

        HttpResponse<byte[]> picture = download(published.pictureUrl(), null, null);
        assertEquals(200, picture.statusCode());
        assertEquals("public, no-cache", picture.headers().firstValue("Cache-Control").orElse(""));
    }

    // --- frames, transport security ----------------------------------------------------------------------------

    @Test
    void theEmbedPageMayBeFramedAnywhereAndNoOtherPage() throws Exception {
        Published published = publishedPhoto();
        Reply embed = anonymous.get("highlights/" + published.highlightId + "/embed");
        assertEquals(200, embed.status());
        assertNull(embed.header("X-Frame-Options"), "X-Frame-Options would forbid what frame-ancestors * allows");
        assertTrue(embed.header("Content-Security-Policy").contains("frame-ancestors *"));
        for (String path : List.of("highlights/" + published.highlightId, "", "api/public/oembed")) {
            Reply page = anonymous.get(path);
            assertEquals("DENY", page.header("X-Frame-Options"), path);
            assertTrue(page.header("Content-Security-Policy").contains("frame-ancestors 'none'"), path);
        }
    }

    @Test
    void httpsAtATrustedProxyGetsStrictTransportSecurity() {
        // the test server trusts 127.0.0.1 as its proxy
        Reply proxied = anonymous.withHeader("X-Forwarded-Proto", "https").get("");
        assertEquals(200, proxied.status());
        assertTrue(proxied.header("Strict-Transport-Security").startsWith("max-age="), proxied.headers().toString());
        assertNull(anonymous.get("").header("Strict-Transport-Security"), "plain HTTP gets no HSTS");
    }

    // --- public links ------------------------------------------------------------------------------------------

    @Test
    void oembedInAnyFormatButJsonIsAProblemSayingSo() {
        Reply xml = anonymous.get("api/public/oembed?format=xml&url="
                + URLEncoder.encode(base + "highlights/x", StandardCharsets.UTF_8));
        assertEquals(501, xml.status(), xml.body());
        assertEquals("application/problem+json", xml.contentType());
        assertTrue(xml.json().getString("detail").contains("JSON"), xml.body());
    }

    @Test
    void aForeignHostHeaderNeverBecomesTheBaseOfPublicLinks() throws Exception {
        Published published = publishedPhoto();
        String page = URLEncoder.encode("http://evil.example/highlights/" + published.highlightId,
                StandardCharsets.UTF_8);
        for (String path : List.of("/highlights/feed.atom", "/highlights/feed.json", "/highlights/",
                "/api/public/oembed?format=json&url=" + page)) {
            Raw answer = raw("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nAccept: application/json\r\n"
                    + "Connection: close\r\n\r\n");
            assertEquals(400, answer.status, path + ": " + answer.body);
            assertProblemType(answer, path);
        }
        Raw local = raw("GET /highlights/feed.atom HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort()
                + "\r\nConnection: close\r\n\r\n");
        assertEquals(200, local.status, "a loopback address is a local host: " + local.body);
    }

    // --- errors the container answers --------------------------------------------------------------------------

    @Test
    void errorsOutsideTheApplicationAreProblemsForApiClientsAndAPageForBrowsers() throws Exception {
        // a folder without its slash ("/css") was redirected by the container, before any filter, to an address
        // made of the request's Host header, without the security headers
        // a malformed escape (a % without two hexadecimal digits) was answered 200 with an empty body by Payara's
        // URI decoder, before any of Rounds ran (payara/Payara#8000): StrayPercentFilter escapes it first
        for (String path : List.of("/WEB-INF/web.xml", "/no-such-page.html", "/css/no-such-file.css", "/css", "/js",
                "/i18n", "/%zz", "/%", "/a%2", "/css/%zz.css")) {
            Raw api = raw("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nAccept: application/json\r\n"
                    + "Connection: close\r\n\r\n");
            assertEquals(404, api.status, path);
            assertNull(api.header("Location"), path);
            assertProblemType(api, path + ": " + api.body);
            assertEquals(api.status, parsed(api.body).getInt("status"), api.body);
            assertSecurityHeaders(api, path);

            Raw browser = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                    + "Connection: close\r\n\r\n");
            assertEquals(api.status, browser.status, path);
            assertTrue(browser.header("Content-Type").startsWith("text/html"), path + ": " + browser.header("Content-Type"));
            assertFalse(browser.body.contains("Payara") || browser.body.contains("Exception"), browser.body);
            assertTrue(browser.body.contains("Rounds"), browser.body);
            assertSecurityHeaders(browser, path);
        }

        // under /api the escaped address goes where its text leads: nowhere (404), or to a session for staff (401)
        for (Map.Entry<String, Integer> expected : Map.of("/api/%zz", 404, "/api/%zz/%", 404, "/api/sessions/%", 401)
                .entrySet()) {
            String path = expected.getKey();
            Raw api = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertEquals(expected.getValue(), api.status, path + ": " + api.body);
            assertProblemType(api, path + ": " + api.body);
            assertSecurityHeaders(api, path);
        }

        // the board's addresses are answered by its handshake filter, which runs after the security headers' one
        for (String path : List.of("/ws", "/ws/public/NOSUCHCODE")) {
            Raw board = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertEquals(404, board.status, path);
            assertProblemType(board, path);
            assertSecurityHeaders(board, path);
        }

        Raw method = raw("POST /highlights/feed.atom HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");
        assertEquals(405, method.status, method.body);
        assertProblemType(method, method.body);
        assertEquals(405, parsed(method.body).getInt("status"), method.body);
        assertSecurityHeaders(method, "POST /highlights/feed.atom");

        Raw readOnly = raw("DELETE /index.html HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(readOnly.status == 403 || readOnly.status == 405, readOnly.status + " " + readOnly.body);
        assertTrue(readOnly.header("Content-Type").startsWith("text/html"), "a page when nothing asks for JSON");
        assertFalse(readOnly.body.contains("Payara"), readOnly.body);
        assertSecurityHeaders(readOnly, "DELETE /index.html");

        Raw range = raw("GET /index.html HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                + "Range: bytes=99999999-\r\nConnection: close\r\n\r\n");
        assertEquals(416, range.status, range.body);
        assertProblemType(range, range.body);
        assertSecurityHeaders(range, "GET /index.html past its end");
    }

    /** Written by a servlet, it carries its charset: application/problem+json;charset=UTF-8. */
    private static void assertProblemType(Raw answer, String what) {
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"),
                what + ": " + answer.header("Content-Type"));
    }

    private static void assertSecurityHeaders(Raw answer, String what) {
        assertNotNull(answer.header("Content-Security-Policy"), what + ": " + answer.headers);
        assertEquals("nosniff", answer.header("X-Content-Type-Options"), what);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    record Published(ApiClient curator, String sessionId, String photoId, String highlightId) {
        String pictureUrl() {
            return "api/public/highlights/" + highlightId + "/media/" + photoId;
        }
    }

    /** A session with a consented photo in a highlight that a reviewer approved and so published. */
    Published publishedPhoto() throws Exception {
        ApiClient curator = staff.create("communicator", "presenter").client();
        ApiClient reviewer = staff.create("reviewer").client();
        String sessionId = curator.post("api/sessions", json("{'title':'Answers " + Staff.uniqueSuffix() + "'}"))
                .json().getString("id");
        HttpResponse<String> uploaded = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/sessions/"
                        + sessionId + "/media?name=ward.jpg"))
                .header("Authorization", curator.header("Authorization"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestPhotos.withExif(320, 240))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        String photoId = parsed(uploaded.body()).getString("id");
        String media = "api/sessions/" + sessionId + "/media/" + photoId;
        assertEquals(200, curator.put(media, json("{'caption':'The ward','altText':'An empty ward with six beds'}"))
                .status());
        Reply consent = curator.post(media + "/consents", json("{'person':'R. Osei','relation':'STAFF',"
                + "'scope':'PUBLIC','status':'GRANTED','evidenceNote':'form 2026-7'}"));
        assertEquals(201, consent.status(), consent.body());
        String highlightId = curator.post("api/sessions/" + sessionId + "/highlights",
                json("{'title':'The ward at night'}")).json().getString("id");
        Reply edited = curator.put("api/highlights/" + highlightId, Json.createObjectBuilder()
                .add("title", "The ward at night").add("publishOnApproval", true)
                .add("parts", Json.createArrayBuilder().add(Json.createObjectBuilder().add("kind", "MEDIA")
                        .add("refId", photoId))).build().toString());
        assertEquals(200, edited.status(), edited.body());
        Reply submitted = curator.post("api/highlights/" + highlightId + "/submission", "{}");
        assertEquals(200, submitted.status(), submitted.body());
        String hash = reviewer.get("api/reviews/" + highlightId).json().getJsonObject("rendition").getString("hash");
        Reply approved = reviewer.post("api/reviews/" + highlightId + "/decision", Json.createObjectBuilder()
                .add("decision", "APPROVE").add("renditionHash", hash).build().toString());
        assertEquals("PUBLISHED", approved.json().getString("status"), approved.body());
        return new Published(curator, sessionId, photoId, highlightId);
    }

    HttpResponse<byte[]> download(String path, ApiClient as, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (as != null) {
            request.header("Authorization", as.header("Authorization"));
        }
        if (range != null) {
            request.header("Range", range);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonObject parsed(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** An answer read off a raw socket: status, headers (names in lower case) and the body, de-chunked. */
    record Raw(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends {@code request} as written (it should ask for Connection: close) and reads the answer to its end. */
    Raw raw(String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.putIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            String body = text.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunked(body);
            }
            byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers,
                    new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static String dechunked(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
