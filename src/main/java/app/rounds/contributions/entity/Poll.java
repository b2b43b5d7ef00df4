package app.rounds.contributions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A poll, quiz or word cloud of a session: prepared before, then opened and closed by a presenter as often as they
 * like. Its question and options can change only until it is first opened, so answers always refer to what was asked.
 */
@Entity
@Table(name = "poll")
@NamedQuery(name = Poll.FIND_BY_SESSION, query = "SELECT p FROM Poll p WHERE p.sessionId = :session "
        + "ORDER BY p.position, p.createdAt")
@NamedQuery(name = Poll.FIND_OPEN, query = "SELECT p FROM Poll p WHERE p.sessionId = :session "
        + "AND p.state = app.rounds.contributions.entity.PollState.OPEN")
@NamedQuery(name = Poll.FIND_EXPIRED, query = "SELECT p.id FROM Poll p "
        + "WHERE p.state = app.rounds.contributions.entity.PollState.OPEN AND p.closesAt <= :now")
@NamedQuery(name = Poll.LAST_POSITION, query = "SELECT MAX(p.position) FROM Poll p WHERE p.sessionId = :session")
public class Poll {

    public static final String FIND_BY_SESSION = "Poll.findBySession";
    public static final String FIND_OPEN = "Poll.findOpen";
    public static final String FIND_EXPIRED = "Poll.findExpired";
    public static final String LAST_POSITION = "Poll.lastPosition";
    public static final int MAX_TITLE = 300;

    @Id
    private String id;

    @Column(name = "session_id", nullable = false, length = 36)
    private String sessionId;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PollKind kind;

    @Column(nullable = false, length = MAX_TITLE)
    private String title;

    @Convert(converter = PollOptionsColumn.class)
    private List<PollOption> options = List.of();

    @Column(name = "max_choices")
    private Integer maxChoices;

    @Column(name = "scale_max")
    private Integer scaleMax;

    @Column(name = "low_label", length = 40)
    private String lowLabel;

    @Column(name = "high_label", length = 40)
    private String highLabel;

    @Column(nullable = false, length = 2)
    private String language;

    @Column(name = "time_limit_seconds")
    private Integer timeLimitSeconds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private PollState state;

    @Column(name = "results_shown", nullable = false)
    private boolean resultsShown;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "closes_at")
    private Instant closesAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Poll() {
    }

    public Poll(String sessionId, int position, PollSpec spec, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.sessionId = sessionId;
        this.position = position;
        this.state = PollState.PREPARED;
        this.createdAt = now;
        apply(spec, now);
    }

    /** Changes what is asked; only a poll never opened may change (409 above this, from the control layer). */
    public void edit(PollSpec spec, Instant now) {
        if (used()) {
            throw new IllegalStateException("A poll that was opened keeps what it asked");
        }
        apply(spec, now);
    }

    private void apply(PollSpec spec, Instant now) {
        this.kind = spec.kind();
        this.title = spec.title();
        this.options = spec.options();
        this.maxChoices = spec.maxChoices();
        this.scaleMax = spec.scaleMax();
        this.lowLabel = spec.lowLabel();
        this.highLabel = spec.highLabel();
        this.language = spec.language();
        this.timeLimitSeconds = spec.timeLimitSeconds();
        this.updatedAt = now;
    }

    /** Opens for answers (again): a quiz with a time limit closes that long from now. */
    public void open(Instant now) {
        state = PollState.OPEN;
        openedAt = now;
        closesAt = timeLimitSeconds == null ? null : now.plus(Duration.ofSeconds(timeLimitSeconds));
        closedAt = null;
        updatedAt = now;
    }

    public void close(Instant now) {
        state = PollState.CLOSED;
        closesAt = null;
        closedAt = now;
        updatedAt = now;
    }

    /** Whether the projector and trainees see the results; returns whether that changed. */
    public boolean showResults(boolean shown, Instant now) {
        if (resultsShown == shown) {
            return false;
        }
        resultsShown = shown;
        updatedAt = now;
        return true;
    }

    public void moveTo(int position) {
        this.position = position;
    }

    /** Whether answers are taken at {@code now}: open, and its time (if it has a limit) not yet up. */
    public boolean accepting(Instant now) {
        return state == PollState.OPEN && (closesAt == null || now.isBefore(closesAt));
    }

    /** Whether it was ever opened: then it has been seen, and may have answers. */
    public boolean used() {
        return state != PollState.PREPARED;
    }

    public PollSpec spec() {
        return new PollSpec(kind, title, options, maxChoices, scaleMax, lowLabel, highLabel, language, timeLimitSeconds);
    }

    public String id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public int position() {
        return position;
    }

    public PollKind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public List<PollOption> options() {
        return options;
    }

    public Integer maxChoices() {
        return maxChoices;
    }

    public Integer scaleMax() {
        return scaleMax;
    }

    public String language() {
        return language;
    }

    public Integer timeLimitSeconds() {
        return timeLimitSeconds;
    }

    public PollState state() {
        return state;
    }

    public boolean resultsShown() {
        return resultsShown;
    }

    /** Changes with every change of the poll (its state, timing, results shown): what an answer is checked against. */
    public long version() {
        return version;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant closesAt() {
        return closesAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
