package app.rounds.sessions.entity;

/** The projector's colours: light text on dark (dim lecture halls) or dark text on light (bright rooms). */
public enum ProjectorTheme {
    DARK, LIGHT
}
