package app.rounds.sessions.entity;

/** What a staff member added to a session's team does in it. */
public enum TeamRole {
    /** Runs the board: moderation, hashtag sources, going live and ending. */
    CO_PRESENTER,
    /** Keeps the session's media and makes its highlights. */
    COMMUNICATOR
}
