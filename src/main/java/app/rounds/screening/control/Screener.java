package app.rounds.screening.control;

import app.rounds.screening.entity.Finding;
import app.rounds.screening.entity.Reason;
import app.rounds.screening.entity.Screening;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
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
 * that text can carry), what reads like a diagnosis or treatment advice given to a member of the public, and
 * profanity. A heuristic first line, tuned to leave ordinary training talk alone (doses, vital signs, lab values,
 * times, years, room numbers); moderators make the decision.
 *
 * <p>Context lowers a finding: the organisation's own public contacts (configured) are not findings at all, and
 * patient data in a sentence that says its patient is not real (a mannequin, a scenario card, a sandbox record)
 * becomes a note the moderator sees, without holding the text.
 *
 * <p>Configuration: {@code rounds.screening.word-lists} may name a directory whose {@code <lang>.txt} files replace
 * the default profanity list of that language; {@code rounds.screening.allowed-phones}, {@code …allowed-domains}
 * (comma-separated) and {@code …allowed-addresses} (semicolon-separated) are the organisation's public contacts.
 */
@ApplicationScoped
public class Screener {

    public static final String WORD_LISTS = "rounds.screening.word-lists";
    public static final String ALLOWED_PHONES = "rounds.screening.allowed-phones";
    public static final String ALLOWED_DOMAINS = "rounds.screening.allowed-domains";
    public static final String ALLOWED_ADDRESSES = "rounds.screening.allowed-addresses";
    private static final Logger LOG = Logger.getLogger(Screener.class.getName());
    private static final String SIMULATION = "lowered: the post says this patient is not real (a simulation, "
            + "a mannequin or a test record)";
    /** Longer texts are held unscreened: every rule is linear or bounded, but a limit keeps a hostile post cheap. */
    static final int MAX_LENGTH = 50_000;

    private final ProfanityList words;
    private final OrganisationContacts organisation;
    private final List<Rule> rules;

    public Screener() {
        this(configuredWords(), configuredContacts());
    }

    public Screener(ProfanityList words) {
        this(words, OrganisationContacts.NONE);
    }

    public Screener(ProfanityList words, OrganisationContacts organisation) {
        this.words = Objects.requireNonNull(words, "words");
        this.organisation = Objects.requireNonNull(organisation, "organisation");
        List<Rule> all = new ArrayList<>(PatientDataRules.ALL);
        all.add(PlaceRules.ALL);
        all.add(new NameRules(NameGazetteer.get()));
        all.add(PatientDataRules.UNKNOWN_PATIENT_ALIAS);
        all.add(PatientDataRules.UK_DRIVING_LICENCE);
        all.add(PatientDataRules.BARE_CODES);
        all.add(PatientDataRules.STRUCTURED_CODES);
        all.add(PatientDataRules.DEVICE_CODES);
        all.add(PatientDataRules.LONG_NUMBERS);
        all.add(new MedicalAdviceRules());
        all.add((t, found) -> this.words.findIn(t.value()).forEach(found));
        this.rules = List.copyOf(all);
    }

    /**
     * What the text contains that a moderator should see first; clean for null or blank text. Never throws, and
     * fails closed: a text too long to screen, or one a rule failed on, is held with a {@code NOT_SCREENED} finding.
     */
    public Screening screen(String text) {
        if (text == null || text.isBlank()) {
            return Screening.clean();
        }
        if (text.length() > MAX_LENGTH) {
            return notScreened(text, "longer than " + MAX_LENGTH + " characters: too long to screen");
        }
        try {
            ScreenedText screened = new ScreenedText(text);
            List<Finding> kept = new ArrayList<>();
            List<Finding> allowed = new ArrayList<>();
            for (Rule rule : rules) {
                if (!apply(rule, screened, kept, allowed)) {
                    return notScreened(text, "a screening rule failed on this text");
                }
            }
            if (kept.isEmpty()) {
                return Screening.clean();
            }
            List<Finding> held = new ArrayList<>(kept.size());
            List<Finding> notes = new ArrayList<>();
            for (Finding finding : kept) {
                if (finding.reason().patientData() && screened.context().simulationAt(finding.start())) {
                    notes.add(finding.because(SIMULATION));
                } else {
                    held.add(finding);
                }
            }
            return new Screening(held, notes);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.WARNING, "screening failed on a text of " + text.length() + " chars", e);
            return notScreened(text, "screening failed on this text");
        }
    }

    private static Screening notScreened(String text, String why) {
        return new Screening(List.of(new Finding(0, text.length(), Reason.NOT_SCREENED, why)), List.of());
    }

    /**
     * Adds the rule's findings that overlap none already kept of the same sort (patient data, advice, profanity):
     * earlier rules take precedence, so "NHS number 943 476 5919" is one national id, not also a phone number. The
     * organisation's own contacts are dropped before they can hide anything inside them (an NHS number in the query
     * of a link to the hospital's site). Whether the rule ran to its end.
     */
    private boolean apply(Rule rule, ScreenedText text, List<Finding> kept, List<Finding> allowed) {
        try {
            rule.findIn(text, finding -> {
                for (Finding other : kept) {
                    if (other.overlaps(finding) && sameSort(other, finding)) {
                        return;
                    }
                }
                if (finding.reason().patientData() && organisation.allows(finding, text.value())) {
                    // the hospital's address or phone line is all of its span; a link or an e-mail may carry more
                    if (finding.reason() == Reason.ADDRESS || finding.reason() == Reason.PHONE_OR_FAX) {
                        allowed.add(finding);
                    }
                    return;
                }
                for (Finding other : allowed) {
                    if (other.overlaps(finding) && finding.reason().patientData()) {
                        return;
                    }
                }
                kept.add(finding);
            });
            return true;
        } catch (RuntimeException | StackOverflowError e) {
            // one broken rule must not let the text through with fewer findings: it is held, unscreened
            LOG.log(Level.WARNING, "screening rule failed on a text of " + text.value().length() + " chars", e);
            return false;
        }
    }

    private static boolean sameSort(Finding a, Finding b) {
        return a.reason().patientData() == b.reason().patientData()
                && (a.reason().patientData() || a.reason() == b.reason());
    }

    private static Optional<Config> config() {
        try {
            return Optional.of(ConfigProvider.getConfig());
        } catch (RuntimeException | LinkageError | java.util.ServiceConfigurationError e) {
            // plain unit tests have the MicroProfile Config API but no implementation
            return Optional.empty();
        }
    }

    private static OrganisationContacts configuredContacts() {
        return config().map(c -> {
            OrganisationContacts contacts = OrganisationContacts.of(
                    c.getOptionalValue(ALLOWED_PHONES, String.class).orElse(null),
                    c.getOptionalValue(ALLOWED_DOMAINS, String.class).orElse(null),
                    c.getOptionalValue(ALLOWED_ADDRESSES, String.class).orElse(null));
            LOG.info(() -> "Screening allows the organisation's contacts: " + contacts);
            return contacts;
        }).orElse(OrganisationContacts.NONE);
    }

    private static ProfanityList configuredWords() {
        Optional<String> directory = config().flatMap(c -> c.getOptionalValue(WORD_LISTS, String.class))
                .filter(d -> !d.isBlank());
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
