package app.rounds.screening.entity;

import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What screening a text found, in text order; nothing found means the text may be shown. */
public record Screening(List<Finding> findings) {

    private static final Screening CLEAN = new Screening(List.of());

    public Screening {
        findings = findings.stream()
                .sorted(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end))
                .toList();
    }

    public static Screening clean() {
        return CLEAN;
    }

    /** True when the text must be held for a moderator. */
    public boolean flagged() {
        return !findings.isEmpty();
    }

    /** The reasons found, in declaration order. */
    public Set<Reason> reasons() {
        if (findings.isEmpty()) {
            return Set.of();
        }
        EnumSet<Reason> reasons = EnumSet.noneOf(Reason.class);
        findings.forEach(finding -> reasons.add(finding.reason()));
        return Collections.unmodifiableSet(reasons);
    }
}
