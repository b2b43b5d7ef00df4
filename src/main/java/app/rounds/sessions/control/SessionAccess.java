package app.rounds.sessions.control;

import app.rounds.security.control.Roles;
import app.rounds.security.control.StaffMember;
import app.rounds.sessions.entity.TeamRole;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The one session-staff policy: what a staff member may use of a session, from how they stand to it (admin, owner,
 * team role) and their staff roles. Pure, so that it is tested without a container; {@link SessionStaff} asks it for
 * every resource, socket and page.
 *
 * <ul>
 *   <li>Admins: everything.</li>
 *   <li>Only presenters and communicators run sessions: someone whose roles were taken away (a reviewer now) gets
 *   nothing, even of a session they own or are on the team of.</li>
 *   <li>The owner: everything but highlights unless also a communicator (highlights are a communicator's work).</li>
 *   <li>A co-presenter: the board. A communicator: media and highlights. Both see the session.</li>
 * </ul>
 */
public record SessionAccess(Relation relation, Set<SessionPart> parts, boolean communicatorRole,
                            boolean sessionRole) {

    /** How a staff member stands to a session. */
    public enum Relation {
        OWNER, ADMIN, CO_PRESENTER, COMMUNICATOR, NONE
    }

    public SessionAccess {
        parts = parts.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(parts));
    }

    /** {@code teamRole}: the member's role on the session's team, null if they are not on it. */
    public static SessionAccess of(StaffMember member, boolean owner, TeamRole teamRole) {
        Relation relation = owner ? Relation.OWNER
                : member.admin() ? Relation.ADMIN
                : teamRole == TeamRole.CO_PRESENTER ? Relation.CO_PRESENTER
                : teamRole == TeamRole.COMMUNICATOR ? Relation.COMMUNICATOR
                : Relation.NONE;
        boolean communicator = member.hasRole(Roles.COMMUNICATOR);
        boolean runsSessions = member.hasRole(Roles.PRESENTER) || communicator;
        EnumSet<SessionPart> parts = EnumSet.noneOf(SessionPart.class);
        if (!member.enabled()) {
            return new SessionAccess(relation, parts, communicator, runsSessions);
        }
        if (member.admin()) {
            parts.addAll(EnumSet.allOf(SessionPart.class));
        } else if (runsSessions) {
            switch (relation) {
                case OWNER -> parts.addAll(EnumSet.of(SessionPart.SEE, SessionPart.BOARD, SessionPart.MEDIA,
                        SessionPart.MANAGE));
                case CO_PRESENTER -> parts.addAll(EnumSet.of(SessionPart.SEE, SessionPart.BOARD));
                case COMMUNICATOR -> parts.addAll(EnumSet.of(SessionPart.SEE, SessionPart.MEDIA));
                default -> { }
            }
            if (communicator && (relation == Relation.OWNER || relation == Relation.COMMUNICATOR)) {
                parts.add(SessionPart.HIGHLIGHTS);
            }
        }
        return new SessionAccess(relation, parts, communicator, runsSessions);
    }

    public boolean allows(SessionPart part) {
        return parts.contains(part);
    }

    /**
     * Why {@code part} is refused, in words, naming who can grant it; for a 403 answer and for the pages, which show
     * it instead of drawing what the member may not use.
     */
    public String refusal(SessionPart part, String sessionTitle, String ownerName) {
        String session = "“" + sessionTitle + "”";
        String owner = "its owner, " + ownerName + ",";
        if (!sessionRole) {
            return "Sessions are run by presenters and communicators: ask an admin to give you one of these roles.";
        }
        if (part == SessionPart.MANAGE) {
            return "Only the owner of " + session + ", " + ownerName
                    + ", or an admin may change its details and its team.";
        }
        if (part == SessionPart.HIGHLIGHTS && !communicatorRole && relation == Relation.OWNER) {
            return "Highlights are made by communicators: add a communicator to the team of " + session
                    + ", or ask an admin for the communicator role.";
        }
        if (part == SessionPart.HIGHLIGHTS && !communicatorRole && relation == Relation.COMMUNICATOR) {
            return "Highlights are made by communicators: ask an admin to give you the communicator role.";
        }
        Optional<TeamRole> needed = switch (part) {
            case BOARD -> Optional.of(TeamRole.CO_PRESENTER);
            case MEDIA, HIGHLIGHTS -> Optional.of(TeamRole.COMMUNICATOR);
            default -> Optional.empty();
        };
        String asNeeded = needed.map(r -> " as a " + words(r)).orElse("");
        if (relation == Relation.NONE) {
            return "You are not on the team of " + session + ": ask " + owner + " or an admin to add you" + asNeeded
                    + ".";
        }
        String yours = relation == Relation.CO_PRESENTER ? words(TeamRole.CO_PRESENTER) : words(TeamRole.COMMUNICATOR);
        return "As a " + yours + " of " + session + " you may not use " + part.words() + ": ask " + owner
                + " or an admin to make you a " + needed.map(SessionAccess::words).orElse("team member") + ".";
    }

    /** A team role as a sentence names it. */
    public static String words(TeamRole role) {
        return switch (role) {
            case CO_PRESENTER -> "co-presenter";
            case COMMUNICATOR -> "communicator";
        };
    }

    /**
     * Why {@code member} cannot take {@code role} on a team, if they cannot: co-presenters are presenters,
     * communicators communicators (an admin may take either); disabled accounts take none.
     */
    public static Optional<String> cannotTake(StaffMember member, TeamRole role) {
        if (!member.enabled()) {
            return Optional.of(member.displayName() + "'s account is disabled.");
        }
        String needed = role == TeamRole.CO_PRESENTER ? Roles.PRESENTER : Roles.COMMUNICATOR;
        if (member.admin() || member.hasRole(needed)) {
            return Optional.empty();
        }
        return Optional.of(member.displayName() + " is not a " + needed + ": an admin can give them the " + needed
                + " role on the Users page.");
    }
}
