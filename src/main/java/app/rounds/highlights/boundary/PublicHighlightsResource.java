package app.rounds.highlights.boundary;

import app.rounds.highlights.control.Highlights;
import app.rounds.highlights.control.Publishing;
import app.rounds.highlights.control.Renditions;
import app.rounds.highlights.entity.Publication;
import app.rounds.media.boundary.RangeResponses;
import app.rounds.media.control.MediaLibrary;
import app.rounds.media.control.MediaLibrary.StoredFile;
import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.PublicAddress;
import app.rounds.security.control.CurrentStaff;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the public may fetch besides pages: the pictures of published highlights (and nothing else in the library),
 * and oEmbed answers, so a hospital's site can embed a highlight by its URL.
 */
@Path("public")
@PermitAll
@Tag(name = "Public")
public class PublicHighlightsResource {

    private static final Pattern PAGE = Pattern.compile("/highlights/([0-9a-f-]{36})/?");

    @Inject
    Publishing publishing;

    @Inject
    PublicAddress address;

    @Inject
    CurrentStaff currentStaff;

    @Inject
    @ConfigProperty(name = "rounds.site-name")
    String siteName;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("highlights/{highlightId}/media/{mediaId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "A picture of a published highlight (variant=small|large for a photo; the video itself "
            + "otherwise, with Range); staff who may see the highlight also get its pictures before publication")
    public Response media(@PathParam("highlightId") String highlightId, @PathParam("mediaId") String mediaId,
                          @QueryParam("variant") String variant, @HeaderParam("Range") String range,
                          @HeaderParam("If-None-Match") String ifNoneMatch) {
        String which = MediaLibrary.variant(variant);
        Optional<StoredFile> published = publishing.publicFile(highlightId, mediaId, which);
        if (published.isPresent()) {
            return RangeResponses.of(published.get(), range, ifNoneMatch, "public, no-cache");
        }
        Optional<StoredFile> preview = security.getUserPrincipal() == null ? Optional.empty()
                : publishing.previewFile(highlightId, mediaId, which, currentStaff.member());
        return RangeResponses.of(preview.orElseThrow(() -> ProblemException.notFound("media-not-published",
                "No published highlight shows this picture.")), range, ifNoneMatch, "private, no-store");
    }

    @GET
    @Path("oembed")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "oEmbed (type rich) for a published highlight's page URL; format=json only")
    public Response oembed(@QueryParam("url") String url, @QueryParam("format") @DefaultValue("json") String format,
                           @QueryParam("maxwidth") Integer maxWidth, @QueryParam("maxheight") Integer maxHeight) {
        if (!"json".equals(format)) {
            // 501 is what the oEmbed spec asks of a provider without the format
            throw new ProblemException(ProblemException.Kind.NOT_IMPLEMENTED, "oembed-format-not-offered",
                    "Format not offered", "Only JSON is offered: ask with format=json or leave format out.",
                    List.of(), null);
        }
        String base = address.base(uriInfo.getRequestUri());
        if (url == null || !url.startsWith(base + "/")) {
            throw ProblemException.notFound("not-embeddable", "Only this site's highlight pages can be embedded.");
        }
        Matcher m = PAGE.matcher(url.substring(base.length()));
        Publication publication = (m.matches() ? publishing.publication(m.group(1)) : Optional.<Publication>empty())
                .filter(Publication::live)
                .orElseThrow(() -> ProblemException.notFound("not-embeddable", "No published highlight at " + url));
        int width = Math.max(200, Math.min(600, maxWidth == null ? 600 : maxWidth));
        int height = Math.max(200, Math.min(800, maxHeight == null ? 800 : maxHeight));
        String embed = base + Highlights.publicPath(publication.highlightId()) + "/embed";
        JsonObjectBuilder answer = Json.createObjectBuilder()
                .add("version", "1.0")
                .add("type", "rich")
                .add("title", publication.title())
                .add("provider_name", siteName)
                .add("provider_url", base + "/highlights/")
                .add("width", width)
                .add("height", height)
                .add("cache_age", 300)
                .add("html", iframe(embed, width, height, publication.title()));
        if (publication.imageMediaId() != null) {
            answer.add("thumbnail_url", base + Renditions.mediaPath(
                    publication.highlightId(), publication.imageMediaId(), "small"));
        }
        JsonObject body = answer.build();
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "public, max-age=300").build();
    }

    private static String iframe(String src, int width, int height, String title) {
        Element iframe = new Element("iframe").attr("src", src).attr("width", Integer.toString(width))
                .attr("height", Integer.toString(height)).attr("title", title).attr("loading", "lazy")
                .attr("referrerpolicy", "no-referrer").attr("style", "border:0;max-width:100%");
        return iframe.outerHtml();
    }
}
