package app.rounds.security.boundary;

import app.rounds.platform.control.ProblemException;
import app.rounds.security.control.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Enforces what each resource method declares: {@code @PermitAll}, or {@code @RolesAllowed} (where {@code "**"}
 * means any staff member). A method that declares nothing, on itself or its class, is denied to everyone, so a
 * forgotten annotation fails closed. Anonymous callers get 401, callers without the role 403.
 */
@Provider
public class RoleCheck implements DynamicFeature {

    /** Who may call a resource method; {@code roles == null} means everyone. */
    public record Access(List<String> roles) {

        static final Access EVERYONE = new Access(null);
        static final Access NOBODY = new Access(List.of());

        public static Access of(Method method, Class<?> resource) {
            Access declared = declared(method);
            return declared != null ? declared : (declared(resource) != null ? declared(resource) : NOBODY);
        }

        private static Access declared(AnnotatedElement element) {
            if (element.isAnnotationPresent(DenyAll.class)) {
                return NOBODY;
            }
            if (element.isAnnotationPresent(PermitAll.class)) {
                return EVERYONE;
            }
            RolesAllowed allowed = element.getAnnotation(RolesAllowed.class);
            return allowed == null ? null : new Access(List.of(allowed.value()));
        }

        public boolean everyone() {
            return roles == null;
        }
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Access access = Access.of(resourceInfo.getResourceMethod(), resourceInfo.getResourceClass());
        if (!access.everyone()) {
            // ahead of Jersey's own @RolesAllowed filter, which Payara registers too, so our answers are the ones given
            context.register(new Filter(access), Priorities.AUTHORIZATION - 1);
        }
    }

    static final class Filter implements ContainerRequestFilter {

        private final Access access;

        Filter(Access access) {
            this.access = access;
        }

        @Override
        public void filter(ContainerRequestContext context) {
            var security = context.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                Object rejected = context.getProperty(StaffAuthenticationMechanism.CREDENTIALS_REJECTED);
                throw ProblemException.unauthenticated(rejected instanceof String why ? why : rejected != null
                        ? "The credentials sent are not valid (wrong, expired, or too many failed attempts)."
                        : "Log in, or send a bearer token.");
            }
            boolean allowed = access.roles().stream()
                    .anyMatch(role -> Roles.ANY_STAFF.equals(role) || security.isUserInRole(role));
            if (!allowed) {
                throw ProblemException.forbidden("This needs one of the roles " + access.roles() + ".");
            }
        }
    }
}
