package app.rounds.highlights.entity;

/**
 * VERBATIM shows the contribution's own words, attributed as its author allows; PARAPHRASE shows the communicator's
 * rewording, never attributed.
 */
public enum QuoteMode {
    VERBATIM, PARAPHRASE
}
