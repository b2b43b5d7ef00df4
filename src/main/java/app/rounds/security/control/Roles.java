package app.rounds.security.control;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The staff roles; their names are the groups the identity store returns and what {@code @RolesAllowed} names. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String PRESENTER = "presenter";
    public static final String COMMUNICATOR = "communicator";
    public static final String REVIEWER = "reviewer";
    /** In {@code @RolesAllowed}: any authenticated staff member, whatever their roles. */
    public static final String ANY_STAFF = "**";

    public static final List<String> ALL = List.of(ADMIN, PRESENTER, COMMUNICATOR, REVIEWER);

    private Roles() {
    }

    public static Optional<String> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String normalized = name.trim().toLowerCase(Locale.ROOT);
        return ALL.contains(normalized) ? Optional.of(normalized) : Optional.empty();
    }
}
