package app.rounds.media.entity;

public enum ConsentStatus {
    PENDING, GRANTED, WITHDRAWN
}
