package app.rounds.security.boundary;

import app.rounds.testing.ResourceClasses;
import app.rounds.platform.control.ProblemException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoleCheckTest {

    /** A forgotten annotation denies (RoleCheck fails closed); this test makes it fail the build instead. */
    @Test
    void everyResourceMethodDeclaresWhoMayCallIt() {
        List<String> undeclared = new ArrayList<>();
        int methods = 0;
        for (Class<?> resource : ResourceClasses.all()) {
            for (Method method : resource.getDeclaredMethods()) {
                if (!isResourceMethod(method)) {
                    continue;
                }
                methods++;
                RoleCheck.Access access = RoleCheck.Access.of(method, resource);
                if (access.roles() != null && access.roles().isEmpty()) {
                    undeclared.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertTrue(methods > 10, "found only " + methods + " resource methods");
        assertEquals(List.of(), undeclared, "resource methods without @PermitAll or @RolesAllowed");
    }

    @Test
    void undeclaredMethodsAreDeniedToEveryone() throws Exception {
        class Undeclared {
            @GET
            public String open() {
                return "";
            }
        }
        RoleCheck.Access access = RoleCheck.Access.of(Undeclared.class.getMethod("open"), Undeclared.class);
        assertEquals(List.of(), access.roles());
        assertFalse(access.everyone());
    }

    @Test
    void filterRefusesAnonymousWith401AndWrongRolesWith403() {
        RoleCheck.Filter presentersOnly = new RoleCheck.Filter(new RoleCheck.Access(List.of("presenter")));
        assertKind(ProblemException.Kind.UNAUTHENTICATED, () -> presentersOnly.filter(request(null, Set.of())));
        assertKind(ProblemException.Kind.FORBIDDEN, () -> presentersOnly.filter(request("rev", Set.of("reviewer"))));
        presentersOnly.filter(request("pat", Set.of("presenter")));

        RoleCheck.Filter nobody = new RoleCheck.Filter(new RoleCheck.Access(List.of()));
        assertKind(ProblemException.Kind.FORBIDDEN, () -> nobody.filter(request("root", Set.of("admin"))));

        RoleCheck.Filter anyStaff = new RoleCheck.Filter(new RoleCheck.Access(List.of("**")));
        anyStaff.filter(request("rev", Set.of("reviewer")));
        assertKind(ProblemException.Kind.UNAUTHENTICATED, () -> anyStaff.filter(request(null, Set.of())));
    }

    private static void assertKind(ProblemException.Kind kind, org.junit.jupiter.api.function.Executable call) {
        assertEquals(kind, org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class, call).kind());
    }

    /** A request as JAX-RS hands it to filters: only its security context and properties matter here. */
    private static ContainerRequestContext request(String caller, Set<String> roles) {
        SecurityContext security = new SecurityContext() {
            public Principal getUserPrincipal() {
                return caller == null ? null : () -> caller;
            }

            public boolean isUserInRole(String role) {
                return roles.contains(role);
            }

            public boolean isSecure() {
                return false;
            }

            public String getAuthenticationScheme() {
                return null;
            }
        };
        return (ContainerRequestContext) Proxy.newProxyInstance(RoleCheckTest.class.getClassLoader(),
                new Class<?>[]{ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getSecurityContext" -> security;
                    case "getProperty" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static boolean isResourceMethod(Method method) {
        return Stream.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class)
                .anyMatch(method::isAnnotationPresent);
    }
}
