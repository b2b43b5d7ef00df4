package app.rounds.highlights.control;

import app.rounds.screening.control.Screener;
import app.rounds.screening.entity.Finding;
import app.rounds.screening.entity.Reason;
import app.rounds.screening.entity.Screening;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs the screener over everything a highlight would show. A finding blocks submission until the text changes or
 * the author gives a written reason to go ahead, which the reviewer sees beside it. For a public page, notes (patient
 * data a simulation marker lowered) count as findings too.
 */
@ApplicationScoped
public class HighlightScreening {

    private static final Jsonb JSON = JsonbBuilder.create();

    /**
     * A finding in one shown text, {@code why} screening found it; {@code justification} is the author's reason to go
     * ahead, if given.
     */
    public record HighlightFinding(String field, String excerpt, Reason reason, String label, String why,
                                   String justification) {

        public boolean overridden() {
            return justification != null && !justification.isBlank();
        }
    }

    /** The author's reason to publish a finding as it is. */
    public record Justification(String field, String excerpt, Reason reason, String justification) {
    }

    @Inject
    Screener screener;

    /** The findings in the rendition's texts, each with the matching justification, if any was given. */
    public List<HighlightFinding> screen(Rendition rendition, List<Justification> justifications) {
        List<HighlightFinding> found = new ArrayList<>();
        for (Rendition.ScreenedField field : rendition.texts()) {
            Screening screening = screener.screen(field.text());
            // what a simulation lowered is still checked before it goes public: the author says why it may
            List<Finding> shown = new ArrayList<>(screening.findings());
            shown.addAll(screening.notes());
            for (Finding finding : shown) {
                String excerpt = finding.excerpt(field.text());
                String reason = justifications.stream()
                        .filter(j -> Objects.equals(j.field(), field.field()) && Objects.equals(j.excerpt(), excerpt)
                                && j.reason() == finding.reason() && j.justification() != null
                                && !j.justification().isBlank())
                        .map(j -> j.justification().strip()).findFirst().orElse(null);
                found.add(new HighlightFinding(field.field(), excerpt, finding.reason(), finding.reason().label(),
                        finding.why(), reason));
            }
        }
        return List.copyOf(found);
    }

    /** The justifications given at the last submission, stored with its findings. */
    public static List<Justification> justificationsIn(String storedScreening) {
        if (storedScreening == null) {
            return List.of();
        }
        HighlightFinding[] stored = JSON.fromJson(storedScreening, HighlightFinding[].class);
        List<Justification> given = new ArrayList<>();
        for (HighlightFinding finding : stored) {
            if (finding.overridden()) {
                given.add(new Justification(finding.field(), finding.excerpt(), finding.reason(),
                        finding.justification()));
            }
        }
        return given;
    }

    public static List<HighlightFinding> read(String storedScreening) {
        return storedScreening == null ? List.of() : List.of(JSON.fromJson(storedScreening, HighlightFinding[].class));
    }

    public static String stored(List<HighlightFinding> findings) {
        return findings.isEmpty() ? null : JSON.toJson(findings);
    }
}
