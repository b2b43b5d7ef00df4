package app.rounds.ingest.control;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a post becomes. It must carry the session's hashtag (compared case-insensitively). {@code #q} or a question mark
 * makes a question; {@code #feedback} with a rating ({@code 4/5}, {@code 4 out of 5}, or one to five stars) makes
 * feedback; anything else becomes what the session sets for other posts.
 */
public final class PostClassifier {

    public enum Kind {QUESTION, FEEDBACK, OTHER}

    /** {@code rating} is 1–5 for feedback, 0 otherwise. */
    public record Classified(Kind kind, int rating) {
    }

    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&/])#([\\p{L}\\p{N}_]+)");
    private static final Pattern RATING = Pattern.compile("(?<![\\d/])([1-5])\\s*(?:/|out of|von|sur|de)\\s*5(?!\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STARS = Pattern.compile("([★⭐])(?:\\s*\\1){0,4}");

    private PostClassifier() {
    }

    /** The hashtags in a text, lower-cased. */
    public static Set<String> hashtags(String text) {
        return HASHTAG.matcher(text).results().map(m -> m.group(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    public static boolean carries(String text, String sessionHashtag) {
        return sessionHashtag != null && hashtags(text).contains(strip(sessionHashtag).toLowerCase(Locale.ROOT));
    }

    public static Classified classify(String text) {
        Set<String> tags = hashtags(text);
        if (tags.contains("feedback")) {
            Optional<Integer> rating = rating(text);
            if (rating.isPresent()) {
                return new Classified(Kind.FEEDBACK, rating.get());
            }
        }
        if (tags.contains("q") || text.contains("?") || text.contains("？") || text.contains("¿")) {
            return new Classified(Kind.QUESTION, 0);
        }
        return new Classified(Kind.OTHER, 0);
    }

    static Optional<Integer> rating(String typed) {
        String text = typed.replace("\uFE0F", ""); // emoji presentation selectors between stars
        Matcher numeric = RATING.matcher(text);
        if (numeric.find()) {
            return Optional.of(Integer.parseInt(numeric.group(1)));
        }
        Matcher stars = STARS.matcher(text);
        if (stars.find()) {
            return Optional.of((int) stars.group().codePoints().filter(c -> c == '★' || c == '⭐').count());
        }
        return Optional.empty();
    }

    private static String strip(String hashtag) {
        return hashtag.startsWith("#") ? hashtag.substring(1) : hashtag;
    }
}
