package app.rounds.media.boundary;

import app.rounds.media.control.MediaLibrary;
import app.rounds.media.control.MediaLibrary.MediaView;
import app.rounds.media.entity.ConsentRelation;
import app.rounds.media.entity.ConsentScope;
import app.rounds.media.entity.ConsentStatus;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A session's media library, for its staff. An upload is the file itself as the request body (one file per request,
 * so that a page shows each file's progress and a video streams to disk), its name in {@code ?name=}; the type is
 * judged by the content, whatever the name or Content-Type say.
 */
@Path("sessions/{sessionId}/media")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PRESENTER, Roles.COMMUNICATOR, Roles.ADMIN})
@Tag(name = "Media")
public class MediaResource {

    /** What staff record about an item; alt text is needed before it can be published. */
    public record Description(@Size(max = 1000) String caption, @Size(max = 1000) String altText,
                              @Size(max = 200) String photographer, Instant takenAt, @Size(max = 1000) String tags) {
    }

    /** Whether anyone can be recognised in the item. */
    public record People(@NotNull Boolean noIdentifiablePeople) {
    }

    /** A person pictured: who, their relation, what they agreed to, and the evidence (a note, a form's reference). */
    public record NewConsent(@NotBlank @Size(max = 200) String person, @NotNull ConsentRelation relation,
                             @NotNull ConsentScope scope, @NotNull ConsentStatus status, boolean signedAuthorisation,
                             @Size(max = 1000) String evidenceNote) {
    }

    /** A change of consent; what is missing stays. WITHDRAWN takes the item out of everything published. */
    public record ConsentChange(ConsentStatus status, ConsentScope scope, Boolean signedAuthorisation,
                                @Size(max = 1000) String evidenceNote) {
    }

    @Inject
    MediaLibrary library;

    @Inject
    SessionStaff staff;

    @Inject
    CurrentStaff currentStaff;

    @PathParam("sessionId")
    String sessionId;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload a photo (JPEG, PNG, WebP) or video (MP4, WebM, QuickTime): the file as the body; "
            + "413 over the size limit, 415 for anything else")
    public Response upload(@QueryParam("name") String name, @HeaderParam("Content-Length") Long length,
                           InputStream body) {
        staff.require(currentStaff.member(), sessionId, SessionPart.MEDIA);
        MediaLibrary.Uploaded uploaded = library.upload(sessionId, currentStaff.member().id(), name, body, length);
        return (uploaded.created() ? Response.created(URI.create("api/sessions/" + sessionId + "/media/"
                + uploaded.item().id())) : Response.ok()).entity(uploaded.item()).build();
    }

    @GET
    @Operation(summary = "The session's photos and videos, newest first")
    public List<MediaView> list() {
        staff.require(currentStaff.member(), sessionId, SessionPart.MEDIA);
        return library.of(sessionId);
    }

    @GET
    @Path("{itemId}")
    @Operation(summary = "One item")
    public MediaView one(@PathParam("itemId") String itemId) {
        staff.require(currentStaff.member(), sessionId, SessionPart.MEDIA);
        return library.one(sessionId, itemId);
    }

    @PUT
    @Path("{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Caption, alt text, photographer, time taken, tags")
    public MediaView describe(@PathParam("itemId") String itemId, @Valid @NotNull Description description) {
        staff.require(currentStaff.member(), sessionId, SessionPart.MEDIA);
        return library.describe(sessionId, itemId, description.caption(), description.altText(),
                description.photographer(), description.takenAt(), description.tags());
    }

    @DELETE
    @Path("{itemId}")
    @Operation(summary = "Remove an item; its files go once nothing else uses them")
    public Response remove(@PathParam("itemId") String itemId) {
        staff.require(currentStaff.member(), sessionId, SessionPart.MEDIA);
        library.remove(sessionId, itemId);
        return Response.noContent().build();
    }

    @PUT
    @Path("{itemId}/people")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record that no one can be recognised in the item (or undo that)")
    public MediaView people(@PathParam("itemId") String itemId, @Valid @NotNull People people) {
        staff.require(currentStaff.member(), sessionId, SessionPart.MEDIA);
        return library.peopleDecided(sessionId, itemId, people.noIdentifiablePeople(), currentStaff.member());
    }

    @POST
    @Path("{itemId}/consents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the consent of a person pictured")
    public Response consent(@PathParam("itemId") String itemId, @Valid @NotNull NewConsent consent) {
        staff.require(currentStaff.member(), sessionId, SessionPart.MEDIA);
        MediaView item = library.recordConsent(sessionId, itemId, consent.person(), consent.relation(),
                consent.scope(), consent.status(), consent.signedAuthorisation(), consent.evidenceNote(),
                currentStaff.member());
        return Response.status(Response.Status.CREATED).entity(item).build();
    }

    @PUT
    @Path("{itemId}/consents/{consentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a consent: grant, withdraw, change its scope or evidence")
    public MediaView changeConsent(@PathParam("itemId") String itemId, @PathParam("consentId") String consentId,
                                   @Valid @NotNull ConsentChange change) {
        staff.require(currentStaff.member(), sessionId, SessionPart.MEDIA);
        return library.changeConsent(sessionId, itemId, consentId, change.status(), change.scope(),
                change.signedAuthorisation(), change.evidenceNote(), currentStaff.member());
    }

    @POST
    @Path("{itemId}/consents/{consentId}/evidence")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Attach a scanned consent form (PDF, JPEG or PNG, judged by its content) as the file body; "
            + "it replaces an earlier one")
    public MediaView attachEvidence(@PathParam("itemId") String itemId, @PathParam("consentId") String consentId,
                                    @QueryParam("name") String name, @HeaderParam("Content-Length") Long length,
                                    InputStream body) {
        staff.require(currentStaff.member(), sessionId, SessionPart.MEDIA);
        return library.attachEvidence(sessionId, itemId, consentId, name, body, length, currentStaff.member());
    }

    @GET
    @Path("{itemId}/consents/{consentId}/evidence")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The scanned consent form, as a download")
    public Response evidence(@PathParam("itemId") String itemId, @PathParam("consentId") String consentId) {
        staff.require(currentStaff.member(), sessionId, SessionPart.MEDIA);
        MediaLibrary.StoredFile form = library.evidence(sessionId, itemId, consentId);
        return Response.fromResponse(RangeResponses.of(form, null, null, "private, no-store"))
                .header("Content-Disposition", "attachment; filename=\"consent-" + consentId + "."
                        + (form.contentType().equals("application/pdf") ? "pdf"
                        : form.contentType().substring("image/".length()).replace("jpeg", "jpg")) + "\"")
                .build();
    }

    @GET
    @Path("{itemId}/consents/history")
    @Operation(summary = "Every consent change of the item, oldest first")
    public List<String> consentHistory(@PathParam("itemId") String itemId) {
        staff.require(currentStaff.member(), sessionId, SessionPart.MEDIA);
        return library.consentHistory(sessionId, itemId);
    }

    @GET
    @Path("{itemId}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The stored file (variant=small|large for a photo's thumbnails); supports Range (206)")
    public Response content(@PathParam("itemId") String itemId, @QueryParam("variant") String variant,
                            @HeaderParam("Range") String range, @HeaderParam("If-None-Match") String ifNoneMatch) {
        staff.require(currentStaff.member(), sessionId, SessionPart.MEDIA);
        // staff only: a shared or browser cache must not keep what needs a login
        return RangeResponses.of(library.file(sessionId, itemId, MediaLibrary.variant(variant)), range,
                ifNoneMatch, "no-store");
    }

}
