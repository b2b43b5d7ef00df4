package app.rounds.contributions.entity;

/**
 * What a poll asks for. Choices are positions in the poll's options; a quiz marks the correct ones and scores answers
 * for being right and fast; word clouds and open text are free text, screened before anyone else can see it.
 */
public enum PollKind {
    SINGLE_CHOICE, MULTIPLE_CHOICE, RATING, WORD_CLOUD, OPEN_TEXT, QUIZ;

    /** Answered by choosing options. */
    public boolean chooses() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE || this == QUIZ;
    }

    /** Answered in words: each entry is screened, and shown only when approved. */
    public boolean freeText() {
        return this == WORD_CLOUD || this == OPEN_TEXT;
    }
}
