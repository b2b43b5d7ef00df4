package app.rounds.contributions.boundary;

import app.rounds.contributions.control.ContributionsExport;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** A session's questions and feedback as a CSV download, for its staff, at any time. */
@Path("sessions/{sessionId}/export.csv")
@RolesAllowed({Roles.PRESENTER, Roles.COMMUNICATOR, Roles.ADMIN})
@Tag(name = "Moderation")
public class ExportResource {

    static final String QUESTIONS_HEADER = "Rounds-Export-Questions";
    static final String FEEDBACK_HEADER = "Rounds-Export-Feedback";

    @Inject
    ContributionsExport export;

    @Inject
    SessionStaff staff;

    @Inject
    CurrentStaff currentStaff;

    @GET
    @Produces("text/csv")
    @Operation(summary = "Questions and feedback of the session as CSV (UTF-8, RFC 4180)")
    public Response export(@PathParam("sessionId") String sessionId) {
        var session = staff.require(currentStaff.member(), sessionId, SessionPart.BOARD);
        ContributionsExport.Contents contents = export.of(sessionId);
        StreamingOutput body = output -> {
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            contents.writeTo(writer);
            writer.flush();
        };
        String filename = "rounds-" + session.joinCode().value().toLowerCase() + ".csv";
        // the counts let the page say what was downloaded without parsing the CSV
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header(QUESTIONS_HEADER, contents.questions().size())
                .header(FEEDBACK_HEADER, contents.feedback().size())
                .build();
    }
}
