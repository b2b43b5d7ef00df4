package app.rounds.contributions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A word of a word cloud, or an open-text answer: screened as stored, and shown only while APPROVED. A word cloud's
 * entries carry their folded {@code word}, under which equal words are counted together.
 */
@Entity
@Table(name = "poll_entry")
@NamedQuery(name = PollEntry.FIND_BY_POLL,
        query = "SELECT e FROM PollEntry e WHERE e.pollId = :poll ORDER BY e.createdAt, e.id")
@NamedQuery(name = PollEntry.FIND_OWN, query = "SELECT e FROM PollEntry e WHERE e.pollId = :poll "
        + "AND e.participantId = :participant ORDER BY e.createdAt, e.id")
@NamedQuery(name = PollEntry.DELETE_OWN,
        query = "DELETE FROM PollEntry e WHERE e.pollId = :poll AND e.participantId = :participant")
@NamedQuery(name = PollEntry.HIDE_WORD, query = "UPDATE PollEntry e "
        + "SET e.status = app.rounds.contributions.entity.EntryStatus.HIDDEN, e.updatedAt = :now "
        + "WHERE e.pollId = :poll AND e.word = :word")
public class PollEntry {

    public static final String FIND_BY_POLL = "PollEntry.findByPoll";
    public static final String FIND_OWN = "PollEntry.findOwn";
    public static final String DELETE_OWN = "PollEntry.deleteOwn";
    public static final String HIDE_WORD = "PollEntry.hideWord";

    @Id
    private String id;

    @Column(name = "poll_id", nullable = false, length = 36)
    private String pollId;

    @Column(name = "participant_id", nullable = false, length = 36)
    private String participantId;

    @Column(nullable = false, length = 500)
    private String text;

    @Column(length = 100)
    private String word;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private EntryStatus status;

    @Embedded
    private ScreeningRecord screening = ScreeningRecord.clean();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PollEntry() {
    }

    /**
     * A new entry: held PENDING when screening flagged it or when it must wait for a moderator ({@code waits}),
     * HIDDEN when a moderator hid its word already, otherwise APPROVED.
     */
    public PollEntry(String pollId, String participantId, String text, String word, ScreeningRecord screening,
                     boolean waits, boolean wordHidden, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.pollId = pollId;
        this.participantId = participantId;
        this.text = text;
        this.word = word;
        this.screening = screening;
        this.status = wordHidden ? EntryStatus.HIDDEN
                : waits || screening.held() ? EntryStatus.PENDING : EntryStatus.APPROVED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A moderator's decision; returns whether it changed anything. */
    public boolean moveTo(EntryStatus next, Instant now) {
        if (status == next) {
            return false;
        }
        status = next;
        updatedAt = now;
        return true;
    }

    public String id() {
        return id;
    }

    public String pollId() {
        return pollId;
    }

    public String participantId() {
        return participantId;
    }

    public String text() {
        return text;
    }

    public String word() {
        return word;
    }

    public EntryStatus status() {
        return status;
    }

    public ScreeningRecord screening() {
        // JPA reads an embeddable whose columns are all null (a clean entry) as null
        return screening == null ? ScreeningRecord.clean() : screening;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
