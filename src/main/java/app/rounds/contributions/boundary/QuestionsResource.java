package app.rounds.contributions.boundary;

import app.rounds.contributions.control.Idempotency;
import app.rounds.contributions.control.QuestionViews.OwnQuestion;
import app.rounds.contributions.control.QuestionViews.OwnVotes;
import app.rounds.contributions.control.QuestionViews.VoteView;
import app.rounds.contributions.control.QuestionQueue;
import app.rounds.contributions.control.Questions;
import app.rounds.contributions.control.VoteQueue;
import app.rounds.contributions.entity.Question;
import app.rounds.platform.control.ClientAddresses;
import app.rounds.platform.control.Conflicts;
import app.rounds.sessions.boundary.ParticipantsResource;
import app.rounds.sessions.control.Participants;
import app.rounds.sessions.control.Participants.Joined;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * A trainee's questions: ask, see one's own (with where they stand), withdraw one's own, vote and see one's votes.
 * Authenticated by the participant token in the {@code Rounds-Participant} header; POSTs accept an
 * {@code Idempotency-Key}; PUT and DELETE are idempotent by themselves.
 */
@ApplicationScoped
@Path("participants/me/questions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Trainees")
public class QuestionsResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    public record NewQuestion(@NotBlank @Size(max = Question.MAX_LENGTH) String text) {
    }

    public record Vote(@NotNull Boolean voted) {
    }

    @Inject
    Participants participants;

    @Inject
    Questions questions;

    @Inject
    QuestionQueue newQuestions;

    @Inject
    VoteQueue votes;

    @Inject
    ClientAddresses clientAddresses;

    /** Jersey's proxy to the request being served: this resource is one object for all requests. */
    @Context
    HttpServletRequest request;

    @POST
    @Operation(summary = "Ask a question; it waits for moderation when the session pre-moderates or screening holds it")
    public Response ask(@HeaderParam(ParticipantsResource.TOKEN_HEADER) String token,
                        @HeaderParam(IDEMPOTENCY_KEY) String key, @Valid @NotNull NewQuestion question) {
        Joined trainee = participants.trainee(token);
        return answer(newQuestions.ask(trainee, question.text(), key, clientAddresses.of(request)));
    }

    @GET
    @Operation(summary = "The questions this participant asked, with their moderation status")
    public List<OwnQuestion> asked(@HeaderParam(ParticipantsResource.TOKEN_HEADER) String token) {
        return questions.asked(participants.trainee(token));
    }

    @POST
    @Path("{questionId}/vote")
    @Operation(summary = "Vote for an approved question, or take the vote back (a toggle)")
    public Response vote(@HeaderParam(ParticipantsResource.TOKEN_HEADER) String token,
                         @HeaderParam(IDEMPOTENCY_KEY) String key, @PathParam("questionId") String questionId) {
        Joined trainee = participants.trainee(token);
        return answer(votes.vote(trainee, questionId, null, key, clientAddresses.of(request)));
    }

    @PUT
    @Path("{questionId}/vote")
    @Operation(summary = "Vote for an approved question (voted: true) or not (false): the same answer however often "
            + "it is sent")
    @APIResponse(responseCode = "200", description = "Whether the participant now votes for it, and its count",
            content = @Content(schema = @Schema(implementation = VoteView.class)))
    public Response setVote(@HeaderParam(ParticipantsResource.TOKEN_HEADER) String token,
                            @PathParam("questionId") String questionId, @Valid @NotNull Vote vote) {
        Joined trainee = participants.trainee(token);
        return answer(votes.vote(trainee, questionId, vote.voted(), null, clientAddresses.of(request)));
    }

    @GET
    @Path("votes")
    @Operation(summary = "The questions this participant votes for")
    public OwnVotes votes(@HeaderParam(ParticipantsResource.TOKEN_HEADER) String token) {
        return new OwnVotes(questions.votedFor(participants.trainee(token)));
    }

    @DELETE
    @Path("{questionId}")
    @Operation(summary = "Withdraw one's own question: it leaves the moderation queue and the board at once and is "
            + "never shown or published again (403 for another participant's question)")
    public OwnQuestion withdraw(@HeaderParam(ParticipantsResource.TOKEN_HEADER) String token,
                                @PathParam("questionId") String questionId) {
        Joined trainee = participants.trainee(token);
        // a moderator deciding on it at the same moment: the withdrawal is done again on what they left
        return Conflicts.retried(() -> questions.withdrawOwn(trainee, questionId));
    }

    static Response answer(Idempotency.Answer answer) {
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.json()).build();
    }
}
