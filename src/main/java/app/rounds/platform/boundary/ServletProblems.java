package app.rounds.platform.boundary;

import app.rounds.platform.control.DatabaseOutages;
import app.rounds.platform.control.ProblemException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Problem answers written straight to a servlet response, for code that runs outside JAX-RS (filters, error page). */
public final class ServletProblems {

    private static final Jsonb JSON = JsonbBuilder.create();

    private ServletProblems() {
    }

    public static void write(HttpServletResponse response, ProblemException refusal, String instance) throws IOException {
        write(response, withRetryAfter(response, refusal, instance));
    }

    /** The refusal's problem, its Retry-After already set on the response. */
    static Problem withRetryAfter(HttpServletResponse response, ProblemException refusal, String instance) {
        if (refusal.retryAfter() != null) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000)));
        }
        return Problem.of(refusal.type(), refusal.title(), refusal.kind().status, refusal.getMessage(), instance,
                refusal.fieldErrors());
    }

    /**
     * An unexpected failure: 503 {@code database-unavailable} with Retry-After when the database could not be reached,
     * else 500 {@code internal-error} with a logged incident.
     */
    public static void write(HttpServletResponse response, Throwable failure, String instance) throws IOException {
        if (DatabaseOutages.report(failure)) {
            write(response, DatabaseOutages.refusal(), instance);
        } else {
            write(response, ProblemResponses.internalError(failure, instance));
        }
    }

    public static void write(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.toJson(problem));
    }
}
