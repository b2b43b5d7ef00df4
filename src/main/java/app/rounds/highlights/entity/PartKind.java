package app.rounds.highlights.entity;

/**
 * What a part of a highlight shows: a trainee's question or feedback, a photo or video from the library, or the
 * results of a closed poll (counts only: nobody's answer, no names).
 */
public enum PartKind {
    QUESTION, FEEDBACK, MEDIA, POLL;

    /** Someone's own words, quoted verbatim or paraphrased, with the permissions that go with quoting. */
    public boolean quotes() {
        return this == QUESTION || this == FEEDBACK;
    }
}
