package app.rounds.contributions.control;

import app.rounds.screening.entity.Finding;
import app.rounds.screening.entity.Screening;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

import java.util.List;

/**
 * Screening findings as moderators see them, stored with the contribution as JSON: where in the text, and why.
 */
public final class Findings {

    public record Shown(int start, int end, String reason, String label) {
    }

    private static final Jsonb JSON = JsonbBuilder.create();

    private Findings() {
    }

    /** Findings kept per text: enough for a moderator to see why; a text with more is held all the same. */
    static final int MAX_KEPT = 50;

    /** The JSON to store, or null when screening found nothing. */
    static String stored(Screening screening) {
        if (!screening.flagged()) {
            return null;
        }
        return JSON.toJson(screening.findings().stream().limit(MAX_KEPT).map(Findings::shown).toList());
    }

    public static List<Shown> read(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        try {
            return List.of(JSON.fromJson(stored, Shown[].class));
        } catch (JsonbException e) {
            return List.of();
        }
    }

    private static Shown shown(Finding finding) {
        return new Shown(finding.start(), finding.end(), finding.reason().name(), finding.reason().label());
    }
}
