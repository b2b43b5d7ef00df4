package app.rounds.media.entity;

/** What a person agreed to: use inside the hospital only, or publication. */
public enum ConsentScope {
    INTERNAL, PUBLIC
}
