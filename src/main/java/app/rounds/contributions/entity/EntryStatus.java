package app.rounds.contributions.entity;

/**
 * A free-text entry of a poll: APPROVED entries are shown, PENDING ones wait for a moderator (screening held them, or
 * the session pre-moderates open text), HIDDEN ones a moderator took down.
 */
public enum EntryStatus {
    PENDING, APPROVED, HIDDEN
}
