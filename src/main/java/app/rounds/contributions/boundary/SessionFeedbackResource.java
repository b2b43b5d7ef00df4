package app.rounds.contributions.boundary;

import app.rounds.contributions.control.FeedbackBox;
import app.rounds.security.control.CurrentStaff;
import app.rounds.security.control.Roles;
import app.rounds.sessions.control.SessionPart;
import app.rounds.sessions.control.SessionStaff;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** A session's feedback, for its staff: the summary and every rating with its comment and screening findings. */
@Path("sessions/{sessionId}/feedback")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PRESENTER, Roles.COMMUNICATOR, Roles.ADMIN})
@Tag(name = "Moderation")
public class SessionFeedbackResource {

    public record FeedbackReport(FeedbackBox.Summary summary, List<FeedbackBox.Entry> entries) {
    }

    @Inject
    FeedbackBox feedback;

    @Inject
    SessionStaff staff;

    @Inject
    CurrentStaff currentStaff;

    @GET
    @Operation(summary = "Feedback summary (count, average, distribution, latest comments) and all entries")
    public FeedbackReport feedback(@PathParam("sessionId") String sessionId) {
        staff.require(currentStaff.member(), sessionId, SessionPart.BOARD);
        return new FeedbackReport(feedback.summary(sessionId), feedback.entries(sessionId));
    }
}
