package app.rounds.sessions.boundary;

import app.rounds.platform.control.ProblemException;
import app.rounds.security.control.CurrentStaff;
import app.rounds.security.control.Roles;
import app.rounds.sessions.control.SessionTeams;
import app.rounds.sessions.control.SessionTeams.MemberView;
import app.rounds.sessions.control.SessionTeams.TeamView;
import app.rounds.sessions.entity.TeamRole;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;

/**
 * A session's team, by user name: everyone on it reads it; its owner or an admin adds co-presenters (the board) and
 * communicators (media and highlights), changes their role and removes them, with effect at once.
 */
@Path("sessions/{sessionId}/team")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PRESENTER, Roles.COMMUNICATOR, Roles.ADMIN})
@Tag(name = "Session teams")
public class SessionTeamResource {

    /** The member's role in the session: CO_PRESENTER or COMMUNICATOR. */
    public record Placement(String role) {
    }

    @Inject
    SessionTeams teams;

    @Inject
    CurrentStaff currentStaff;

    @Context
    UriInfo uriInfo;

    @PathParam("sessionId")
    String sessionId;

    @GET
    @Operation(summary = "The session's owner and team members with their roles")
    public TeamView team() {
        return teams.team(sessionId, currentStaff.member());
    }

    @GET
    @Path("{username}")
    @Operation(summary = "One team member; 404 when that user is not on the team")
    public MemberView member(@PathParam("username") String username) {
        return teams.member(sessionId, username, currentStaff.member());
    }

    @PUT
    @Path("{username}")
    @Operation(summary = "Add a staff member to the team (201) or change their role (200): {\"role\":\"CO_PRESENTER\"} "
            + "or {\"role\":\"COMMUNICATOR\"}; the owner or an admin; 404 unknown user, 409 the owner, a disabled "
            + "account or a user without the presenter (co-presenter) or communicator (communicator) role")
    public Response place(@PathParam("username") String username, @NotNull(message = "send the role in the session")
                          Placement placement) {
        SessionTeams.Placed placed = teams.place(sessionId, username, parse(placement.role()), currentStaff.member());
        if (placed.added()) {
            return Response.created(uriInfo.getAbsolutePath()).entity(placed.member()).build();
        }
        return Response.ok(placed.member()).build();
    }

    @DELETE
    @Path("{username}")
    @Operation(summary = "Take a member off the team; their open moderation streams of the session close at once")
    public Response remove(@PathParam("username") String username) {
        teams.remove(sessionId, username, currentStaff.member());
        return Response.noContent().build();
    }

    static TeamRole parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw ProblemException.invalidField("role", "choose co-presenter or communicator");
        }
        try {
            return TeamRole.valueOf(typed.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("role", "choose co-presenter or communicator, not “" + typed + "”");
        }
    }
}
