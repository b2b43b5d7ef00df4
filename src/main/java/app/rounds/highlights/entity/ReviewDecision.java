package app.rounds.highlights.entity;

public enum ReviewDecision {
    APPROVE, REJECT
}
