package app.rounds.platform.boundary;

import app.rounds.security.control.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** The REST API under {@code /api}; described at {@code /openapi}. */
@ApplicationPath("api")
@DeclareRoles({Roles.ADMIN, Roles.PRESENTER, Roles.COMMUNICATOR, Roles.REVIEWER})
@OpenAPIDefinition(
        info = @Info(title = "Rounds", version = "1",
                description = "Live engagement for training sessions in healthcare organisations. Staff authenticate "
                        + "with a browser session (cookie plus X-CSRF-Token header on changes), a bearer token from "
                        + "POST /api/auth/tokens, or HTTP Basic over TLS. Trainees send their participant token in "
                        + "the Rounds-Participant header. Every error is application/problem+json."),
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "basic"),
                @SecurityRequirement(name = "session")})
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer"),
        @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic"),
        @SecurityScheme(securitySchemeName = "session", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE,
                apiKeyName = "rounds_session")
})
public class RoundsApi extends Application {
}
