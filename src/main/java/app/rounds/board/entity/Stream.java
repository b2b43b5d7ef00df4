package app.rounds.board.entity;

/**
 * The two views of a session's board. MODERATION carries everything, screening findings included, to the session's
 * staff; PUBLIC carries only approved questions, without who asked them, to trainees and the projector.
 */
public enum Stream {
    MODERATION, PUBLIC
}
