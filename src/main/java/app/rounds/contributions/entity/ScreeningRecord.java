package app.rounds.contributions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What screening found in a contribution, as moderators see it (JSON made by the control layer): the findings that
 * hold it for a moderator, and the notes that did not (a simulation's "patient"). Held exactly when there are findings.
 */
@Embeddable
public class ScreeningRecord {

    @Column(name = "screening")
    private String findings;

    @Column(name = "screening_notes")
    private String notes;

    protected ScreeningRecord() {
    }

    public ScreeningRecord(String findings, String notes) {
        this.findings = findings;
        this.notes = notes;
    }

    /** Nothing found: a new instance each time, as every entity owns its embeddable. */
    public static ScreeningRecord clean() {
        return new ScreeningRecord(null, null);
    }

    public boolean held() {
        return findings != null;
    }

    /** The findings as JSON, or null when nothing holds the text. */
    public String findings() {
        return findings;
    }

    /** The notes as JSON, or null. */
    public String notes() {
        return notes;
    }
}
