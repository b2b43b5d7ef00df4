package app.rounds.security.control;

import app.rounds.security.entity.StaffUser;

import java.time.Instant;
import java.util.Set;

/** What other components may know of a staff member. */
public record StaffMember(String id, String username, String displayName, Set<String> roles, boolean enabled,
                          Instant createdAt, Instant credentialsChangedAt) {

    static StaffMember of(StaffUser user) {
        return new StaffMember(user.id(), user.username(), user.displayName(), user.roles(), user.enabled(),
                user.createdAt(), user.credentialsChangedAt());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean admin() {
        return hasRole(Roles.ADMIN);
    }
}
