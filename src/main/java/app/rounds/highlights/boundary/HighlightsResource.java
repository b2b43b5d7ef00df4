package app.rounds.highlights.boundary;

import app.rounds.highlights.control.HighlightScreening.HighlightFinding;
import app.rounds.highlights.control.HighlightScreening.Justification;
import app.rounds.highlights.control.Highlights;
import app.rounds.highlights.control.Highlights.HighlightView;
import app.rounds.highlights.control.Highlights.PartChoice;
import app.rounds.highlights.control.Publishing;
import app.rounds.highlights.control.QuoteConfirmation;
import app.rounds.highlights.entity.Highlight;
import app.rounds.screening.entity.Reason;
import app.rounds.security.control.CurrentStaff;
import app.rounds.security.control.Roles;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * One highlight, for its curators: edit the draft, screen it, submit it to review, publish it once approved,
 * unpublish it. Every answer carries the rendition the public would see and what blocks it.
 */
@Path("highlights/{highlightId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMMUNICATOR, Roles.ADMIN})
@Tag(name = "Highlights")
public class HighlightsResource {

    /** The whole draft; the body is limited HTML (paragraphs, emphasis, lists, links), sanitised on the way in. */
    public record DraftRequest(@NotBlank @Size(max = Highlight.MAX_TITLE) String title,
                               @Size(max = Highlight.MAX_SUMMARY) String summary,
                               @Size(max = Highlight.MAX_BODY) String bodyHtml,
                               @Size(max = Highlight.MAX_NOTES) String authorNotes,
                               Boolean publishOnApproval,
                               @Size(max = Highlight.MAX_PARTS) List<@NotNull PartChoice> parts) {
    }

    /** Reasons to go ahead with screening findings as they are; the reviewer sees each beside its finding. */
    public record Submission(@Size(max = 100) List<@NotNull @Valid JustificationRequest> justifications) {
    }

    public record JustificationRequest(@NotBlank String field, @NotBlank String excerpt,
                                       @NotNull Reason reason,
                                       @NotBlank @Size(min = 10, max = 1000) String justification) {
    }

    @Inject
    Highlights highlights;

    @Inject
    Publishing publishing;

    @Inject
    QuoteConfirmation quotes;

    @Inject
    CurrentStaff currentStaff;

    @PathParam("highlightId")
    String highlightId;

    @GET
    @Operation(summary = "The highlight: draft, rendition, blockers, screening as submitted, reviews")
    public HighlightView highlight() {
        return highlights.one(highlightId, currentStaff.member());
    }

    @PUT
    @Operation(summary = "Replace the draft; a highlight in review, approved or published goes back to review")
    public HighlightView edit(@Valid @NotNull DraftRequest draft) {
        return highlights.edit(highlightId, new Highlights.Draft(draft.title(), draft.summary(), draft.bodyHtml(),
                draft.authorNotes(), draft.publishOnApproval() == null || draft.publishOnApproval(),
                draft.parts() == null ? List.of() : draft.parts()), currentStaff.member());
    }

    @POST
    @Path("screening")
    @Operation(summary = "What screening finds in everything the highlight would show, before submitting")
    public List<HighlightFinding> screen() {
        return highlights.screen(highlightId, currentStaff.member());
    }

    @POST
    @Path("submission")
    @Operation(summary = "Submit to review; 422 lists what blocks it and the findings that need a change or a reason; "
            + "409 when a quoted post was deleted or edited at its source, 503 when its source could not confirm it")
    public HighlightView submit(@Valid Submission submission) {
        quotes.beforeSubmission(highlightId, currentStaff.member());
        List<Justification> given = submission == null || submission.justifications() == null ? List.of()
                : submission.justifications().stream().map(j -> new Justification(j.field(), j.excerpt(),
                j.reason(), j.justification())).toList();
        return highlights.submit(highlightId, given, currentStaff.member());
    }

    @POST
    @Path("publication")
    @Operation(summary = "Publish the approved highlight exactly as approved; 409 when a quoted post was deleted or "
            + "edited at its source, 503 when its source could not confirm it")
    public HighlightView publish() {
        quotes.beforePublication(highlightId, currentStaff.member());
        return publishing.publish(highlightId, currentStaff.member());
    }

    @DELETE
    @Path("publication")
    @Operation(summary = "Unpublish: the page answers 410 Gone and the highlight leaves the index and the feeds")
    public HighlightView unpublish(@QueryParam("reason") @Size(max = 200) String reason) {
        return publishing.unpublish(highlightId, reason, currentStaff.member());
    }
}
