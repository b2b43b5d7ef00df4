package app.rounds.highlights.boundary;

import app.rounds.highlights.control.Highlights;
import app.rounds.highlights.control.Highlights.HighlightView;
import app.rounds.highlights.entity.Highlight;
import app.rounds.security.control.CurrentStaff;
import app.rounds.security.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** A session's highlights, for the communicators who curate it: the list, a new draft, suggested material. */
@Path("sessions/{sessionId}/highlights")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMMUNICATOR, Roles.ADMIN})
@Tag(name = "Highlights")
public class SessionHighlightsResource {

    public record NewHighlight(@NotBlank @Size(max = Highlight.MAX_TITLE) String title) {
    }

    @Inject
    Highlights highlights;

    @Inject
    CurrentStaff currentStaff;

    @PathParam("sessionId")
    String sessionId;

    @GET
    @Operation(summary = "The session's highlights, newest first")
    public List<Highlights.Listed> highlights() {
        return highlights.of(sessionId, currentStaff.member());
    }

    @POST
    @Operation(summary = "Start a draft highlight")
    public Response create(@Valid @NotNull NewHighlight highlight) {
        HighlightView created = highlights.create(sessionId, highlight.title(), currentStaff.member());
        return Response.created(URI.create("/api/highlights/" + created.id())).entity(created).build();
    }

    @GET
    @Path("suggestions")
    @Operation(summary = "Material to quote and show: the most voted questions, the best rated comments, "
            + "publishable photos and videos")
    public Highlights.Suggestions suggestions() {
        return highlights.suggestions(sessionId, currentStaff.member());
    }
}
