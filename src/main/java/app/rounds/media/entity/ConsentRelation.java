package app.rounds.media.entity;

/** How a person pictured relates to the hospital. */
public enum ConsentRelation {
    STAFF, TRAINEE, PATIENT, VISITOR
}
