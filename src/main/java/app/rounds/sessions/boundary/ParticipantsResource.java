package app.rounds.sessions.boundary;

import app.rounds.platform.control.ClientAddresses;
import app.rounds.sessions.control.Participants;
import app.rounds.sessions.control.SessionSummary;
import app.rounds.sessions.entity.Participant;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Trainees joining a session by its code. Open to everyone: the join code is the key, and wrong codes are
 * rate-limited. The participant token in the answer is shown once; send it back in the {@value #TOKEN_HEADER} header.
 */
@ApplicationScoped
@Path("participants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Trainees")
public class ParticipantsResource {

    public static final String TOKEN_HEADER = "Rounds-Participant";

    public record JoinRequest(@NotBlank @Size(max = 20) String code,
                              @Size(max = Participant.MAX_NAME_LENGTH) String displayName,
                              boolean quoteByName) {
    }

    /** {@code joinCode} is the code the trainee joined with: their page opens the live board with it. */
    public record ParticipantView(String participantId, String displayName, boolean quoteByName, String token,
                                  String joinCode, SessionSummary session) {
    }

    @Inject
    Participants participants;

    @Inject
    ClientAddresses clientAddresses;

    /** Jersey's proxy to the request being served: this resource is one object for all requests. */
    @Context
    HttpServletRequest request;

    @POST
    @PermitAll
    @Operation(summary = "Join a session with its code (optionally with a display name, and agreeing to be quoted by it "
            + "in published highlights); returns the participant token once")
    public Response joinSession(@Valid @NotNull JoinRequest join) {
        Participants.Joined joined = participants.join(join.code(), join.displayName(), join.quoteByName(),
                clientAddresses.of(request));
        return Response.status(Response.Status.CREATED).entity(view(joined, joined.token())).build();
    }

    @GET
    @Path("me")
    @PermitAll
    @Operation(summary = "The participant holding the token in the Rounds-Participant header, and their session")
    public ParticipantView me(@HeaderParam(TOKEN_HEADER) String token) {
        return view(participants.trainee(token), null);
    }

    public record Quoting(@NotNull Boolean quoteByName) {
    }

    @PUT
    @Path("me/quoting")
    @PermitAll
    @Operation(summary = "Agree to be quoted by one's display name in published highlights, or take it back "
            + "(which takes down whatever published quotes them)")
    public ParticipantView changeQuoting(@HeaderParam(TOKEN_HEADER) String token, @Valid @NotNull Quoting quoting) {
        return view(participants.changeQuoting(token, quoting.quoteByName()), null);
    }

    private static ParticipantView view(Participants.Joined joined, String token) {
        return new ParticipantView(joined.participant().id(), joined.participant().displayName(),
                joined.participant().quoteByName(), token,
                joined.session().joinCode().value(), SessionSummary.of(joined.session()));
    }
}
