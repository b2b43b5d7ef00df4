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

    /** Parses what a user typed, with or without a leading '#'; empty means no hashtag. */
    public static Optional<Hashtag> parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String text = Normalizer.normalize(typed.strip(), Normalizer.Form.NFC);
        if (text.startsWith("#")) {
            text = text.substring(1);
        }
        if (!ALLOWED.matcher(text).matches()) {
            throw new IllegalArgumentException("use 1 to " + MAX_LENGTH + " letters, digits or underscores, no spaces");
        }
        if (!HAS_LETTER.matcher(text).matches()) {
            throw new IllegalArgumentException("needs at least one letter");
        }
        return Optional.of(new Hashtag(text));
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
