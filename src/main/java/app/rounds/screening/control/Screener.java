package app.rounds.screening.control;

import app.rounds.screening.entity.Finding;
import app.rounds.screening.entity.Screening;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Screens free text before it can reach a public screen or page: patient data (the HIPAA Safe Harbor identifiers
 * that text can carry), what reads like a diagnosis or personal medical advice, and profanity. A heuristic first line, tuned to leave ordinary training talk
 * alone (doses, vital signs, lab values, times, years, room numbers); moderators make the decision.
 *
 * <p>Word lists: the defaults on the classpath, where {@code rounds.screening.word-lists} may name a directory whose
 * {@code <lang>.txt} files replace the default list of that language.
 */
@ApplicationScoped
public class Screener {

    public static final String WORD_LISTS = "rounds.screening.word-lists";
    private static final Logger LOG = Logger.getLogger(Screener.class.getName());

    private final ProfanityList words;

    public Screener() {
        this(configuredWords());
    }

    public Screener(ProfanityList words) {
        this.words = Objects.requireNonNull(words, "words");
    }

    /** What the text contains that a moderator should see first; clean for null or blank text. Never throws. */
    public Screening screen(String text) {
        if (text == null || text.isBlank()) {
            return Screening.clean();
        }
        ScreenedText screened = new ScreenedText(text);
        List<Finding> kept = new ArrayList<>();
        for (Rule rule : PatientDataRules.ALL) {
            apply(rule, screened, kept);
        }
        for (Rule rule : MedicalAdviceRules.ALL) {
            apply(rule, screened, kept);
        }
        apply((t, found) -> words.findIn(t.value()).forEach(found), screened, kept);
        return kept.isEmpty() ? Screening.clean() : new Screening(kept);
    }

    /** Adds the rule's findings that overlap none already kept: earlier rules take precedence. */
    private static void apply(Rule rule, ScreenedText text, List<Finding> kept) {
        try {
            rule.findIn(text, finding -> {
                for (Finding other : kept) {
                    if (other.overlaps(finding)) {
                        return;
                    }
                }
                kept.add(finding);
            });
        } catch (RuntimeException | StackOverflowError e) {
            // one broken rule must not let the others' findings through unseen, nor fail the post
            LOG.log(Level.WARNING, "screening rule failed on a text of " + text.value().length() + " chars", e);
        }
    }

    private static ProfanityList configuredWords() {
        Optional<String> directory;
        try {
            directory = ConfigProvider.getConfig().getOptionalValue(WORD_LISTS, String.class)
                    .filter(d -> !d.isBlank());
        } catch (RuntimeException | LinkageError | java.util.ServiceConfigurationError e) {
            // plain unit tests have the MicroProfile Config API but no implementation
            return ProfanityList.defaults();
        }
        if (directory.isEmpty()) {
            return ProfanityList.defaults();
        }
        try {
            ProfanityList loaded = ProfanityList.load(Path.of(directory.get()));
            LOG.info(() -> "Screening word lists from " + directory.get() + ": " + loaded.languages());
            return loaded;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, WORD_LISTS + " = " + directory.get() + " cannot be read; using the default lists",
                    e);
            return ProfanityList.defaults();
        }
    }
}
