package app.rounds.contributions.entity;

/** PREPARED until first opened; then OPEN (answers accepted) and CLOSED, as often as the presenter switches. */
public enum PollState {
    PREPARED, OPEN, CLOSED
}
