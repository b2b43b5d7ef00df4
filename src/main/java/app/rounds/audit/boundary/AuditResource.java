package app.rounds.audit.boundary;

import app.rounds.audit.control.AuditLog;
import app.rounds.audit.control.AuditLog.EntryView;
import app.rounds.audit.control.AuditLog.Verification;
import app.rounds.security.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The audit trail for admins and compliance reviewers: read it, verify its hash chain, export it. */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
@Tag(name = "Audit")
public class AuditResource {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    AuditLog audit;

    @GET
    @Operation(summary = "The newest entries first; with ?after=N the entries after N in order; with ?subjectType= "
            + "and ?subjectId= every entry about one subject (a highlight, a question, a consent, a staff user)")
    public List<EntryView> entries(@QueryParam("after") @Min(0) Long after,
                                   @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
                                   @QueryParam("subjectType") @Size(max = 30) String subjectType,
                                   @QueryParam("subjectId") @Size(max = 64) String subjectId) {
        if (subjectType != null && subjectId != null) {
            return audit.about(subjectType, subjectId);
        }
        return audit.entries(after, limit);
    }

    @GET
    @Path("verification")
    @Operation(summary = "Checks the whole hash chain; names the first entry that does not match")
    public Verification verify() {
        return audit.verify();
    }

    @GET
    @Path("export")
    @Produces("application/x-ndjson")
    @Operation(summary = "Every entry in order as JSON Lines, with its hashes, for archiving elsewhere")
    public Response export() {
        StreamingOutput body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            try {
                audit.export(entry -> {
                    try {
                        writer.write(JSON.toJson(entry));
                        writer.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return Response.ok(body, "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"rounds-audit.jsonl\"").build();
    }
}
