package app.rounds.platform.control;

import java.time.Duration;
import java.util.List;

/**
 * A refusal a client can act on: it becomes an RFC 9457 problem with a stable {@code type} slug, the status of its
 * {@link Kind}, and (for invalid input) the fields at fault. Control classes throw it; only the problem mappers
 * turn it into HTTP.
 */
public class ProblemException extends RuntimeException {

    public enum Kind {
        INVALID(400), UNAUTHENTICATED(401), FORBIDDEN(403), NOT_FOUND(404), REQUEST_TIMEOUT(408), CONFLICT(409), GONE(410),
        PAYLOAD_TOO_LARGE(413), UNSUPPORTED_MEDIA_TYPE(415), UNPROCESSABLE(422), TOO_MANY_REQUESTS(429),
        NOT_IMPLEMENTED(501), UNAVAILABLE(503);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    public record FieldError(String field, String message) {
    }

    private final Kind kind;
    private final String type;
    private final String title;
    private final List<FieldError> fieldErrors;
    private final Duration retryAfter;

    public ProblemException(Kind kind, String type, String title, String detail, List<FieldError> fieldErrors,
                            Duration retryAfter) {
        super(detail, null, false, false);
        this.kind = kind;
        this.type = type;
        this.title = title;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.retryAfter = retryAfter;
    }

    /** {@code message}: a sentence naming the field in words, e.g. "The end must be after the start." */
    public static ProblemException invalidField(String field, String message) {
        return invalidFields(List.of(new FieldError(field, message)));
    }

    /** Every field at fault at once; the detail repeats their sentences for clients that show only it. */
    public static ProblemException invalidFields(List<FieldError> errors) {
        return new ProblemException(Kind.INVALID, "validation-failed", "The request is not valid",
                String.join(" ", errors.stream().map(FieldError::message).toList()), errors, null);
    }

    public static ProblemException notFound(String type, String detail) {
        return new ProblemException(Kind.NOT_FOUND, type, "Not found", detail, List.of(), null);
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(Kind.CONFLICT, type, "Conflict with the current state", detail, List.of(), null);
    }

    public static ProblemException conflictOnField(String type, String field, String message) {
        return new ProblemException(Kind.CONFLICT, type, "Conflict with the current state", message,
                List.of(new FieldError(field, message)), null);
    }

    public static ProblemException gone(String type, String detail) {
        return new ProblemException(Kind.GONE, type, "No longer available", detail, List.of(), null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Kind.FORBIDDEN, "forbidden", "Forbidden", detail, List.of(), null);
    }

    public static ProblemException unauthenticated(String detail) {
        return new ProblemException(Kind.UNAUTHENTICATED, "unauthenticated", "Authentication required", detail,
                List.of(), null);
    }

    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        return new ProblemException(Kind.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", detail, List.of(),
                retryAfter);
    }

    public Kind kind() {
        return kind;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
