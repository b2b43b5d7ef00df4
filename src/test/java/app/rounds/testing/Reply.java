package app.rounds.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.http.HttpHeaders;
import java.util.List;

/** An HTTP answer as the tests look at it. */
public record Reply(int status, HttpHeaders headers, String body) {

    public JsonObject json() {
        return (JsonObject) parse();
    }

    public JsonArray array() {
        return (JsonArray) parse();
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public List<String> headers(String name) {
        return headers.allValues(name);
    }

    public String contentType() {
        return header("Content-Type");
    }

    /** The problem's type slug, such as "validation-failed". */
    public String problemType() {
        String type = json().getString("type");
        return type.substring(type.lastIndexOf(':') + 1);
    }

    /** The fields a validation problem names. */
    public List<String> problemFields() {
        JsonObject problem = json();
        if (!problem.containsKey("errors")) {
            return List.of();
        }
        return problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
    }

    private JsonValue parse() {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            throw new AssertionError("Not JSON (" + status + "): " + body, e);
        }
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
