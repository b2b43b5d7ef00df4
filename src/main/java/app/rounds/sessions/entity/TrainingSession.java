package app.rounds.sessions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

/** A training session: what trainees join, ask and give feedback in, from scheduling to its end. */
@Entity
@Table(name = "training_session")
@NamedQuery(name = TrainingSession.FIND_BY_JOIN_CODE,
        query = "SELECT s FROM TrainingSession s WHERE s.joinCode.code = :code")
@NamedQuery(name = TrainingSession.FIND_ACTIVE_BY_HASHTAG,
        query = "SELECT s FROM TrainingSession s WHERE s.hashtag.normalized = :key AND s.status <> app.rounds.sessions.entity.SessionStatus.ENDED")
@NamedQuery(name = TrainingSession.FIND_ALL,
        query = "SELECT s FROM TrainingSession s ORDER BY s.createdAt DESC")
@NamedQuery(name = TrainingSession.FIND_BY_OWNER_OR_TEAM,
        query = "SELECT s FROM TrainingSession s WHERE s.ownerId = :staff OR s.id IN "
                + "(SELECT m.sessionId FROM TeamMember m WHERE m.staffId = :staff) ORDER BY s.createdAt DESC")
@NamedQuery(name = TrainingSession.FIND_ENDED_BEFORE,
        query = "SELECT s.id FROM TrainingSession s WHERE s.id IN :ids AND s.status = app.rounds.sessions.entity.SessionStatus.ENDED AND s.endedAt < :before")
public class TrainingSession {

    public static final String FIND_BY_JOIN_CODE = "TrainingSession.findByJoinCode";
    public static final String FIND_ACTIVE_BY_HASHTAG = "TrainingSession.findActiveByHashtag";
    public static final String FIND_ALL = "TrainingSession.findAll";
    public static final String FIND_BY_OWNER_OR_TEAM = "TrainingSession.findByOwnerOrTeam";
    public static final String FIND_ENDED_BEFORE = "TrainingSession.findEndedBefore";

    @Id
    private String id;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(length = 200)
    private String facility;

    @Column(length = 4000)
    private String description;

    @Column(name = "scheduled_start")
    private Instant scheduledStart;

    @Column(name = "scheduled_end")
    private Instant scheduledEnd;

    @Embedded
    private Hashtag hashtag;

    @Enumerated(EnumType.STRING)
    @Column(name = "moderation_mode", nullable = false, length = 20)
    private ModerationMode moderationMode;

    @Enumerated(EnumType.STRING)
    @Column(name = "other_posts", nullable = false, length = 16)
    private OtherPosts otherPosts = OtherPosts.QUESTION;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SessionStatus status;

    @Embedded
    private JoinCode joinCode;

    @Column(name = "owner_id", nullable = false, length = 36)
    private String ownerId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Embedded
    private ProjectorSettings projector = ProjectorSettings.standard();

    @Version
    private long version;

    protected TrainingSession() {
    }

    public TrainingSession(SessionDetails details, JoinCode joinCode, String ownerId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.status = SessionStatus.SCHEDULED;
        this.joinCode = Objects.requireNonNull(joinCode);
        this.ownerId = Objects.requireNonNull(ownerId);
        this.createdAt = now;
        apply(details, now);
    }

    /** Replaces what the organiser describes; an ended session is closed to changes. */
    public void revise(SessionDetails details, Instant now) {
        if (status == SessionStatus.ENDED) {
            throw new IllegalStateException("An ended session cannot be changed.");
        }
        apply(details, now);
    }

    public void moveTo(SessionStatus next, Instant now) {
        if (!status.canBecome(next)) {
            throw new IllegalStateException("A " + status.name().toLowerCase() + " session cannot become "
                    + next.name().toLowerCase() + ".");
        }
        status = next;
        updatedAt = now;
        if (next == SessionStatus.LIVE) {
            startedAt = now;
        } else if (next == SessionStatus.ENDED) {
            endedAt = now;
        }
    }

    /** The presenter changes how the projector shows the session; not once it has ended. Whether it changed. */
    public boolean showOnProjector(ProjectorSettings settings, Instant now) {
        if (status == SessionStatus.ENDED) {
            throw new IllegalStateException("An ended session cannot be changed.");
        }
        if (projector().equals(settings)) {
            return false;
        }
        projector = Objects.requireNonNull(settings);
        updatedAt = now;
        return true;
    }

    private void apply(SessionDetails details, Instant now) {
        this.title = details.title();
        this.facility = details.facility();
        this.description = details.description();
        this.scheduledStart = details.scheduledStart();
        this.scheduledEnd = details.scheduledEnd();
        this.hashtag = details.hashtag();
        this.moderationMode = details.moderationMode();
        this.otherPosts = details.otherPosts();
        this.updatedAt = now;
    }

    public boolean ownedBy(String staffId) {
        return ownerId.equals(staffId);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String facility() {
        return facility;
    }

    public String description() {
        return description;
    }

    public Instant scheduledStart() {
        return scheduledStart;
    }

    public Instant scheduledEnd() {
        return scheduledEnd;
    }

    public Hashtag hashtag() {
        return hashtag;
    }

    public ModerationMode moderationMode() {
        return moderationMode;
    }

    public OtherPosts otherPosts() {
        return otherPosts;
    }

    public SessionStatus status() {
        return status;
    }

    public JoinCode joinCode() {
        return joinCode;
    }

    public String ownerId() {
        return ownerId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public ProjectorSettings projector() {
        return projector == null ? ProjectorSettings.standard() : projector;
    }
}
