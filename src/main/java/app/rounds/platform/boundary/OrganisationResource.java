package app.rounds.platform.boundary;

import app.rounds.platform.control.Organisation;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organisation's name, logo and colour, for the projector and any page that shows them; public. */
@Path("public/organisation")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Public")
public class OrganisationResource {

    @Inject
    Organisation organisation;

    @GET
    @Operation(summary = "The organisation's name and logo (null when not configured) and its colour (#rrggbb)")
    public Organisation.Branding branding() {
        return organisation.branding();
    }
}
