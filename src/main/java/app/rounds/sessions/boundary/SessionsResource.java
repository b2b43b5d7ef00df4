package app.rounds.sessions.boundary;

import app.rounds.platform.boundary.FieldRules;
import app.rounds.platform.control.ProblemException.FieldError;
import app.rounds.platform.control.Sha256;
import app.rounds.security.control.CurrentStaff;
import app.rounds.security.control.Roles;
import app.rounds.sessions.control.Agenda;
import app.rounds.sessions.control.JoinLinks;
import app.rounds.sessions.control.SessionPart;
import app.rounds.sessions.control.SessionStaff;
import app.rounds.sessions.control.SessionStaff.AccessView;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Training sessions, for presenters and communicators (and admins): each answer carries what the caller may use of
 * the session ({@code access}), so that pages draw only that.
 */
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
                              Instant createdAt, Instant updatedAt, Instant startedAt, Instant endedAt,
                              AccessView access) {
    }

    @Inject
    TrainingSessions sessions;

    @Inject
    SessionStaff staff;

    @Inject
    JoinLinks joinLinks;

    @Inject
    CurrentStaff currentStaff;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "Sessions the caller owns or is on the team of (admins: all): live first, then upcoming "
            + "(soonest first), then ended (latest first); optionally only those with a status. The answer has an "
            + "ETag: with If-None-Match, 304 while nothing in it changed (the Sessions page polls this way)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SessionView.class,
            type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "304", description = "Nothing changed since the answer with this ETag")
    public Response listSessions(@QueryParam("status") String status, @Context Request request) {
        List<TrainingSession> found = sessions.sessionsOf(currentStaff.member(), TrainingSessions.statusFilter(status));
        Map<String, AccessView> access = staff.accessToEach(currentStaff.member(), found);
        List<SessionView> views = found.stream().sorted(Agenda.ORDER).map(s -> view(s, access.get(s.id()))).toList();
        // the views are records of texts, instants and enums: their text names every field, so equal text, equal answer
        EntityTag tag = new EntityTag(Sha256.hex(views.toString()));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        return (unchanged != null ? unchanged : Response.ok(views)).tag(tag).build();
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
        return view(staff.require(currentStaff.member(), id, SessionPart.SEE));
    }

    @GET
    @Path("{id}/access")
    @Operation(summary = "What the caller may use of the session (parts SEE, BOARD, MEDIA, HIGHLIGHTS, MANAGE), how "
            + "they stand to it (OWNER, ADMIN, CO_PRESENTER, COMMUNICATOR, NONE), and for each other part why not, "
            + "in words naming who can grant it")
    public AccessView access(@PathParam("id") String id) {
        return staff.accessTo(currentStaff.member(), id);
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
        TrainingSession session = staff.require(currentStaff.member(), id, SessionPart.SEE);
        // no Cache-Control of its own: SecurityHeadersFilter's no-store, as for every answer that needs a login
        return Response.ok(JoinLinks.qrSvg(joinLinks.joinUrl(session.joinCode(), uriInfo.getBaseUri()))).build();
    }

    private SessionView view(TrainingSession s) {
        return view(s, staff.accessTo(currentStaff.member(), s.id()));
    }

    private SessionView view(TrainingSession s, AccessView access) {
        return new SessionView(s.id(), s.title(), s.facility(), s.description(), s.scheduledStart(),
                s.scheduledEnd(), s.hashtag() == null ? null : s.hashtag().text(), s.moderationMode(), s.otherPosts(), s.status(),
                s.joinCode().display(), joinLinks.joinUrl(s.joinCode(), uriInfo.getBaseUri()),
                uriInfo.getBaseUriBuilder().path(SessionsResource.class).path(s.id()).path("qr.svg").build().getPath(),
                s.createdAt(), s.updatedAt(), s.startedAt(), s.endedAt(), access);
    }
}
