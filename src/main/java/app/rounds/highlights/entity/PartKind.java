package app.rounds.highlights.entity;

/** What a part of a highlight shows: a trainee's question or feedback, or a photo or video from the library. */
public enum PartKind {
    QUESTION, FEEDBACK, MEDIA
}
