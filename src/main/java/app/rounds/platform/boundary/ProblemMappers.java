package app.rounds.platform.boundary;

import app.rounds.platform.control.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS picks the most specific mapper, and Jersey brings its own for validation; these three take every
 * exception to {@link ProblemResponses}.
 */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    @Provider
    public static class Refusals implements ExceptionMapper<ProblemException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ProblemException e) {
            return ProblemResponses.of(e, uri);
        }
    }

    @Provider
    public static class InvalidInput implements ExceptionMapper<ConstraintViolationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ConstraintViolationException e) {
            return ProblemResponses.of(e, uri);
        }
    }

    @Provider
    public static class Everything implements ExceptionMapper<Throwable> {
        @Context
        UriInfo uri;

        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(Throwable e) {
            if (ProblemResponses.clientWentAway(e)) {
                ClientGoneResponse.markGone(request);
            }
            return ProblemResponses.of(e, uri);
        }
    }
}
