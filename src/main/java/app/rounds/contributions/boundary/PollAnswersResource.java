package app.rounds.contributions.boundary;

import app.rounds.contributions.control.Idempotency;
import app.rounds.contributions.control.PollAnswerQueue;
import app.rounds.contributions.control.PollRules;
import app.rounds.contributions.control.Polls;
import app.rounds.contributions.control.PostingLimits;
import app.rounds.platform.control.ClientAddresses;
import app.rounds.platform.control.Conflicts;
import app.rounds.sessions.boundary.ParticipantsResource;
import app.rounds.sessions.control.Participants;
import app.rounds.sessions.control.Participants.Joined;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * A trainee's side of polls: the session's current poll (with their answer, and the results when shown) and
 * answering it. Authenticated by the participant token; an answer accepts an {@code Idempotency-Key}.
 */
@ApplicationScoped
@Path("participants/me/polls")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Trainees")
public class PollAnswersResource {

    /** What the poll's kind asks for: choices (positions of options), a rating, up to three words, or a text. */
    public record AnswerRequest(List<Integer> choices, Integer rating, List<String> words, String text) {
    }

    @Inject
    Participants participants;

    @Inject
    Polls polls;

    @Inject
    PollAnswerQueue pollAnswers;

    @Inject
    Idempotency idempotency;

    @Inject
    PostingLimits limits;

    @Inject
    ClientAddresses clientAddresses;

    /** Jersey's proxy to the request being served: this resource is one object for all requests. */
    @Context
    HttpServletRequest request;

    @GET
    @Path("current")
    @Operation(summary = "The session's current poll (the open one, else the one closed last) with this participant's "
            + "answer and, when the presenter shows them, the results; 204 before any poll was opened")
    public Response current(@HeaderParam(ParticipantsResource.TOKEN_HEADER) String token) {
        Joined trainee = participants.trainee(token);
        return polls.current(trainee).map(Response::ok).orElseGet(Response::noContent).build();
    }

    @POST
    @Path("{pollId}/answer")
    @Operation(summary = "Answer the open poll, or change the answer while it is open (409 once it closed); words "
            + "and open text are screened, and wait for a moderator when screening holds them")
    public Response answer(@HeaderParam(ParticipantsResource.TOKEN_HEADER) String token,
                           @HeaderParam(QuestionsResource.IDEMPOTENCY_KEY) String key,
                           @PathParam("pollId") String pollId, @NotNull AnswerRequest answer) {
        Joined trainee = participants.trainee(token);
        String address = clientAddresses.of(request);
        PollRules.Answer given = new PollRules.Answer(answer.choices(), answer.rating(), answer.words(), answer.text());
        if (answer.words() == null && answer.text() == null) {
            // choices or a rating: stored in batches, limited as votes
            return QuestionsResource.answer(pollAnswers.answer(trainee, pollId, given, key, address));
        }
        // free text: screened one answer at a time, limited as posts
        return QuestionsResource.answer(Conflicts.retried(() -> idempotency.once(trainee.participant().id(), key,
                PollAnswerQueue.request(pollId, given), 200, () -> {
                    limits.post(trainee.participant().id(), address);
                    return polls.answer(trainee, pollId, given);
                })));
    }
}
