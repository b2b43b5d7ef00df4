package app.rounds.sessions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A staff member on a session's team, with their role in it; the owner is not one (ownership is the session's). */
@Entity
@Table(name = "session_team_member")
@NamedQuery(name = TeamMember.FIND_BY_SESSION,
        query = "SELECT m FROM TeamMember m WHERE m.sessionId = :session ORDER BY m.addedAt")
@NamedQuery(name = TeamMember.FIND_ONE,
        query = "SELECT m FROM TeamMember m WHERE m.sessionId = :session AND m.staffId = :staff")
@NamedQuery(name = TeamMember.FIND_BY_STAFF,
        query = "SELECT m FROM TeamMember m WHERE m.staffId = :staff")
public class TeamMember {

    public static final String FIND_BY_SESSION = "TeamMember.findBySession";
    public static final String FIND_ONE = "TeamMember.findOne";
    public static final String FIND_BY_STAFF = "TeamMember.findByStaff";

    @Id
    private String id;

    @Column(name = "session_id", nullable = false, length = 36)
    private String sessionId;

    @Column(name = "staff_id", nullable = false, length = 36)
    private String staffId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TeamRole role;

    @Column(name = "added_by", nullable = false, length = 64)
    private String addedBy;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected TeamMember() {
    }

    public TeamMember(String sessionId, String staffId, TeamRole role, String addedBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.sessionId = Objects.requireNonNull(sessionId);
        this.staffId = Objects.requireNonNull(staffId);
        this.role = Objects.requireNonNull(role);
        this.addedBy = Objects.requireNonNull(addedBy);
        this.addedAt = now;
        this.updatedAt = now;
    }

    public void changeRole(TeamRole next, Instant now) {
        this.role = Objects.requireNonNull(next);
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public String staffId() {
        return staffId;
    }

    public TeamRole role() {
        return role;
    }

    public String addedBy() {
        return addedBy;
    }

    public Instant addedAt() {
        return addedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
