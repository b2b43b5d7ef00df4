package app.rounds.contributions.boundary;

import app.rounds.contributions.control.FeedbackBox;
import app.rounds.contributions.control.Idempotency;
import app.rounds.contributions.control.PostingLimits;
import app.rounds.contributions.entity.Feedback;
import app.rounds.platform.control.ClientAddresses;
import app.rounds.sessions.boundary.ParticipantsResource;
import app.rounds.sessions.control.Participants;
import app.rounds.sessions.control.Participants.Joined;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A trainee's feedback on the session: a rating and an optional comment, for the staff only. */
@ApplicationScoped
@Path("participants/me/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Trainees")
public class FeedbackResource {

    public record NewFeedback(@NotNull @Min(1) @Max(5) Integer rating,
                              @Size(max = Feedback.MAX_COMMENT) String comment) {
    }

    @Inject
    Participants participants;

    @Inject
    FeedbackBox feedback;

    @Inject
    Idempotency idempotency;

    @Inject
    PostingLimits limits;

    @Inject
    ClientAddresses clientAddresses;

    /** Jersey's proxy to the request being served: this resource is one object for all requests. */
    @Context
    HttpServletRequest request;

    @POST
    @Operation(summary = "Rate the session 1–5 with an optional comment; giving feedback again replaces it")
    public Response give(@HeaderParam(ParticipantsResource.TOKEN_HEADER) String token,
                         @HeaderParam(QuestionsResource.IDEMPOTENCY_KEY) String key,
                         @Valid @NotNull NewFeedback given) {
        Joined trainee = participants.trainee(token);
        String address = clientAddresses.of(request);
        return QuestionsResource.answer(idempotency.once(trainee.participant().id(), key,
                "POST feedback " + given.rating() + " " + given.comment(), 200,
                () -> {
                    limits.post(trainee.participant().id(), address);
                    return feedback.give(trainee, given.rating(), given.comment());
                }));
    }
}
