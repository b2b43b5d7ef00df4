package app.rounds.contributions.entity;

import java.util.List;

/**
 * What a presenter prepares: the kind, the question, and what the kind needs (options; the most options one may
 * choose; a rating's scale and its end labels; a word cloud's language; a quiz's time limit). Checked by the control
 * layer before it is stored.
 */
public record PollSpec(PollKind kind, String title, List<PollOption> options, Integer maxChoices, Integer scaleMax,
                       String lowLabel, String highLabel, String language, Integer timeLimitSeconds) {

    public PollSpec {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
