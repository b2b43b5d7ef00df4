package app.rounds.contributions.boundary;

import app.rounds.contributions.control.PollViews.PollView;
import app.rounds.contributions.control.PollViews.PollWithResults;
import app.rounds.contributions.control.PollViews.Results;
import app.rounds.contributions.control.Polls;
import app.rounds.contributions.control.PollsExport;
import app.rounds.contributions.entity.EntryStatus;
import app.rounds.contributions.entity.PollKind;
import app.rounds.contributions.entity.PollOption;
import app.rounds.contributions.entity.PollSpec;
import app.rounds.contributions.entity.PollState;
import app.rounds.platform.control.Conflicts;
import app.rounds.security.control.CurrentStaff;
import app.rounds.security.control.Roles;
import app.rounds.sessions.control.SessionPart;
import app.rounds.sessions.control.SessionStaff;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A session's polls, quizzes and word clouds, for whoever runs its board: prepare (create, edit until first opened,
 * duplicate, reorder, copy from another session, delete), run (open one at a time, close, show or hide results),
 * moderate free text (entries, words of a cloud) and export a poll's results.
 */
@Path("sessions/{sessionId}/polls")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PRESENTER, Roles.COMMUNICATOR, Roles.ADMIN})
@Tag(name = "Polls")
public class PollsResource {

    /** One option; {@code correct} only in a quiz. */
    public record OptionRequest(String text, Boolean correct) {
    }

    /**
     * A poll as prepared: its kind and question, and what the kind needs. Options for choices and quizzes; the most
     * options one may choose (multiple choice); the scale, 5 or 10, and its end labels (rating); the language whose
     * words fold together (word cloud: en, de, fr, es, nl); a time limit in seconds (quiz).
     */
    public record PollRequest(PollKind kind, String title, List<OptionRequest> options, Integer maxChoices,
                              Integer scaleMax, String lowLabel, String highLabel, String language,
                              Integer timeLimitSeconds) {

        PollSpec spec() {
            return new PollSpec(kind, title, options == null ? List.of() : options.stream()
                    .map(o -> o == null ? null : new PollOption(o.text(), Boolean.TRUE.equals(o.correct())))
                    .toList(), maxChoices, scaleMax, lowLabel, highLabel, language, timeLimitSeconds);
        }
    }

    public record StateChange(@NotNull PollState state) {
    }

    public record ResultsChange(@NotNull Boolean shown) {
    }

    public record Order(@NotNull List<String> pollIds) {
    }

    public record CopyRequest(@NotBlank String fromSessionId) {
    }

    public record EntryChange(@NotNull EntryStatus status) {
    }

    public record WordChange(@NotBlank String word, @NotNull Boolean hidden) {
    }

    @Inject
    Polls polls;

    @Inject
    PollsExport export;

    @Inject
    SessionStaff staff;

    @Inject
    CurrentStaff currentStaff;

    @PathParam("sessionId")
    String sessionId;

    @GET
    @Operation(summary = "The session's polls in order, each with its results and every free-text entry")
    public List<PollWithResults> polls() {
        allowed();
        return polls.forStaff(sessionId);
    }

    @POST
    @Operation(summary = "Prepare a poll at the end of the list")
    public Response prepare(@NotNull PollRequest poll) {
        return Response.status(Response.Status.CREATED).entity(polls.prepare(sessionId, poll.spec(), allowed()))
                .build();
    }

    @PUT
    @Path("{pollId}")
    @Operation(summary = "Change what a poll asks; only until it is first opened (409 after)")
    public PollView edit(@PathParam("pollId") String pollId, @NotNull PollRequest poll) {
        return polls.edit(sessionId, pollId, poll.spec(), allowed());
    }

    @DELETE
    @Path("{pollId}")
    @Operation(summary = "Delete a poll that is not open, with its answers; it leaves both boards")
    public Response delete(@PathParam("pollId") String pollId) {
        polls.delete(sessionId, pollId, allowed());
        return Response.noContent().build();
    }

    @POST
    @Path("{pollId}/duplicate")
    @Operation(summary = "A prepared copy of the poll at the end of the list")
    public Response duplicate(@PathParam("pollId") String pollId) {
        return Response.status(Response.Status.CREATED).entity(polls.duplicate(sessionId, pollId, allowed())).build();
    }

    @POST
    @Path("copy")
    @Operation(summary = "Copy every poll of another session you can see, prepared, after this session's")
    public Response copy(@Valid @NotNull CopyRequest copy) {
        String actor = allowed();
        staff.require(currentStaff.member(), copy.fromSessionId(), SessionPart.SEE);
        return Response.status(Response.Status.CREATED)
                .entity(polls.copyFrom(sessionId, copy.fromSessionId(), actor)).build();
    }

    @PUT
    @Path("order")
    @Operation(summary = "Put the session's polls in this order (each of them once)")
    public List<PollView> reorder(@Valid @NotNull Order order) {
        return polls.reorder(sessionId, order.pollIds(), allowed());
    }

    @PUT
    @Path("{pollId}/state")
    @Operation(summary = "OPEN a poll (closing the one open before) or CLOSE it; reopening keeps its answers")
    public PollView changeState(@PathParam("pollId") String pollId, @Valid @NotNull StateChange change) {
        String actor = allowed();
        // a state is set, not edited from a copy: a presenter's other change to the poll at the same moment (its
        // results shown, say) is no conflict to report, the change is made again on what that one stored
        return Conflicts.retried(() -> switch (change.state()) {
            case OPEN -> polls.open(sessionId, pollId, actor);
            case CLOSED -> polls.close(sessionId, pollId, actor);
            case PREPARED -> throw app.rounds.platform.control.ProblemException.invalidField("state",
                    "A poll can be opened or closed; duplicate it for a fresh copy.");
        });
    }

    @PUT
    @Path("{pollId}/results")
    @Operation(summary = "Show the results on the projector and trainees' phones, or take them off")
    public PollView showResults(@PathParam("pollId") String pollId, @Valid @NotNull ResultsChange change) {
        String actor = allowed();
        return Conflicts.retried(() -> polls.showResults(sessionId, pollId, change.shown(), actor));
    }

    @PUT
    @Path("{pollId}/entries/{entryId}")
    @Operation(summary = "Approve, hide or hold a word or an open-text answer")
    public Results moderateEntry(@PathParam("pollId") String pollId, @PathParam("entryId") String entryId,
                                 @Valid @NotNull EntryChange change) {
        return polls.moderateEntry(sessionId, pollId, entryId, change.status(), allowed());
    }

    @PUT
    @Path("{pollId}/words")
    @Operation(summary = "Take a word out of a word cloud (as entered now and later), or put it back")
    public Results hideWord(@PathParam("pollId") String pollId, @Valid @NotNull WordChange change) {
        return polls.hideWord(sessionId, pollId, change.word(), change.hidden(), allowed());
    }

    @GET
    @Path("{pollId}/export")
    @Produces("text/csv")
    @Operation(summary = "A poll's results as CSV (UTF-8, RFC 4180): one row per option, rating, word or answer")
    public Response export(@PathParam("pollId") String pollId) {
        allowed();
        PollWithResults poll = polls.forExport(sessionId, pollId);
        StreamingOutput body = output -> {
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            export.write(poll, writer);
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"poll-" + poll.poll().id() + ".csv\"")
                .build();
    }

    /** The caller may run this session's board; returns their username, the actor of what they do. */
    private String allowed() {
        staff.require(currentStaff.member(), sessionId, SessionPart.BOARD);
        return currentStaff.member().username();
    }
}
