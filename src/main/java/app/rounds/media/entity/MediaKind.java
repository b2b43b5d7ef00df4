package app.rounds.media.entity;

public enum MediaKind {
    PHOTO, VIDEO
}
