package app.rounds.screening.entity;

import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What screening a text found, in text order. Findings hold the text for a moderator; notes are findings that context
 * lowered (a simulation scenario, a mannequin's "patient"): they do not hold the text, but the moderator sees them and
 * why they were lowered. Nothing found means the text may be shown.
 */
public record Screening(List<Finding> findings, List<Finding> notes) {

    private static final Comparator<Finding> IN_TEXT_ORDER = Comparator.comparingInt(Finding::start)
            .thenComparingInt(Finding::end);
    private static final Screening CLEAN = new Screening(List.of(), List.of());

    public Screening {
        findings = findings.stream().sorted(IN_TEXT_ORDER).toList();
        notes = notes.stream().sorted(IN_TEXT_ORDER).toList();
    }

    public static Screening clean() {
        return CLEAN;
    }

    /** True when the text must be held for a moderator. */
    public boolean flagged() {
        return !findings.isEmpty();
    }

    /** The reasons the text is held for, in declaration order. */
    public Set<Reason> reasons() {
        if (findings.isEmpty()) {
            return Set.of();
        }
        EnumSet<Reason> reasons = EnumSet.noneOf(Reason.class);
        findings.forEach(finding -> reasons.add(finding.reason()));
        return Collections.unmodifiableSet(reasons);
    }
}
