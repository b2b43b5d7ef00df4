package app.rounds.sessions.boundary;

import app.rounds.security.control.CurrentStaff;
import app.rounds.security.control.Roles;
import app.rounds.sessions.control.Participants;
import app.rounds.sessions.control.TrainingSessions;
import app.rounds.sessions.entity.ProjectorSettings;
import app.rounds.sessions.entity.ProjectorTheme;
import app.rounds.sessions.entity.TrainingSession;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * How the projector shows a session, chosen by its staff on the board; the projector follows live (session.updated).
 * Also the number of trainees who joined, which the projector shows when asked to and then keeps up to date from the
 * board's participants frames.
 */
@Path("sessions/{sessionId}/projector")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PRESENTER, Roles.COMMUNICATOR, Roles.ADMIN})
@Tag(name = "Training sessions")
public class ProjectorResource {

    public record ProjectorChange(@NotNull(message = "choose DARK or LIGHT") ProjectorTheme theme,
                                  @NotNull(message = "say whether the QR code is shown") Boolean showQrCode,
                                  @NotNull(message = "say whether the number of participants is shown")
                                  Boolean showParticipants) {
    }

    public record ProjectorView(ProjectorTheme theme, boolean showQrCode, boolean showParticipants,
                                long participants) {
    }

    @Inject
    TrainingSessions sessions;

    @Inject
    Participants participants;

    @Inject
    CurrentStaff currentStaff;

    @PathParam("sessionId")
    String sessionId;

    @GET
    @Operation(summary = "How the projector shows the session, and how many trainees joined it")
    public ProjectorView projector() {
        return view(sessions.session(sessionId, currentStaff.member()));
    }

    @PUT
    @Operation(summary = "Choose the projector's theme and whether it shows the QR code and the number of participants")
    public ProjectorView showOnProjector(@Valid @NotNull ProjectorChange change) {
        return view(sessions.showOnProjector(sessionId,
                new ProjectorSettings(change.theme(), change.showQrCode(), change.showParticipants()),
                currentStaff.member()));
    }

    private ProjectorView view(TrainingSession session) {
        ProjectorSettings settings = session.projector();
        return new ProjectorView(settings.theme(), settings.showQrCode(), settings.showParticipants(),
                participants.countIn(session.id()));
    }
}
