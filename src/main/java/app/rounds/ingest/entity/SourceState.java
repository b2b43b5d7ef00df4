package app.rounds.ingest.entity;

/**
 * RUNNING: its last call succeeded. BACKING_OFF: a call failed or the source asked Rounds to wait; it is tried again
 * later. FAILING: several calls in a row failed. STOPPED: disabled by staff.
 */
public enum SourceState {
    RUNNING, BACKING_OFF, FAILING, STOPPED
}
