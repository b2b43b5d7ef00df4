package app.rounds.contributions.control;

import app.rounds.contributions.entity.Poll;
import app.rounds.contributions.entity.PollKind;
import app.rounds.contributions.entity.PollOption;
import app.rounds.contributions.entity.PollSpec;
import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.ProblemException.FieldError;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules of polls that need no database: what a presenter may prepare, what an answer must be, how a quiz scores,
 * and the pseudonym a participant without a name has on the leaderboard. Every refusal names its field in words.
 */
public final class PollRules {

    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 10;
    public static final int MAX_OPTION_TEXT = 120;
    public static final int MAX_LABEL = 40;
    public static final int MIN_TIME_LIMIT = 5;
    public static final int MAX_TIME_LIMIT = 600;
    public static final int MAX_WORDS = 3;
    public static final int MAX_WORD = 40;
    public static final int MAX_OPEN_TEXT = 500;
    /** A quiz answer's points: half for being right, up to half more for being fast. */
    public static final int MAX_POINTS = 1000;
    /** How fast counts in a quiz without a time limit: an answer after this long gets only the points for being right. */
    static final Duration SPEED_WINDOW_WITHOUT_LIMIT = Duration.ofSeconds(30);

    /** An answer as sent: which of its fields count depends on the poll's kind. */
    public record Answer(List<Integer> choices, Integer rating, List<String> words, String text) {
    }

    /** An answer that passed the rules: choices sorted, words stripped with their folded forms, text stripped. */
    public record CheckedAnswer(List<Integer> choices, Integer rating, List<Word> words, String text) {
    }

    /** A word-cloud entry as typed (stripped) and the form it is counted under. */
    public record Word(String typed, String folded) {
    }

    private PollRules() {
    }

    /**
     * The spec as stored: texts stripped, defaults filled in (one choice, a 1–5 scale, English), and what the kind
     * does not use left out. Refused (400) with every fault at once.
     */
    public static PollSpec checked(PollSpec spec) {
        List<FieldError> errors = new ArrayList<>();
        PollKind kind = spec.kind();
        if (kind == null) {
            throw ProblemException.invalidField("kind", "Choose what the poll asks for: single choice, multiple "
                    + "choice, rating, word cloud, open text or quiz.");
        }
        String title = strip(spec.title());
        if (title == null) {
            errors.add(new FieldError("title", "Write the question the poll asks."));
        } else if (title.length() > Poll.MAX_TITLE) {
            errors.add(new FieldError("title", "The question can be at most " + Poll.MAX_TITLE
                    + " characters (this one has " + title.length() + ")."));
        }
        List<PollOption> options = kind.chooses() ? options(spec.options(), kind, errors) : none(spec, errors);
        Integer maxChoices = switch (kind) {
            case SINGLE_CHOICE -> 1;
            case MULTIPLE_CHOICE -> maxChoices(spec.maxChoices(), options.size(), errors);
            case QUIZ -> Math.max(1, (int) options.stream().filter(PollOption::correct).count());
            default -> null;
        };
        Integer scaleMax = null;
        String low = null;
        String high = null;
        if (kind == PollKind.RATING) {
            scaleMax = spec.scaleMax() == null ? 5 : spec.scaleMax();
            if (scaleMax != 5 && scaleMax != 10) {
                errors.add(new FieldError("scaleMax", "A rating goes from 1 to 5 or from 1 to 10."));
            }
            low = label("lowLabel", "The label of the lowest rating", spec.lowLabel(), errors);
            high = label("highLabel", "The label of the highest rating", spec.highLabel(), errors);
        }
        String language = "en";
        if (kind == PollKind.WORD_CLOUD && spec.language() != null && !spec.language().isBlank()) {
            language = spec.language().strip().toLowerCase(Locale.ROOT);
            if (!WordCloudWords.LANGUAGES.contains(language)) {
                errors.add(new FieldError("language", "A word cloud folds words in English (en), German (de), "
                        + "French (fr), Spanish (es) or Dutch (nl)."));
            }
        }
        Integer timeLimit = null;
        if (spec.timeLimitSeconds() != null) {
            if (kind != PollKind.QUIZ) {
                errors.add(new FieldError("timeLimitSeconds", "Only a quiz question has a time limit."));
            } else if (spec.timeLimitSeconds() < MIN_TIME_LIMIT || spec.timeLimitSeconds() > MAX_TIME_LIMIT) {
                errors.add(new FieldError("timeLimitSeconds", "The time limit is " + MIN_TIME_LIMIT + " to "
                        + MAX_TIME_LIMIT + " seconds."));
            } else {
                timeLimit = spec.timeLimitSeconds();
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new PollSpec(kind, title, options, maxChoices, scaleMax, low, high, language, timeLimit);
    }

    private static List<PollOption> options(List<PollOption> given, PollKind kind, List<FieldError> errors) {
        if (given.size() < MIN_OPTIONS || given.size() > MAX_OPTIONS) {
            errors.add(new FieldError("options", "Give " + MIN_OPTIONS + " to " + MAX_OPTIONS + " options (this poll "
                    + "has " + given.size() + ")."));
            return List.of();
        }
        List<PollOption> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            PollOption option = given.get(i);
            String text = option == null ? null : strip(option.text());
            String which = "Option " + (i + 1);
            if (text == null) {
                errors.add(new FieldError("options", which + " needs a text."));
            } else if (text.length() > MAX_OPTION_TEXT) {
                errors.add(new FieldError("options", which + " can be at most " + MAX_OPTION_TEXT
                        + " characters (it has " + text.length() + ")."));
            } else if (!seen.add(text.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError("options", which + " repeats an earlier option: “" + text + "”."));
            }
            boolean correct = option != null && option.correct();
            if (correct && kind != PollKind.QUIZ) {
                errors.add(new FieldError("options", "Only a quiz marks options as correct."));
            }
            options.add(new PollOption(text, correct));
        }
        if (kind == PollKind.QUIZ && options.stream().noneMatch(PollOption::correct)) {
            errors.add(new FieldError("options", "Mark at least one option of the quiz question as correct."));
        }
        return options;
    }

    private static List<PollOption> none(PollSpec spec, List<FieldError> errors) {
        if (!spec.options().isEmpty()) {
            errors.add(new FieldError("options", "A " + words(spec.kind()) + " has no options to choose from."));
        }
        return List.of();
    }

    private static Integer maxChoices(Integer given, int options, List<FieldError> errors) {
        if (given == null) {
            return Math.max(1, options);
        }
        if (given < 1 || (options > 0 && given > options)) {
            errors.add(new FieldError("maxChoices", "The most options a trainee may choose is 1 to the number of "
                    + "options (" + options + ")."));
        }
        return given;
    }

    private static String label(String field, String what, String given, List<FieldError> errors) {
        String label = strip(given);
        if (label != null && label.length() > MAX_LABEL) {
            errors.add(new FieldError(field, what + " can be at most " + MAX_LABEL + " characters (it has "
                    + label.length() + ")."));
        }
        return label;
    }

    /**
     * The answer as it counts for this poll, or refused (400) in words: the options chosen must be the poll's, as many
     * as it allows; a rating on its scale; one to three words, each of which says something; a text.
     */
    public static CheckedAnswer checked(Poll poll, Answer answer) {
        PollKind kind = poll.kind();
        return switch (kind) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE, QUIZ -> new CheckedAnswer(choices(poll, answer.choices()), null,
                    List.of(), null);
            case RATING -> new CheckedAnswer(List.of(), rating(poll, answer.rating()), List.of(), null);
            case WORD_CLOUD -> new CheckedAnswer(List.of(), null, words(poll, answer.words()), null);
            case OPEN_TEXT -> new CheckedAnswer(List.of(), null, List.of(), openText(answer.text()));
        };
    }

    private static List<Integer> choices(Poll poll, List<Integer> given) {
        int max = poll.maxChoices() == null ? 1 : poll.maxChoices();
        if (given == null || given.isEmpty()) {
            throw ProblemException.invalidField("choices", max == 1 ? "Choose an option." : "Choose at least one option.");
        }
        Set<Integer> distinct = new java.util.TreeSet<>();
        for (Integer choice : given) {
            if (choice == null || choice < 0 || choice >= poll.options().size()) {
                throw ProblemException.invalidField("choices", "Choose among the poll's " + poll.options().size()
                        + " options.");
            }
            distinct.add(choice);
        }
        if (distinct.size() > max) {
            throw ProblemException.invalidField("choices", max == 1 ? "Choose one option only."
                    : "Choose at most " + max + " options.");
        }
        return List.copyOf(distinct);
    }

    private static int rating(Poll poll, Integer given) {
        int max = poll.scaleMax() == null ? 5 : poll.scaleMax();
        if (given == null || given < 1 || given > max) {
            throw ProblemException.invalidField("rating", "Choose a rating from 1 to " + max + ".");
        }
        return given;
    }

    private static List<Word> words(Poll poll, List<String> given) {
        List<String> typed = given == null ? List.of() : given.stream().map(PollRules::strip)
                .filter(java.util.Objects::nonNull).toList();
        if (typed.isEmpty()) {
            throw ProblemException.invalidField("words", "Type a word.");
        }
        if (typed.size() > MAX_WORDS) {
            throw ProblemException.invalidField("words", "Give at most " + MAX_WORDS + " words.");
        }
        Map<String, Word> byFolded = new LinkedHashMap<>();
        for (String word : typed) {
            if (word.length() > MAX_WORD) {
                throw ProblemException.invalidField("words", "A word can be at most " + MAX_WORD
                        + " characters; “" + word.substring(0, 20) + "…” has " + word.length() + ".");
            }
            String folded = WordCloudWords.folded(word, poll.language());
            if (folded == null) {
                throw ProblemException.invalidField("words", "“" + word + "” is too common a word to show in "
                        + "the cloud; try another.");
            }
            byFolded.putIfAbsent(folded, new Word(word, folded)); // "nurse" and "Nurses" from one trainee count once
        }
        return List.copyOf(byFolded.values());
    }

    private static String openText(String given) {
        String text = strip(given);
        if (text == null) {
            throw ProblemException.invalidField("text", "Write your answer first.");
        }
        if (text.length() > MAX_OPEN_TEXT) {
            throw ProblemException.invalidField("text", "Your answer can be at most " + MAX_OPEN_TEXT
                    + " characters (this one has " + text.length() + ").");
        }
        return text;
    }

    /** Whether the chosen options are exactly the quiz's correct ones. */
    public static boolean correct(Poll poll, List<Integer> choices) {
        Set<Integer> right = new HashSet<>();
        for (int i = 0; i < poll.options().size(); i++) {
            if (poll.options().get(i).correct()) {
                right.add(i);
            }
        }
        return !right.isEmpty() && right.equals(new HashSet<>(choices));
    }

    /**
     * A quiz answer's points: none when wrong; when right, half of {@link #MAX_POINTS}, and the other half shrinking
     * with the time since the poll opened, to nothing at its time limit (30 s when it has none). Other kinds score 0.
     */
    public static int points(Poll poll, List<Integer> choices, Instant answeredAt) {
        if (poll.kind() != PollKind.QUIZ || !correct(poll, choices)) {
            return 0;
        }
        Duration window = poll.timeLimitSeconds() == null ? SPEED_WINDOW_WITHOUT_LIMIT
                : Duration.ofSeconds(poll.timeLimitSeconds());
        long elapsed = Math.max(0, Duration.between(poll.openedAt(), answeredAt).toMillis());
        double speed = Math.max(0, 1 - (double) elapsed / window.toMillis());
        return MAX_POINTS / 2 + (int) Math.round(MAX_POINTS / 2.0 * speed);
    }

    /**
     * The name on the leaderboard of a participant who gave none: "Trainee" and four letters from their id, the same
     * every time, and nothing that leads back to them or their token.
     */
    public static String pseudonym(String participantId) {
        final String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no I, O, 0 or 1 to misread
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("leaderboard:" + participantId)
                    .getBytes(StandardCharsets.UTF_8));
            StringBuilder name = new StringBuilder("Trainee ");
            for (int i = 0; i < 4; i++) {
                name.append(letters.charAt((hash[i] & 0xff) % letters.length()));
            }
            return name.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    static String words(PollKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
