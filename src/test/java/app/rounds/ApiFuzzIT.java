package app.rounds;

import app.rounds.testing.ApiClient;
import app.rounds.testing.RunningRounds;
import app.rounds.testing.Staff;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of the OpenAPI document, called with malformed and oversized input by every kind of caller, from a
 * fixed seed: no answer may be a 5xx, and every error is problem+json. The operations come from {@code /openapi}
 * itself, so a new endpoint is fuzzed without anyone adding it here.
 */
@ExtendWith(RunningRounds.class)
class ApiFuzzIT {

    private static final long SEED = 20261205L;
    private static final int AT_LEAST_REQUESTS = 2_000;
    private static final int AT_LEAST_PER_OPERATION = 12;
    private static final int OPERATIONS_AT_ONCE = 6;

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final java.util.Set<String> RESTRICTED_HEADERS = java.util.Set.of("content-length", "host",
            "connection", "expect", "upgrade");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");

    @RunningRounds.Base
    URL base;

    record Operation(String method, String path, List<JsonObject> parameters, JsonObject body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Caller(String name, java.util.function.Supplier<Map<String, String>> headers) {
    }

    @Test
    void noOperationAnswersMalformedOrOversizedInputWithAServerErrorOrWithoutAProblem() throws Exception {
        ApiClient anonymous = ApiClient.anonymous(base).from(Staff.uniqueAddress());
        Staff staff = new Staff(anonymous);
        // a fuzzing admin of its own: if a random call revokes its token or changes its password, only it is hurt
        Staff.Member admin = staff.create("admin", "presenter", "communicator", "reviewer");
        JsonObject session = admin.client().post("api/sessions", ApiClient.json("{'title':'Fuzzed "
                + Staff.uniqueSuffix() + "'}")).json();
        String participant = anonymous.post("api/participants", ApiClient.json("{'code':'"
                + session.getString("joinCode") + "'}")).json().getString("token");
        Map<String, String> known = Map.of(
                "id", session.getString("id"), "sessionId", session.getString("id"),
                "code", session.getString("joinCode"));

        List<Operation> operations = operations();
        assertTrue(operations.size() >= 40, "the OpenAPI document lists the API: " + operations.size());
        // a random call may revoke the admin's token (DELETE /api/auth/tokens/current): it then gets a new one
        AtomicReference<String> adminToken = new AtomicReference<>(admin.client().header("Authorization"));
        List<Caller> callers = List.of(
                new Caller("anonymous", Map::of),
                new Caller("participant", () -> Map.of("Rounds-Participant", participant)),
                new Caller("admin", () -> Map.of("Authorization", adminToken.get())),
                new Caller("garbage credentials", () -> Map.of("Authorization", "Bearer " + "x".repeat(2_000),
                        "Rounds-Participant", "%zz not-a-token")));

        int perOperation = Math.max(AT_LEAST_PER_OPERATION, -Math.floorDiv(-AT_LEAST_REQUESTS, operations.size()));
        Map<String, Integer> statuses = new ConcurrentSkipListMap<>();
        // one example of each kind of bad answer per operation, and how many there were in all
        Map<String, String> failures = new ConcurrentSkipListMap<>();
        Map<String, Long> millisPerOperation = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        // operations side by side, each from a random of its own, so that what is sent stays the same whatever the
        // order the threads take them in
        List<Future<?>> calls = new ArrayList<>();
        try (ExecutorService callersAtOnce = Executors.newFixedThreadPool(OPERATIONS_AT_ONCE)) {
            for (int index = 0; index < operations.size(); index++) {
                Operation operation = operations.get(index);
                Random random = new Random(SEED * 31 + index);
                calls.add(callersAtOnce.submit(() -> {
                    long started = System.nanoTime();
                    for (int i = 0; i < perOperation; i++) {
                        // most calls by an admin, so that input reaches validation rather than stopping at the door
                        Caller caller = callers.get(i % 4 == 0 ? random.nextInt(callers.size()) : 2);
                        HttpRequest request = request(operation, caller, known, random);
                        String failure;
                        sent.incrementAndGet();
                        try {
                            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                            statuses.merge(Integer.toString(response.statusCode()), 1, Integer::sum);
                            failure = judge(response);
                            if (response.statusCode() == 401 && caller.name().equals("admin")) {
                                adminToken.set(anonymous.withBearerFor(admin.username(), admin.password())
                                        .header("Authorization"));
                            }
                        } catch (IOException noAnswer) {
                            statuses.merge("no answer", 1, Integer::sum);
                            failure = "no answer: " + noAnswer;
                        }
                        if (failure != null) {
                            failed.incrementAndGet();
                            failures.putIfAbsent(operation + " " + failure.substring(0, Math.min(failure.length(), 40)),
                                    operation + " as " + caller.name() + " (" + request.method() + " "
                                    + abbreviate(request.uri().toString(), 160) + " " + described(request) + "): "
                                    + failure);
                        }
                    }
                    millisPerOperation.put(operation.toString(), (System.nanoTime() - started) / 1_000_000);
                    return null;
                }));
            }
        }
        for (Future<?> call : calls) {
            call.get(); // a test failure inside a thread fails the test
        }
        String slowest = millisPerOperation.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .map(e -> e.getKey() + " " + e.getValue() + " ms").collect(Collectors.joining(", "));
        System.out.printf("ApiFuzzIT: %d requests over %d operations, seed %d, statuses %s; slowest: %s%n",
                sent.get(), operations.size(), SEED, statuses, slowest);
        assertTrue(sent.get() >= AT_LEAST_REQUESTS, "requests sent: " + sent);
        assertTrue(failures.isEmpty(), failed + " bad answers, of " + failures.size() + " kinds:\n"
                + String.join("\n", failures.values()));
    }

    /** The request's headers (long values by their length) and the size of its body. */
    private static String described(HttpRequest request) {
        StringBuilder headers = new StringBuilder();
        request.headers().map().forEach((name, values) -> values.forEach(v -> headers.append(name).append('=')
                .append(v.length() > 40 ? "<" + v.length() + " chars>" : v).append("; ")));
        return "[" + headers + "body " + request.bodyPublisher().map(HttpRequest.BodyPublisher::contentLength)
                .orElse(-1L) + " bytes]";
    }

    /**
     * What never reaches Rounds: a NUL or a backslash in the path, a request line or headers beyond Payara's 8 KB
     * buffer. Payara's HTTP layer answers them with a bare 400 (no body to shape);
     * what matters is that it is a 4xx and the server goes on answering.
     */
    @Test
    void theHttpLayerRefusesWhatItCannotParseAndGoesOnAnswering() throws Exception {
        String host = "Host: " + base.getHost() + ":" + base.getPort() + "\r\n";
        List<String> unparseable = List.of(
                "GET /api/highlights/%00 HTTP/1.1\r\n" + host + "\r\n",
                "GET /api/highlights/a%5Cb HTTP/1.1\r\n" + host + "\r\n",
                "GET /api/highlights/" + "A".repeat(9_000) + " HTTP/1.1\r\n" + host + "\r\n",
                "GET /api/auth/me HTTP/1.1\r\n" + host + "If-None-Match: " + "A".repeat(9_000) + "\r\n\r\n");
        for (String request : unparseable) {
            try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                        StandardCharsets.ISO_8859_1)).readLine();
                assertTrue(statusLine != null && statusLine.matches("HTTP/1\\.1 4\\d\\d.*"),
                        abbreviate(request, 60) + " → " + statusLine);
            }
        }
        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(base + "health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(ready.statusCode() == 200, "still ready: " + ready.statusCode());
    }

    /** Why an answer is wrong, or null. */
    private static String judge(HttpResponse<String> response) {
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        // the one 5xx that is right: oEmbed (section 2.3.4) asks for 501 when a format other than JSON is wanted
        boolean oembedFormat = status == 501
                && response.body().contains("urn:rounds:problem:oembed-format-not-offered");
        if (status >= 500 && !oembedFormat) {
            return status + " " + type + " " + abbreviate(response.body(), 300);
        }
        if (status >= 400 && !type.startsWith("application/problem+json")) {
            return status + " without problem+json (" + type + ") " + abbreviate(response.body(), 200);
        }
        return null;
    }

    private List<Operation> operations() throws IOException, InterruptedException {
        HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(URI.create(base + "openapi?format=JSON"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        JsonObject paths;
        try (var reader = Json.createReader(new StringReader(document.body()))) {
            paths = reader.readObject().getJsonObject("paths");
        }
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, item) -> item.asJsonObject().forEach((method, value) -> {
            if (value.getValueType() != JsonValue.ValueType.OBJECT || method.equals("parameters")) {
                return;
            }
            JsonObject operation = value.asJsonObject();
            List<JsonObject> parameters = new ArrayList<>();
            if (item.asJsonObject().containsKey("parameters")) {
                item.asJsonObject().getJsonArray("parameters").forEach(p -> parameters.add(p.asJsonObject()));
            }
            if (operation.containsKey("parameters")) {
                operation.getJsonArray("parameters").forEach(p -> parameters.add(p.asJsonObject()));
            }
            operations.add(new Operation(method.toUpperCase(), path, parameters,
                    operation.containsKey("requestBody") ? operation.getJsonObject("requestBody") : null));
        }));
        return operations;
    }

    private HttpRequest request(Operation operation, Caller caller, Map<String, String> known, Random random) {
        StringBuilder path = new StringBuilder();
        Matcher parameter = PATH_PARAMETER.matcher(operation.path());
        while (parameter.find()) {
            String value = random.nextInt(3) == 0 && known.containsKey(parameter.group(1))
                    ? known.get(parameter.group(1)) : hostileText(random);
            parameter.appendReplacement(path, Matcher.quoteReplacement(encode(pathSafe(value))));
        }
        parameter.appendTail(path);
        StringBuilder query = new StringBuilder();
        for (JsonObject p : operation.parameters()) {
            if ("query".equals(p.getString("in", "")) && random.nextInt(3) > 0) {
                query.append(query.isEmpty() ? "?" : "&").append(encode(p.getString("name")))
                        .append('=').append(encode(hostileValue(random)));
            }
        }
        if (random.nextInt(8) == 0) {
            query.append(query.isEmpty() ? "?" : "&").append(encode(hostileText(random))).append('=')
                    .append(encode(hostileText(random)));
        }
        String target = base + path.substring(1) + query;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(60));
        caller.headers().get().forEach(request::header);
        request.header("X-Forwarded-For", random.nextInt(10) == 0 ? headerSafe("not an address, " + hostileText(random))
                : "198.51.100." + (1 + random.nextInt(254)));
        for (JsonObject p : operation.parameters()) {
            // the client sets Content-Length, Host and the like itself
            if ("header".equals(p.getString("in", "")) && random.nextBoolean()
                    && !RESTRICTED_HEADERS.contains(p.getString("name").toLowerCase())) {
                request.header(p.getString("name"), headerSafe(hostileText(random)));
            }
        }
        if (random.nextInt(6) == 0) {
            request.header(List.of("Range", "If-None-Match", "If-Modified-Since", "Accept", "Idempotency-Key",
                    "Accept-Language").get(random.nextInt(6)), headerSafe(hostileValue(random)));
        }
        boolean withBody = operation.body() != null || random.nextInt(10) == 0;
        if (!withBody) {
            return request.method(operation.method(), HttpRequest.BodyPublishers.noBody()).build();
        }
        String contentType = operation.body() != null && operation.body().containsKey("content")
                && !operation.body().getJsonObject("content").isEmpty()
                ? operation.body().getJsonObject("content").keySet().iterator().next() : "application/json";
        if (random.nextInt(5) == 0) {
            contentType = List.of("text/plain", "application/xml", "multipart/form-data; boundary=",
                    "application/json; charset=bogus", "image/png").get(random.nextInt(5));
        }
        request.header("Content-Type", contentType);
        return request.method(operation.method(), HttpRequest.BodyPublishers.ofByteArray(body(operation, random)))
                .build();
    }

    /** Broken JSON, JSON of the wrong shape, fields of the right names with hostile values, or plain bulk. */
    private static byte[] body(Operation operation, Random random) {
        List<String> fields = fieldNames(operation);
        String text = switch (random.nextInt(7)) {
            case 0 -> List.of("{", "[1,2", "{\"a\":}", "nul", "\"\\u0000\"", "{\"a\":1}}", "")
                    .get(random.nextInt(7));
            case 1 -> List.of("[]", "42", "\"text\"", "null", "true", "[{}]", "{}").get(random.nextInt(7));
            case 2 -> "{\"" + "k".repeat(200_000) + "\":1}";
            case 3 -> {
                byte[] bulk = new byte[random.nextInt(40) == 0 ? 3_000_000 : 1 + random.nextInt(60_000)];
                random.nextBytes(bulk);
                yield new String(bulk, StandardCharsets.ISO_8859_1);
            }
            default -> {
                Map<String, String> values = new LinkedHashMap<>();
                for (String field : fields) {
                    if (random.nextInt(4) > 0) {
                        values.put(field, hostileJson(random));
                    }
                }
                StringBuilder json = new StringBuilder("{");
                values.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k)
                        .append("\":").append(v));
                yield json.append('}').toString();
            }
        };
        return text.getBytes(random.nextInt(10) == 0 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8);
    }

    private static List<String> fieldNames(Operation operation) {
        List<String> names = new ArrayList<>(List.of("text", "title", "code", "username", "password", "roles",
                "rating", "status", "kind", "url", "startsAt", "endsAt", "hashtag", "displayName", "reason"));
        if (operation.body() != null) {
            collectPropertyNames(operation.body(), names);
        }
        return names.stream().distinct().toList();
    }

    private static void collectPropertyNames(JsonValue value, List<String> names) {
        if (value.getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject object = value.asJsonObject();
            if (object.containsKey("properties")
                    && object.get("properties").getValueType() == JsonValue.ValueType.OBJECT) {
                names.addAll(object.getJsonObject("properties").keySet());
            }
            object.values().forEach(v -> collectPropertyNames(v, names));
        } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            value.asJsonArray().forEach(v -> collectPropertyNames(v, names));
        }
    }

    private static String hostileJson(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> Json.createValue(hostileText(random)).toString();
            case 1 -> List.of("-1", "0", "1e309", "99999999999999999999999", "-9223372036854775809", "0.5",
                    "NaN").get(random.nextInt(7));
            case 2 -> List.of("null", "true", "[]", "{}", "[null]", "{\"a\":[[[[[[[[[[]]]]]]]]]]}")
                    .get(random.nextInt(6));
            case 3 -> "[" + "[".repeat(2_000) + "]".repeat(2_000) + "]";
            case 4 -> Json.createValue("x".repeat(random.nextInt(10) == 0 ? 1_100_000 : 10_000 + random.nextInt(100_000)))
                    .toString();
            case 5 -> Json.createValue(List.of("2026-02-30T25:61:00Z", "9999-12-31T23:59:59Z",
                    "-999999999-01-01T00:00:00Z", "yesterday", "").get(random.nextInt(5))).toString();
            case 6 -> Json.createValue(List.of("MASTODON", "LIVE", "ENDED", "APPROVED", "admin", "https://[::1]/",
                    "http://169.254.169.254/latest", "file:///etc/passwd", "javascript:alert(1)")
                    .get(random.nextInt(9))).toString();
            default -> Json.createValue(hostileValue(random)).toString();
        };
    }

    /** A value that is not far from what a field expects. */
    private static String hostileValue(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> Long.toString(random.nextLong());
            case 1 -> "99999999999999999999";
            case 2 -> "bytes=99999999999999999999-";
            case 3 -> "-1";
            case 4 -> "";
            default -> hostileText(random);
        };
    }

    /** Text nobody would type: control characters, scripts, lone surrogates, bulk, traversal, SQL. */
    private static String hostileText(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> "\u0000\u0001\u007f\u200b\u202e\ufeff";
            case 1 -> "<script>alert(1)</script>\"'><img src=x onerror=alert(1)>";
            case 2 -> "\ud800 lone \udfff surrogates";
            case 3 -> "A".repeat(1 + random.nextInt(1_500));
            case 4 -> "../../WEB-INF/web.xml";
            case 5 -> "' OR 1=1; DROP TABLE question; --";
            case 6 -> "%zz%00%";
            case 7 -> "ｒｅｖ２ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩‍⚕️";
            case 8 -> "${jndi:ldap://127.0.0.1/a}";
            default -> Integer.toString(random.nextInt());
        };
    }

    /**
     * A path segment the HTTP layer lets through: Payara refuses a NUL or a backslash in a path with a bare 400 before
     * any of Rounds runs ({@link #theHttpLayerRefusesWhatItCannotParseAndGoesOnAnswering}).
     */
    private static String pathSafe(String value) {
        String safe = value.replace("\u0000", "").replace("\\", "");
        return safe.isEmpty() ? "x" : safe;
    }

    private static String encode(String value) {
        // an unpaired surrogate cannot be encoded as UTF-8: the encoder writes '?', as a browser would send it
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** HTTP headers carry visible ASCII only; the client refuses anything else. */
    private static String headerSafe(String value) {
        String safe = value.replaceAll("[^\\x20-\\x7e]", "?").strip();
        return safe.isEmpty() ? "?" : safe.substring(0, Math.min(safe.length(), 2_000));
    }

    private static String abbreviate(String text, int max) {
        String single = text == null ? "" : text.replaceAll("\\s+", " ");
        return single.length() <= max ? single : single.substring(0, max) + "…";
    }
}
