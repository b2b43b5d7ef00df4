package app.rounds.ingest.boundary;

import app.rounds.ingest.control.Sources;
import app.rounds.ingest.control.Sources.SourceView;
import app.rounds.ingest.entity.SourceKind;
import app.rounds.security.control.CurrentStaff;
import app.rounds.security.control.Roles;
import app.rounds.sessions.control.SessionPart;
import app.rounds.sessions.control.SessionStaff;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/**
 * A session's ingest sources, for its staff: Mastodon instances, Bluesky, signed webhooks from other relays, feeds.
 * Each shows its state (running, backing off, failing, stopped), last success, last error and lag.
 */
@Path("sessions/{sessionId}/sources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PRESENTER, Roles.COMMUNICATOR, Roles.ADMIN})
@Tag(name = "Ingestion")
public class SourcesResource {

    /**
     * {@code baseUrl}: the instance or server (any Mastodon instance, a Bluesky PDS or AppView, a feed's URL).
     * {@code credential}: a Mastodon access token (enables streaming) or a Bluesky app password; never shown again.
     */
    public record NewSource(@NotNull SourceKind kind, @NotBlank @Size(max = 100) String label,
                            @Size(max = 500) String baseUrl, @Size(max = 200) String account,
                            @Size(max = 500) String credential) {
    }

    public record Enabled(@NotNull Boolean enabled) {
    }

    @Inject
    Sources sources;

    @Inject
    SessionStaff staff;

    @Inject
    CurrentStaff currentStaff;

    @PathParam("sessionId")
    String sessionId;

    @GET
    @Operation(summary = "The session's sources with their state, last success, last error and lag")
    public List<SourceView> list() {
        staff.require(currentStaff.member(), sessionId, SessionPart.BOARD);
        return sources.of(sessionId);
    }

    @POST
    @Operation(summary = "Add a source; a webhook source answers with its signing secret, shown this once")
    public Response add(@Valid @NotNull NewSource source) {
        staff.require(currentStaff.member(), sessionId, SessionPart.BOARD);
        Sources.Added added = sources.add(sessionId, source.kind(), source.label(), source.baseUrl(), source.account(),
                source.credential(), currentStaff.member().id());
        return Response.created(URI.create("api/sessions/" + sessionId + "/sources/" + added.source().id()))
                .entity(added).build();
    }

    @GET
    @Path("{sourceId}")
    @Operation(summary = "One source")
    public SourceView one(@PathParam("sourceId") String sourceId) {
        staff.require(currentStaff.member(), sessionId, SessionPart.BOARD);
        return sources.view(sessionId, sourceId);
    }

    @PUT
    @Path("{sourceId}/enabled")
    @Operation(summary = "Stop or restart a source")
    public SourceView enable(@PathParam("sourceId") String sourceId, @Valid @NotNull Enabled enabled) {
        staff.require(currentStaff.member(), sessionId, SessionPart.BOARD);
        return sources.enable(sessionId, sourceId, enabled.enabled());
    }

    @DELETE
    @Path("{sourceId}")
    @Operation(summary = "Remove a source; what it brought stays")
    public Response remove(@PathParam("sourceId") String sourceId) {
        staff.require(currentStaff.member(), sessionId, SessionPart.BOARD);
        sources.remove(sessionId, sourceId);
        return Response.noContent().build();
    }

}
