package app.rounds.highlights.boundary;

import app.rounds.highlights.control.QuoteConfirmation;
import app.rounds.highlights.control.Reviews;
import app.rounds.highlights.entity.ReviewDecision;
import app.rounds.security.control.CurrentStaff;
import app.rounds.security.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Compliance review of highlights: the queue, one screen per highlight, the decision, and review times. */
@Path("reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
@Tag(name = "Review")
public class ReviewsResource {

    /** {@code renditionHash}: the hash of the rendition the reviewer looked at; a reject needs a comment. */
    public record Decision(@NotNull ReviewDecision decision, @Size(max = 2000) String comment,
                           @NotBlank @Size(min = 64, max = 64) String renditionHash) {
    }

    @Inject
    Reviews reviews;

    @Inject
    QuoteConfirmation quotes;

    @Inject
    CurrentStaff currentStaff;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "Highlights waiting for review, the longest waiting first")
    public List<Reviews.Waiting> queue() {
        return reviews.queue(currentStaff.member());
    }

    @GET
    @Path("stats")
    @Operation(summary = "Time from submission to decision, overall and per reviewer, over the last ?days=N (30)")
    public Reviews.Stats stats(@QueryParam("days") @DefaultValue("30") @Min(1) @Max(3660) int days) {
        return reviews.stats(clock.instant().minus(Duration.ofDays(days)));
    }

    @GET
    @Path("{highlightId}")
    @Operation(summary = "Everything to decide on one screen: rendition, findings with reasons, consents, "
            + "permissions, the author's notes")
    public Reviews.Packet packet(@PathParam("highlightId") String highlightId) {
        return reviews.packet(highlightId, currentStaff.member());
    }

    @POST
    @Path("{highlightId}/decision")
    @Operation(summary = "Approve or reject the rendition you saw; approval publishes when the author asked for it; "
            + "an approval is refused (409) when a quoted post was deleted or edited at its source, 503 when its source "
            + "could not confirm it")
    public Reviews.Packet decide(@PathParam("highlightId") String highlightId, @Valid @NotNull Decision decision) {
        if (decision.decision() == ReviewDecision.APPROVE) {
            quotes.beforeApproval(highlightId, currentStaff.member());
        }
        return reviews.decide(highlightId, decision.decision(), decision.comment(), decision.renditionHash(),
                currentStaff.member());
    }
}
