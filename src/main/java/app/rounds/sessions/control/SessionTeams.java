package app.rounds.sessions.control;

import app.rounds.audit.control.AuditLog;
import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.UniqueConstraints;
import app.rounds.security.control.StaffDirectory;
import app.rounds.security.control.StaffMember;
import app.rounds.sessions.entity.TeamMember;
import app.rounds.sessions.entity.TeamRole;
import app.rounds.sessions.entity.TrainingSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A session's team: its owner (or an admin) adds staff as co-presenters or communicators, changes their role and
 * removes them. Every change goes on record in the audit trail and is announced ({@link TeamChanged}), so that what a
 * member loses stops at once, open WebSockets included.
 */
@ApplicationScoped
@Transactional
public class SessionTeams {

    public record MemberView(String username, String displayName, TeamRole role, String addedBy, Instant addedAt) {
    }

    /** The owner and the members; {@code owner} is the owner's display name. */
    public record TeamView(String sessionId, String ownerUsername, String owner, List<MemberView> members) {
    }

    /** A member after a PUT, and whether they were new to the team. */
    public record Placed(MemberView member, boolean added) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    SessionStaff staff;

    @Inject
    StaffDirectory directory;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    Event<TeamChanged> changed;

    @Transactional(Transactional.TxType.SUPPORTS)
    public TeamView team(String sessionId, StaffMember viewer) {
        TrainingSession session = staff.require(viewer, sessionId, SessionPart.SEE);
        Optional<StaffMember> owner = directory.findById(session.ownerId());
        List<MemberView> members = em.createNamedQuery(TeamMember.FIND_BY_SESSION, TeamMember.class)
                .setParameter("session", sessionId).getResultStream()
                .flatMap(m -> directory.findById(m.staffId()).map(s -> view(m, s)).stream()).toList();
        return new TeamView(sessionId, owner.map(StaffMember::username).orElse(null),
                staff.ownerName(session), members);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberView member(String sessionId, String username, StaffMember viewer) {
        staff.require(viewer, sessionId, SessionPart.SEE);
        StaffMember member = staffMember(username);
        return find(sessionId, member).map(m -> view(m, member)).orElseThrow(() -> notOnTeam(member));
    }

    /** Adds {@code username} to the team in {@code role}, or gives a member that role. */
    public Placed place(String sessionId, String username, TeamRole role, StaffMember actor) {
        if (role == null) {
            throw ProblemException.invalidField("role", "choose co-presenter (CO_PRESENTER) or communicator (COMMUNICATOR)");
        }
        TrainingSession session = staff.require(actor, sessionId, SessionPart.MANAGE);
        StaffMember member = staffMember(username);
        if (session.ownedBy(member.id())) {
            throw ProblemException.conflict("team-owner",
                    member.displayName() + " owns this session and may already use all of it.");
        }
        SessionAccess.cannotTake(member, role).ifPresent(why -> {
            throw ProblemException.conflict("team-role-not-held", why);
        });
        Instant now = clock.instant();
        Optional<TeamMember> existing = find(sessionId, member);
        TeamRole before = existing.map(TeamMember::role).orElse(null);
        TeamMember placed;
        if (existing.isPresent()) {
            placed = existing.get();
            if (before == role) {
                return new Placed(view(placed, member), false);
            }
            placed.changeRole(role, now);
        } else {
            placed = new TeamMember(sessionId, member.id(), role, actor.username(), now);
            em.persist(placed);
        }
        UniqueConstraints.flush(em, "uq_session_team_member", () -> ProblemException.conflict("concurrent-change",
                member.displayName() + " was added to the team at the same moment: reload the team."));
        audit.record(actor.username(), before == null ? "session.team.added" : "session.team.changed",
                subject(sessionId, member), detail(member, before, role));
        changed.fire(new TeamChanged(sessionId, member.username(), before, role));
        return new Placed(view(placed, member), before == null);
    }

    /** Takes {@code username} off the team; what they could use stops at once. */
    public void remove(String sessionId, String username, StaffMember actor) {
        staff.require(actor, sessionId, SessionPart.MANAGE);
        StaffMember member = staffMember(username);
        TeamMember existing = find(sessionId, member).orElseThrow(() -> notOnTeam(member));
        em.remove(existing);
        audit.record(actor.username(), "session.team.removed", subject(sessionId, member),
                detail(member, existing.role(), null));
        changed.fire(new TeamChanged(sessionId, member.username(), existing.role(), null));
    }

    private StaffMember staffMember(String username) {
        return directory.find(username).orElseThrow(() -> ProblemException.notFound("user-not-found",
                "There is no staff member with the user name '" + username
                        + "': check the spelling, or ask an admin to add them on the Users page."));
    }

    private Optional<TeamMember> find(String sessionId, StaffMember member) {
        return em.createNamedQuery(TeamMember.FIND_ONE, TeamMember.class)
                .setParameter("session", sessionId).setParameter("staff", member.id())
                .getResultStream().findFirst();
    }

    private static ProblemException notOnTeam(StaffMember member) {
        return ProblemException.notFound("team-member-not-found",
                member.displayName() + " is not on this session's team.");
    }

    private static MemberView view(TeamMember m, StaffMember s) {
        return new MemberView(s.username(), s.displayName(), m.role(), m.addedBy(), m.addedAt());
    }

    private static AuditLog.Subject subject(String sessionId, StaffMember member) {
        return new AuditLog.Subject("session-team-member", member.username(), sessionId);
    }

    private static Map<String, Object> detail(StaffMember member, TeamRole before, TeamRole after) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("username", member.username());
        if (before != null) {
            detail.put("previousRole", before.name());
        }
        if (after != null) {
            detail.put("role", after.name());
        }
        return detail;
    }
}
