package app.rounds.security.boundary;

import app.rounds.testing.ResourceClasses;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
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

    private static boolean isResourceMethod(Method method) {
        return Stream.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class)
                .anyMatch(method::isAnnotationPresent);
    }
}
