package app.rounds.contributions.boundary;

import app.rounds.contributions.control.QuestionViews.ModeratedQuestion;
import app.rounds.contributions.control.Questions;
import app.rounds.contributions.entity.QuestionStatus;
import app.rounds.platform.control.ProblemException;
import app.rounds.security.control.CurrentStaff;
import app.rounds.security.control.Roles;
import app.rounds.sessions.control.SessionPart;
import app.rounds.sessions.control.SessionStaff;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;

/** Moderating a session's questions, for its staff: the queue, approve/reject/hide, answered/pinned/archived. */
@Path("sessions/{sessionId}/questions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PRESENTER, Roles.COMMUNICATOR, Roles.ADMIN})
@Tag(name = "Moderation")
public class ModerationResource {

    public record StatusChange(@NotNull QuestionStatus status) {
    }

    /** Flags to set; a missing one stays as it is. */
    public record FlagChange(Boolean answered, Boolean pinned, Boolean archived) {
    }

    @Inject
    Questions questions;

    @Inject
    SessionStaff staff;

    @Inject
    CurrentStaff currentStaff;

    @PathParam("sessionId")
    String sessionId;

    @GET
    @Operation(summary = "The session's questions with screening findings; filter by status, archived; sort by votes or newest")
    public List<ModeratedQuestion> questions(@QueryParam("status") String status,
                                             @QueryParam("archived") boolean archived,
                                             @QueryParam("sort") String sort) {
        staff.require(currentStaff.member(), sessionId, SessionPart.BOARD);
        return questions.forModerators(sessionId, parseStatus(status), archived, Questions.Order.parse(sort));
    }

    @PUT
    @Path("{questionId}/status")
    @Operation(summary = "Approve, reject, hide or show again; REJECTED → PENDING undoes a reject")
    public ModeratedQuestion moderate(@PathParam("questionId") String questionId,
                                      @Valid @NotNull StatusChange change) {
        staff.require(currentStaff.member(), sessionId, SessionPart.BOARD);
        return questions.moderate(sessionId, questionId, change.status(), currentStaff.member().username());
    }

    @PUT
    @Path("{questionId}/flags")
    @Operation(summary = "Mark answered, pin, archive (or undo any of them)")
    public ModeratedQuestion flag(@PathParam("questionId") String questionId, @Valid @NotNull FlagChange change) {
        staff.require(currentStaff.member(), sessionId, SessionPart.BOARD);
        return questions.flag(sessionId, questionId, change.answered(), change.pinned(), change.archived(),
                currentStaff.member().username());
    }


    private static QuestionStatus parseStatus(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return QuestionStatus.valueOf(typed.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "The status is one of " + List.of(QuestionStatus.values()) + ".");
        }
    }
}
