package app.rounds.sessions.boundary;

import app.rounds.platform.boundary.FieldRules;
import app.rounds.platform.control.ProblemException.FieldError;
import app.rounds.security.control.CurrentStaff;
import app.rounds.security.control.Roles;
import app.rounds.sessions.control.JoinLinks;
import app.rounds.sessions.control.TrainingSessions;
import app.rounds.sessions.entity.ModerationMode;
import app.rounds.sessions.entity.OtherPosts;
import app.rounds.sessions.entity.SessionDetails;
import app.rounds.sessions.entity.SessionStatus;
import app.rounds.sessions.entity.TrainingSession;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** Training sessions, for presenters and communicators (and admins). */
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PRESENTER, Roles.COMMUNICATOR, Roles.ADMIN})
@Tag(name = "Training sessions")
public class SessionsResource {

    @FieldRules.Checked
    public record SessionRequest(@NotBlank @Size(max = 200) String title,
                                 @Size(max = 200) String facility,
                                 @Size(max = 4000) String description,
                                 Instant scheduledStart,
                                 Instant scheduledEnd,
                                 String hashtag,
                                 ModerationMode moderationMode,
                                 OtherPosts otherPosts) implements FieldRules {

        @Override
        public List<FieldError> brokenRules() {
            return TrainingSessions.brokenRules(scheduledStart, scheduledEnd, hashtag);
        }

        SessionDetails details() {
            return TrainingSessions.describe(title, facility, description, scheduledStart, scheduledEnd, hashtag,
                    moderationMode, otherPosts);
        }
    }

    public record SessionView(String id, String title, String facility, String description, Instant scheduledStart,
                              Instant scheduledEnd, String hashtag, ModerationMode moderationMode,
                              OtherPosts otherPosts, SessionStatus status, String joinCode, String joinUrl, String qrCodeUrl,
                              Instant createdAt, Instant updatedAt, Instant startedAt, Instant endedAt) {
    }

    @Inject
    TrainingSessions sessions;

    @Inject
    JoinLinks joinLinks;

    @Inject
    CurrentStaff currentStaff;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "Sessions the caller owns (admins: all), newest first; optionally only those with a status")
    public List<SessionView> listSessions(@QueryParam("status") String status) {
        return sessions.sessionsOf(currentStaff.member(), TrainingSessions.statusFilter(status)).stream()
                .map(this::view).toList();
    }

    @POST
    @Operation(summary = "Schedule a session; it gets a join code and starts in status SCHEDULED")
    public Response scheduleSession(@Valid @NotNull SessionRequest request) {
        TrainingSession session = sessions.schedule(request.details(), currentStaff.member());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(session.id()).build())
                .entity(view(session)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One session")
    public SessionView session(@PathParam("id") String id) {
        return view(sessions.session(id, currentStaff.member()));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change what describes a session (not once it has ended)")
    public SessionView reviseSession(@PathParam("id") String id, @Valid @NotNull SessionRequest request) {
        return view(sessions.revise(id, request.details(), currentStaff.member()));
    }

    @POST
    @Path("{id}/start")
    @Operation(summary = "Go live: SCHEDULED → LIVE")
    public SessionView startSession(@PathParam("id") String id) {
        return view(sessions.start(id, currentStaff.member()));
    }

    @POST
    @Path("{id}/end")
    @Operation(summary = "End the session: SCHEDULED or LIVE → ENDED, for good")
    public SessionView endSession(@PathParam("id") String id) {
        return view(sessions.end(id, currentStaff.member()));
    }

    @GET
    @Path("{id}/qr.svg")
    @Produces("image/svg+xml")
    @Operation(summary = "QR code of the session's join link, for the projector")
    public Response joinQrCode(@PathParam("id") String id) {
        TrainingSession session = sessions.session(id, currentStaff.member());
        // no Cache-Control of its own: SecurityHeadersFilter's no-store, as for every answer that needs a login
        return Response.ok(JoinLinks.qrSvg(joinLinks.joinUrl(session.joinCode(), uriInfo.getBaseUri()))).build();
    }

    private SessionView view(TrainingSession s) {
        return new SessionView(s.id(), s.title(), s.facility(), s.description(), s.scheduledStart(),
                s.scheduledEnd(), s.hashtag() == null ? null : s.hashtag().text(), s.moderationMode(), s.otherPosts(), s.status(),
                s.joinCode().display(), joinLinks.joinUrl(s.joinCode(), uriInfo.getBaseUri()),
                uriInfo.getBaseUriBuilder().path(SessionsResource.class).path(s.id()).path("qr.svg").build().getPath(),
                s.createdAt(), s.updatedAt(), s.startedAt(), s.endedAt());
    }
}
