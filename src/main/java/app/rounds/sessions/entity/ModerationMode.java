package app.rounds.sessions.entity;

/**
 * PRE_MODERATION: a moderator approves each web contribution before anyone else sees it (the default).
 * POST_MODERATION: web contributions show at once unless screening holds them; moderators can hide them later.
 */
public enum ModerationMode {
    PRE_MODERATION, POST_MODERATION
}
