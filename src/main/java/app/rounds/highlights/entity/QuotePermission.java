package app.rounds.highlights.entity;

/** A network post's author's answer to "may we quote you?": only GRANTED allows a verbatim, attributed quote. */
public enum QuotePermission {
    PENDING, GRANTED, DECLINED
}
