package app.rounds.security.control;

import app.rounds.platform.control.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

import java.security.Principal;

/** The staff member making the current request, as the authentication mechanism established it. */
@RequestScoped
public class CurrentStaff {

    @Inject
    SecurityContext securityContext;

    @Inject
    StaffDirectory directory;

    private StaffMember member;

    public StaffMember member() {
        if (member == null) {
            Principal principal = securityContext.getCallerPrincipal();
            if (principal == null) {
                throw ProblemException.unauthenticated("Log in, or send a bearer token.");
            }
            member = directory.findEnabled(principal.getName())
                    .orElseThrow(() -> ProblemException.unauthenticated("The account is disabled or gone."));
        }
        return member;
    }
}
