package app.rounds.platform.boundary;

import app.rounds.platform.control.Conflicts;
import app.rounds.platform.control.DatabaseOutages;
import app.rounds.platform.control.FieldMessages;
import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.ProblemException.FieldError;
import app.rounds.platform.control.RepeatedLog;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.EOFException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place that turns a failure into an {@code application/problem+json} response. The JAX-RS exception
 * mappers below only pick the right method; servlet-level code (authentication, CSRF) calls it directly.
 */
public final class ProblemResponses {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class.getName());
    private static final RepeatedLog CLIENTS_GONE = new RepeatedLog(LOG);
    private static final RepeatedLog WITHOUT_CAUSE = new RepeatedLog(LOG);
    /** Tells non-browser clients how to authenticate without making browsers prompt for Basic credentials. */
    public static final String AUTHENTICATE_CHALLENGE = "Bearer realm=\"rounds\"";

    private ProblemResponses() {
    }

    public static Response of(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = build(e.kind().status,
                Problem.of(e.type(), e.title(), e.kind().status, e.getMessage(), instance(uri), e.fieldErrors()));
        if (e.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Math.max(1, (e.retryAfter().toMillis() + 999) / 1000));
        }
        if (e.kind() == ProblemException.Kind.UNAUTHENTICATED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, AUTHENTICATE_CHALLENGE);
        }
        return response.build();
    }

    public static Response of(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = fieldErrors(e.getConstraintViolations());
        String detail = errors.isEmpty() ? "The request is not valid."
                : String.join(" ", errors.stream().map(FieldError::message).toList());
        return build(400, Problem.of("validation-failed", "The request is not valid", 400, detail, instance(uri),
                errors)).build();
    }

    /**
     * One error per field, in words: a declared constraint before a rule ({@link FieldRules}) on the same field, so
     * that "hand hygiene" as a hashtag is told once what a hashtag may hold.
     */
    static List<FieldError> fieldErrors(Set<ConstraintViolation<?>> violations) {
        Map<String, FieldError> byField = new TreeMap<>();
        violations.stream()
                .sorted(Comparator.comparing((ConstraintViolation<?> v) -> isRule(v))
                        .thenComparing(ConstraintViolation::getMessageTemplate))
                .forEach(v -> byField.putIfAbsent(fieldName(v), new FieldError(fieldName(v), words(v))));
        return List.copyOf(byField.values());
    }

    private static boolean isRule(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation() instanceof FieldRules.Checked;
    }

    private static String words(ConstraintViolation<?> violation) {
        if (isRule(violation)) {
            return violation.getMessage(); // the rule's own sentence
        }
        String property = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                property = node.getName();
            }
        }
        // the record holding the field, for wording particular to it; none for a parameter or the body itself
        String type = property == null || violation.getLeafBean() == null ? null
                : violation.getLeafBean().getClass().getSimpleName();
        return FieldMessages.of(type, property == null ? fieldName(violation) : property,
                violation.getConstraintDescriptor().getAnnotation(), violation.getInvalidValue());
    }

    public static Response of(Throwable e, UriInfo uri) {
        if (DatabaseOutages.report(e)) {
            return of(DatabaseOutages.refusal(), uri);
        }
        if (clientWentAway(e)) {
            // nothing went wrong here: a phone lost its network mid-upload; no incident, and one line a minute
            CLIENTS_GONE.log(Level.INFO, "client-gone", () -> "A client went away before its request to "
                    + instance(uri) + " had arrived");
            return build(400, Problem.of("request-incomplete", "Request incomplete", 400,
                    "The connection ended before the whole request arrived; send it again.", instance(uri), null))
                    .build();
        }
        if (bodyTimedOut(e)) {
            // a staff member's body is read as it comes (BodyBufferingFilter): it stopped arriving
            return build(408, Problem.of("body-too-slow", "Request took too long", 408,
                    "The request body did not arrive in time; send it again.", instance(uri), null)).build();
        }
        if (unreadableJson(e)) {
            return malformedJson(uri);
        }
        if (Conflicts.settledByRetrying(e)) { // a race lost to another request: a row changed, a deadlock broken
            return build(409, Problem.of("concurrent-change", "Changed by someone else", 409,
                    "Someone else changed this at the same moment; reload it and try again.", instance(uri), null))
                    .build();
        }
        if (e instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            if (status >= 500) {
                return unexpected(e, uri);
            }
            Response.ResponseBuilder response = build(status, ofStatus(status, instance(uri)));
            if (wae instanceof NotAuthorizedException) {
                response.header(HttpHeaders.WWW_AUTHENTICATE, AUTHENTICATE_CHALLENGE);
            }
            wae.getResponse().getHeaders().forEach((name, values) -> {
                if (name.equalsIgnoreCase(HttpHeaders.ALLOW)) {
                    values.forEach(v -> response.header(name, v));
                }
            });
            return response.build();
        }
        return unexpected(e, uri);
    }

    /** Reading the body gave up waiting for it (Grizzly's read timeout), as Jersey reports it. */
    static boolean bodyTimedOut(Throwable e) {
        return e instanceof ProcessingException && causedBy(e, TimeoutException.class);
    }

    private static boolean unreadableJson(Throwable e) {
        return causedBy(e, JsonbException.class) || causedBy(e, JsonParsingException.class);
    }

    /** The server's connection ended while the request was read (Grizzly's EOFException), not a file of ours. */
    static boolean clientWentAway(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof EOFException && cause.getStackTrace().length > 0
                    && cause.getStackTrace()[0].getClassName().startsWith("org.glassfish.grizzly.")) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static Response malformedJson(UriInfo uri) {
        return build(400, Problem.of("malformed-json", "The request body is not valid JSON", 400,
                "The body is not JSON of the expected shape: check the syntax and the types of the fields "
                        + "(instants as ISO-8601 such as 2026-12-01T09:00:00Z, enumerations as listed in /openapi).", instance(uri), null)).build();
    }

    private static Response unexpected(Throwable e, UriInfo uri) {
        return build(500, internalError(e, instance(uri))).build();
    }

    /** A refusal known only by its status (a JAX-RS or container 4xx): {@code http-<status>}, in words that help. */
    public static Problem ofStatus(int status, String instance) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return Problem.of("http-" + status, known == null ? "Request refused" : known.getReasonPhrase(), status,
                safeDetail(status), instance, null);
    }

    /** Logs the failure with a new incident id, and describes it to the client by that id only. */
    public static Problem internalError(Throwable e, String instance) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + incident + " while serving " + instance, e);
        return Problem.of("internal-error", "Internal error", 500,
                "Something went wrong on our side; the incident " + incident + " was logged.", instance, null);
    }

    /**
     * A 500 that the container reports without an exception (the answer could not be written, mostly because the
     * client had gone): one line, since a stack trace would show only this error page.
     */
    public static Problem internalErrorWithoutCause(String instance) {
        String incident = UUID.randomUUID().toString();
        WITHOUT_CAUSE.log(Level.WARNING, "no-cause", () -> "Incident " + incident + " while serving " + instance
                + ": status 500 without an exception (often a client that went away before its answer)");
        return Problem.of("internal-error", "Internal error", 500,
                "Something went wrong on our side; the incident " + incident + " was logged.", instance, null);
    }

    private static String safeDetail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed: check the address, its parameters and the JSON body.";
            case 401 -> "Log in, or send a bearer token.";
            case 403 -> "Your roles do not allow this.";
            case 404 -> "There is nothing at this address.";
            case 413 -> "The request is too large.";
            case 414 -> "The address is too long.";
            case 416 -> "The range asked for lies outside the file.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in the media type asked for.";
            case 415 -> "Send the body as application/json.";
            default -> "The request was refused.";
        };
    }

    private static Response.ResponseBuilder build(int status, Problem problem) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String instance(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    /**
     * The field as the client names it, which is also the name of the page's input: {@code title},
     * {@code justifications[2].justification}; a constraint on a list's plain values is the list's ({@code roles}).
     */
    static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        List<Class<?>> parameterTypes = List.of();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                parameterTypes = node.as(Path.MethodNode.class).getParameterTypes();
            } else if (node.getKind() == ElementKind.PARAMETER) {
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                // the request's JSON body is a record; a query parameter is named as in the address
                parameter = index < parameterTypes.size() && parameterTypes.get(index).isRecord() ? "body"
                        : node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                if (node.isInIterable() && node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter == null ? "body" : parameter;
    }

}
