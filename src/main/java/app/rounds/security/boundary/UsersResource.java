package app.rounds.security.boundary;

import app.rounds.platform.boundary.FieldRules;
import app.rounds.platform.control.ProblemException.FieldError;
import app.rounds.security.control.PasswordHasher;
import app.rounds.security.control.Roles;
import app.rounds.security.control.CurrentStaff;
import app.rounds.security.control.StaffDirectory;
import app.rounds.security.control.StaffMember;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Staff accounts and their roles: admins only. */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Staff users")
public class UsersResource {

    @FieldRules.Checked
    public record NewUser(@NotBlank @Size(max = 64) String username,
                          @Size(max = 120) String displayName,
                          @NotNull String password,
                          @NotEmpty List<@NotBlank String> roles) implements FieldRules {

        @Override
        public List<FieldError> brokenRules() {
            return Stream.of(username == null || username.isBlank() ? Optional.<FieldError>empty()
                            : StaffDirectory.usernameProblem(username),
                    password == null ? Optional.<FieldError>empty() : PasswordHasher.strengthProblem("password", password),
                    knownRoles(roles)).flatMap(Optional::stream).toList();
        }
    }

    @FieldRules.Checked
    public record UserChange(@Size(max = 120) String displayName,
                             @NotEmpty List<@NotBlank String> roles,
                             @NotNull Boolean enabled) implements FieldRules {

        @Override
        public List<FieldError> brokenRules() {
            return knownRoles(roles).stream().toList();
        }
    }

    @FieldRules.Checked
    public record NewPassword(@NotNull String password) implements FieldRules {

        @Override
        public List<FieldError> brokenRules() {
            return password == null ? List.of() : PasswordHasher.strengthProblem("password", password).stream().toList();
        }
    }

    /** Names Rounds does not know; an empty list or a blank name is the constraints' to report. */
    private static Optional<FieldError> knownRoles(List<String> roles) {
        return roles == null || roles.isEmpty() || roles.stream().anyMatch(r -> r == null || r.isBlank())
                ? Optional.empty() : StaffDirectory.rolesProblem(roles);
    }

    @Inject
    StaffDirectory directory;

    @Inject
    CurrentStaff currentStaff;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "List staff users")
    public List<StaffMember> listUsers() {
        return directory.listUsers();
    }

    @POST
    @Operation(summary = "Create a staff user with roles")
    public Response createUser(@Valid @NotNull NewUser user) {
        StaffMember created = directory.createUser(user.username(), user.displayName(), user.password(), user.roles(),
                currentStaff.member().username());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.username()).build())
                .entity(created).build();
    }

    @GET
    @Path("{username}")
    @Operation(summary = "One staff user")
    public StaffMember user(@PathParam("username") String username) {
        return directory.user(username);
    }

    @PUT
    @Path("{username}")
    @Operation(summary = "Change a user's display name, roles, or whether the account is enabled")
    public StaffMember updateUser(@PathParam("username") String username, @Valid @NotNull UserChange change) {
        return directory.updateUser(username, change.displayName(), change.roles(), change.enabled(),
                currentStaff.member().username());
    }

    @PUT
    @Path("{username}/password")
    @Operation(summary = "Set a new password for a user")
    public Response resetPassword(@PathParam("username") String username, @Valid @NotNull NewPassword password) {
        directory.resetPassword(username, password.password());
        return Response.noContent().build();
    }
}
