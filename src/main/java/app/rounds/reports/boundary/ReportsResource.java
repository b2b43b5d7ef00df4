package app.rounds.reports.boundary;

import app.rounds.platform.control.ProblemException;
import app.rounds.reports.control.ReportExports;
import app.rounds.reports.control.ReportTables;
import app.rounds.reports.control.SessionsOverviews;
import app.rounds.reports.entity.SessionsOverview;
import app.rounds.reports.entity.SessionsOverview.Filter;
import app.rounds.security.control.CurrentStaff;
import app.rounds.security.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sessions compared, for admins (every session) and communicators (the sessions they own or are on the team of, as
 * under Sessions): every session's figures over chosen months, the same added up by month, facility and presenter,
 * compliance review turnaround by month, and the reach of published highlights; as JSON, each table as CSV, all as
 * XLSX.
 */
@Path("reports")
@RolesAllowed({Roles.COMMUNICATOR, Roles.ADMIN})
@Tag(name = "Reports")
public class ReportsResource {

    /** The longest span of months one overview covers. */
    static final int MAX_MONTHS = 36;
    static final int MAX_DAYS = 366;
    /** The years a month may be in: Rounds records nothing earlier, and year 10,000 is not a month to ask about. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 9999;

    @Inject
    SessionsOverviews overviews;

    @Inject
    Clock clock;

    @Inject
    CurrentStaff currentStaff;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sessions compared: each session's figures, sums by month, facility and presenter, review "
            + "turnaround by month, and the reach of published highlights per day")
    public SessionsOverview overview(@Parameter(description = "First month, YYYY-MM (default: 11 months ago)")
                                     @QueryParam("from") String from,
                                     @Parameter(description = "Last month, YYYY-MM (default: this month)")
                                     @QueryParam("to") String to,
                                     @QueryParam("facility") String facility,
                                     @Parameter(description = "The presenter's user name")
                                     @QueryParam("presenter") String presenter,
                                     @Parameter(description = "Days of highlight reads, 1 to 366 (default 30)")
                                     @QueryParam("days") String days) {
        return overviews.of(filter(from, to, facility, presenter, days), currentStaff.member());
    }

    @GET
    @Path("{table}.csv")
    @Produces("text/csv")
    @Operation(summary = "One table of the overview as CSV (UTF-8, RFC 4180): sessions, months, facilities, "
            + "presenters, reviews or reach")
    public Response csv(@PathParam("table") String name, @QueryParam("from") String from,
                        @QueryParam("to") String to, @QueryParam("facility") String facility,
                        @QueryParam("presenter") String presenter, @QueryParam("days") String days) {
        Filter filter = filter(from, to, facility, presenter, days);
        ReportTables.Table table = ReportTables.named(ReportTables.of(overviews.of(filter, currentStaff.member())), name).orElseThrow(() ->
                ProblemException.notFound("report-table-not-found", "The overview has no such table; it has "
                        + String.join(", ", ReportTables.OVERVIEW_NAMES) + "."));
        StreamingOutput body = out -> ReportExports.csv(table, out);
        return Response.ok(body, "text/csv; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"rounds-" + name + "-" + filter.from() + "-" + filter.to() + ".csv\"").build();
    }

    @GET
    @Path("tables.xlsx")
    @Produces(SessionReportResource.XLSX)
    @Operation(summary = "Every table of the overview as an Excel workbook, a sheet a table")
    public Response xlsx(@QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("facility") String facility, @QueryParam("presenter") String presenter,
                         @QueryParam("days") String days) {
        Filter filter = filter(from, to, facility, presenter, days);
        SessionsOverview overview = overviews.of(filter, currentStaff.member());
        StreamingOutput body = out -> ReportExports.xlsx(ReportTables.of(overview), out);
        return Response.ok(body, SessionReportResource.XLSX).header("Content-Disposition",
                "attachment; filename=\"rounds-overview-" + filter.from() + "-" + filter.to() + ".xlsx\"").build();
    }

    /** The filter asked for, with its defaults; what cannot be read is refused in words, field by field. */
    Filter filter(String from, String to, String facility, String presenter, String days) {
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        List<ProblemException.FieldError> errors = new ArrayList<>();
        YearMonth last = month("to", to, now, errors);
        YearMonth first = month("from", from, last == null ? now.minusMonths(11) : last.minusMonths(11), errors);
        if (first != null && last != null) {
            if (first.isAfter(last)) {
                errors.add(new ProblemException.FieldError("from", "The first month comes after the last."));
            } else if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
                errors.add(new ProblemException.FieldError("from", "An overview covers at most " + MAX_MONTHS
                        + " months; choose a later first month."));
            }
        }
        int window = 30;
        if (days != null && !days.isBlank()) {
            try {
                window = Integer.parseInt(days.strip());
            } catch (NumberFormatException e) {
                window = -1;
            }
            if (window < 1 || window > MAX_DAYS) {
                errors.add(new ProblemException.FieldError("days", "Give a number of days from 1 to " + MAX_DAYS
                        + "."));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new Filter(first.toString(), last.toString(), blankAsNull(facility), blankAsNull(presenter), window);
    }

    private static YearMonth month(String field, String value, YearMonth otherwise,
                                   List<ProblemException.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            YearMonth month = YearMonth.parse(value.strip());
            if (month.getYear() >= FIRST_YEAR && month.getYear() <= LAST_YEAR) {
                return month;
            }
        } catch (DateTimeParseException e) {
            // said below
        }
        errors.add(new ProblemException.FieldError(field, "Give a month as year and month, such as 2026-12."));
        return null;
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
