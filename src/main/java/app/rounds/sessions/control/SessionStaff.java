package app.rounds.sessions.control;

import app.rounds.platform.control.ProblemException;
import app.rounds.security.control.StaffDirectory;
import app.rounds.security.control.StaffMember;
import app.rounds.sessions.entity.TeamMember;
import app.rounds.sessions.entity.TeamRole;
import app.rounds.sessions.entity.TrainingSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who may act on a session, asked by every REST resource, the board's WebSocket handshake and heartbeat, and the
 * pages (through {@link #accessTo}): one place that reads the session's owner and team and asks {@link SessionAccess}.
 * Read fresh on every call, so a team change or a lost role counts at once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SessionStaff {

    /** What a page asks before drawing a session's part: what the caller may use, and in words why not the rest. */
    public record AccessView(String sessionId, String title, String owner, SessionAccess.Relation relation,
                             List<SessionPart> parts, Map<SessionPart, String> refusals) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    StaffDirectory directory;

    /**
     * The session, when {@code member} may use {@code part} of it; otherwise 404 (no such session) or 403 saying who
     * can grant access.
     */
    public TrainingSession require(StaffMember member, String sessionId, SessionPart part) {
        TrainingSession session = existing(sessionId);
        SessionAccess access = accessOf(member, session);
        if (!access.allows(part)) {
            throw ProblemException.forbidden(access.refusal(part, session.title(), ownerName(session)));
        }
        return session;
    }

    /** Whether the enabled user of that name may still use {@code part}: for the board's heartbeat, off any request. */
    @Transactional
    public boolean stillAllowed(String username, String sessionId, SessionPart part) {
        if (username == null) {
            return false;
        }
        TrainingSession session = em.find(TrainingSession.class, sessionId);
        return session != null && directory.findEnabled(username)
                .map(member -> accessOf(member, session).allows(part)).orElse(false);
    }

    /** The page's answer: the parts {@code member} may use, and why not the others. */
    public AccessView accessTo(StaffMember member, String sessionId) {
        TrainingSession session = existing(sessionId);
        return view(session, accessOf(member, session));
    }

    /** {@link #accessTo} for each of a list of sessions, reading the member's team roles and the owners once. */
    public Map<String, AccessView> accessToEach(StaffMember member, List<TrainingSession> sessions) {
        Map<String, TeamRole> roles = teamRolesOf(member);
        Map<String, String> owners = new java.util.HashMap<>();
        Map<String, AccessView> views = new java.util.HashMap<>();
        for (TrainingSession session : sessions) {
            boolean owner = session.ownedBy(member.id());
            SessionAccess access = SessionAccess.of(member, owner, owner ? null : roles.get(session.id()));
            views.put(session.id(), view(session, access,
                    owners.computeIfAbsent(session.ownerId(), id -> ownerName(session))));
        }
        return views;
    }

    AccessView view(TrainingSession session, SessionAccess access) {
        return view(session, access, ownerName(session));
    }

    private static AccessView view(TrainingSession session, SessionAccess access, String owner) {
        Map<SessionPart, String> refusals = Arrays.stream(SessionPart.values()).filter(p -> !access.allows(p))
                .collect(Collectors.toMap(Function.identity(), p -> access.refusal(p, session.title(), owner),
                        (a, b) -> a, () -> new java.util.EnumMap<>(SessionPart.class)));
        return new AccessView(session.id(), session.title(), owner, access.relation(),
                access.parts().stream().sorted().toList(), refusals);
    }

    /** The sessions {@code member} is on the team of, with their role in each. */
    Map<String, TeamRole> teamRolesOf(StaffMember member) {
        return em.createNamedQuery(TeamMember.FIND_BY_STAFF, TeamMember.class).setParameter("staff", member.id())
                .getResultStream().collect(Collectors.toMap(TeamMember::sessionId, TeamMember::role));
    }

    SessionAccess accessOf(StaffMember member, TrainingSession session) {
        TeamRole role = session.ownedBy(member.id()) ? null
                : em.createNamedQuery(TeamMember.FIND_ONE, TeamMember.class)
                .setParameter("session", session.id()).setParameter("staff", member.id())
                .getResultStream().findFirst().map(TeamMember::role).orElse(null);
        return SessionAccess.of(member, session.ownedBy(member.id()), role);
    }

    String ownerName(TrainingSession session) {
        return directory.findById(session.ownerId()).map(StaffMember::displayName).orElse("who created it");
    }

    TrainingSession existing(String sessionId) {
        TrainingSession session = sessionId == null ? null : em.find(TrainingSession.class, sessionId);
        if (session == null) {
            throw ProblemException.notFound("session-not-found", "There is no session '" + sessionId + "'.");
        }
        return session;
    }
}
