package app.rounds.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real HTTP client for the deployed app, holding one way of authenticating: none, a bearer token, Basic
 * credentials, or a browser session (its cookie and CSRF token, handled by hand so the tests see the cookie's
 * attributes). Immutable: each {@code with...} returns a new client.
 */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final URI base;
    private final Map<String, String> headers;

    private ApiClient(URI base, Map<String, String> headers) {
        this.base = base;
        this.headers = Map.copyOf(headers);
    }

    public static ApiClient anonymous(URL base) {
        return new ApiClient(URI.create(base.toString()), Map.of());
    }

    public URI base() {
        return base;
    }

    public ApiClient withHeader(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(headers);
        next.put(name, value);
        return new ApiClient(base, next);
    }

    public ApiClient withBearer(String token) {
        return withHeader("Authorization", "Bearer " + token);
    }

    public ApiClient withBasic(String username, String password) {
        return withHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** As if the request came through the trusted proxy from this address (the app trusts 127.0.0.1 in tests). */
    public ApiClient from(String address) {
        return withHeader("X-Forwarded-For", address);
    }

    /** Logs in as a browser does; the returned client sends the session cookie and the CSRF token. */
    public ApiClient withBrowserSession(String username, String password) {
        Reply login = post("api/auth/login", credentials(username, password));
        if (login.status() != 200) {
            throw new AssertionError("login failed: " + login);
        }
        String cookie = login.header("Set-Cookie");
        return withHeader("Cookie", cookie.substring(0, cookie.indexOf(';')))
                .withHeader("X-CSRF-Token", login.json().getString("csrfToken"));
    }

    public ApiClient withBearerFor(String username, String password) {
        Reply issued = post("api/auth/tokens", credentials(username, password));
        if (issued.status() != 201) {
            throw new AssertionError("token request failed: " + issued);
        }
        return withBearer(issued.json().getString("token"));
    }

    /** A header this client sends, such as its Authorization. */
    public String header(String name) {
        return headers.get(name);
    }

    public ApiClient without(String header) {
        Map<String, String> next = new LinkedHashMap<>(headers);
        next.remove(header);
        return new ApiClient(base, next);
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json);
    }

    public Reply put(String path, String json) {
        return send("PUT", path, json);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    public Reply send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET whose answer is kept as bytes (a spreadsheet, a PDF, a picture). */
    public HttpResponse<byte[]> download(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String credentials(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password).build().toString();
    }

    /** Parses a JSON object literal written in a test (single quotes allowed for readability). */
    public static String json(String text) {
        String normalized = text.replace('\'', '"');
        try (var reader = Json.createReader(new StringReader(normalized))) {
            JsonObject parsed = reader.readObject();
            return parsed.toString();
        }
    }
}
