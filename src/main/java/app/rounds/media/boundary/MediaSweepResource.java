package app.rounds.media.boundary;

import app.rounds.media.control.MediaSweep;
import app.rounds.media.control.MediaSweep.Swept;
import app.rounds.security.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;

/**
 * The periodic media sweep, run now: for an operator who has just restored the media folder or recovered from a crash
 * and wants what no record explains gone without waiting for the next sweep. Admins only.
 */
@Path("media/sweeps")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Media")
public class MediaSweepResource {

    @Inject
    MediaSweep sweep;

    @POST
    @Operation(summary = "Sweep the media folder now: remove files older than the grace period that no record explains")
    public Swept sweepNow() throws IOException {
        return sweep.sweep();
    }
}
