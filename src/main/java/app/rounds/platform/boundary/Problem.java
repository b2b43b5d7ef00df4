package app.rounds.platform.boundary;

import app.rounds.platform.control.ProblemException.FieldError;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;

/** RFC 9457 problem details; {@code errors} lists the fields at fault when the input was invalid. */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:rounds:problem:";

    public static Problem of(String typeSlug, String title, int status, String detail, String instance,
                             List<FieldError> errors) {
        return new Problem(TYPE_PREFIX + typeSlug, title, status, detail, instance,
                errors == null || errors.isEmpty() ? null : List.copyOf(errors));
    }
}
