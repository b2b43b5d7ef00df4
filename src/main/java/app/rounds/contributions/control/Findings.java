package app.rounds.contributions.control;

import app.rounds.contributions.entity.ScreeningRecord;
import app.rounds.screening.entity.Finding;
import app.rounds.screening.entity.Screening;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

import java.util.List;

/**
 * Screening findings as moderators see them, stored with the contribution as JSON: where in the text, what kind,
 * and why in words. Notes are findings that context lowered: shown, not held.
 */
public final class Findings {

    public record Shown(int start, int end, String reason, String label, String why) {
    }

    /** Built on first use: rules that read no findings are unit-tested where there is no JSON-B provider. */
    private static final class Json {
        static final Jsonb JSON = JsonbBuilder.create();
    }

    private Findings() {
    }

    /** Findings kept per text: enough for a moderator to see why; a text with more is held all the same. */
    static final int MAX_KEPT = 50;

    /** What to store: the findings and the notes as JSON, each null when there are none. */
    static ScreeningRecord recorded(Screening screening) {
        return new ScreeningRecord(json(screening.findings()), json(screening.notes()));
    }

    private static String json(List<Finding> findings) {
        return findings.isEmpty() ? null : Json.JSON.toJson(findings.stream().limit(MAX_KEPT).map(Findings::shown).toList());
    }

    public static List<Shown> read(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        try {
            return List.of(Json.JSON.fromJson(stored, Shown[].class));
        } catch (JsonbException e) {
            return List.of();
        }
    }

    private static Shown shown(Finding finding) {
        return new Shown(finding.start(), finding.end(), finding.reason().name(), finding.reason().label(),
                finding.why());
    }
}
