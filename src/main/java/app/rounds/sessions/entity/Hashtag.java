package app.rounds.sessions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A session's hashtag, as typed (without '#') and as compared: letters, digits and underscore, with at least one
 * letter (as Mastodon requires), compared case-insensitively.
 */
@Embeddable
public class Hashtag {

    public static final int MAX_LENGTH = 50;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}_]{1," + MAX_LENGTH + "}");
    private static final Pattern HAS_LETTER = Pattern.compile(".*\\p{L}.*");

    @Column(name = "hashtag", length = 60)
    private String text;

    @Column(name = "hashtag_key", length = 60)
    private String normalized;

    protected Hashtag() {
    }

    private Hashtag(String text) {
        this.text = text;
        this.normalized = text.toLowerCase(Locale.ROOT);
    }

    /** What keeps a typed text from being a hashtag. */
    public enum Flaw {
        /** not 1 to 50 letters, digits or underscores */
        FORM,
        NO_LETTER
    }

    /** Parses what a user typed, with or without a leading '#'; empty means no hashtag. */
    public static Optional<Hashtag> parse(String typed) {
        flaw(typed).ifPresent(flaw -> {
            throw new IllegalArgumentException(flaw == Flaw.FORM
                    ? "use 1 to " + MAX_LENGTH + " letters, digits or underscores, no spaces" : "needs at least one letter");
        });
        return typed == null || typed.isBlank() ? Optional.empty() : Optional.of(new Hashtag(bare(typed)));
    }

    /** Why {@code typed} is no hashtag; empty when it is one, or is blank (no hashtag at all). */
    public static Optional<Flaw> flaw(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String text = bare(typed);
        if (!ALLOWED.matcher(text).matches()) {
            return Optional.of(Flaw.FORM);
        }
        return HAS_LETTER.matcher(text).matches() ? Optional.empty() : Optional.of(Flaw.NO_LETTER);
    }

    private static String bare(String typed) {
        String text = Normalizer.normalize(typed.strip(), Normalizer.Form.NFC);
        return text.startsWith("#") ? text.substring(1) : text;
    }

    public String text() {
        return text;
    }

    /** The form compared for uniqueness. */
    public String key() {
        return normalized;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hashtag other && Objects.equals(normalized, other.normalized);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(normalized);
    }

    @Override
    public String toString() {
        return "#" + text;
    }
}
