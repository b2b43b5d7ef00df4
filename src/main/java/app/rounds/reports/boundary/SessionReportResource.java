package app.rounds.reports.boundary;

import app.rounds.platform.control.ProblemException;
import app.rounds.reports.control.ReportExports;
import app.rounds.reports.control.ReportPdf;
import app.rounds.reports.control.ReportTables;
import app.rounds.reports.control.SessionReports;
import app.rounds.reports.entity.SessionReport;
import app.rounds.security.control.CurrentStaff;
import app.rounds.security.control.Roles;
import app.rounds.sessions.control.SessionPart;
import app.rounds.sessions.control.SessionStaff;
import app.rounds.sessions.entity.TrainingSession;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;

/**
 * A session's report for everyone on its team and admins: as JSON, each table as CSV, all of them as XLSX, one page
 * as PDF. Live while the session runs (asked again, it has moved on), final once it ended.
 */
@Path("sessions/{sessionId}/report")
@RolesAllowed({Roles.PRESENTER, Roles.COMMUNICATOR, Roles.ADMIN})
@Tag(name = "Reports")
public class SessionReportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    SessionReports reports;

    @Inject
    SessionStaff staff;

    @Inject
    CurrentStaff currentStaff;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What the session achieved: participation and engagement rate, questions and time to "
            + "moderation, votes, feedback, polls, posts by source, and activity over time")
    public SessionReport report(@PathParam("sessionId") String sessionId) {
        return reports.of(session(sessionId));
    }

    @GET
    @Path("{table}.csv")
    @Produces("text/csv")
    @Operation(summary = "One table of the report as CSV (UTF-8, RFC 4180): figures, timeline, ratings, polls or "
            + "sources")
    public Response csv(@PathParam("sessionId") String sessionId, @PathParam("table") String name) {
        TrainingSession session = session(sessionId);
        ReportTables.Table table = ReportTables.named(ReportTables.of(reports.of(session)), name).orElseThrow(() ->
                ProblemException.notFound("report-table-not-found", "A report has no such table; it has "
                        + String.join(", ", ReportTables.NAMES) + "."));
        StreamingOutput body = out -> ReportExports.csv(table, out);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", attachment(session, name, "csv")).build();
    }

    @GET
    @Path("tables.xlsx")
    @Produces(XLSX)
    @Operation(summary = "Every table of the report as an Excel workbook, a sheet a table")
    public Response xlsx(@PathParam("sessionId") String sessionId) {
        TrainingSession session = session(sessionId);
        var tables = ReportTables.of(reports.of(session));
        StreamingOutput body = out -> ReportExports.xlsx(tables, out);
        return Response.ok(body, XLSX).header("Content-Disposition", attachment(session, "report", "xlsx")).build();
    }

    @GET
    @Path("report.pdf")
    @Produces("application/pdf")
    @Operation(summary = "The report on one A4 page with its charts, to print or send")
    public Response pdf(@PathParam("sessionId") String sessionId) {
        TrainingSession session = session(sessionId);
        SessionReport report = reports.of(session);
        StreamingOutput body = out -> ReportPdf.write(report, out);
        return Response.ok(body, "application/pdf").header("Content-Disposition", attachment(session, "report", "pdf"))
                .build();
    }

    private TrainingSession session(String sessionId) {
        return staff.require(currentStaff.member(), sessionId, SessionPart.SEE);
    }

    private static String attachment(TrainingSession session, String name, String extension) {
        return "attachment; filename=\"rounds-" + session.joinCode().value().toLowerCase(Locale.ROOT) + "-" + name
                + "." + extension + "\"";
    }
}
