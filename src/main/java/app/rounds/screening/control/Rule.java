package app.rounds.screening.control;

import app.rounds.screening.entity.Finding;
import app.rounds.screening.entity.Reason;

import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One way of spotting one kind of identifier. */
interface Rule {

    void findIn(ScreenedText text, Consumer<Finding> found);

    /** The same rule, skipped outright for texts that cannot hold its kind of identifier (no '@', no ':'). */
    default Rule onlyIfContains(String needed) {
        return (text, found) -> {
            if (text.value().contains(needed)) {
                findIn(text, found);
            }
        };
    }

    /**
     * A precompiled pattern whose match (or its group {@code id}, when the pattern has one) is the finding, kept only
     * when {@code accept} agrees: the place for checks a regex cannot express cheaply (checksums, units after a
     * number, the context of the sentence). {@code why} explains the finding to a moderator; in it, {@code {key}} stands
     * for what the pattern matched before the {@code id} group (the keyword: "MRN", "serial").
     */
    static Rule of(Reason reason, String why, Start start, String regex, Predicate<Match> accept) {
        Pattern pattern = Pattern.compile(regex);
        FirstTwo.of(pattern, start);
        boolean hasId = regex.contains("(?<id>");
        boolean namesKey = why.contains("{key}");
        return (text, found) -> eachMatch(pattern, start, text, m -> {
            Match match = new Match(text, m.toMatchResult(), hasId ? m.start("id") : m.start(),
                    hasId ? m.end("id") : m.end());
            if (match.end() <= match.start() || !accept.test(match)) {
                return false;
            }
            String explained = namesKey ? why.replace("{key}", keyOf(text.value(), m.start(), match.start())) : why;
            found.accept(new Finding(match.start(), match.end(), reason, explained));
            return true;
        });
    }

    /** Several rules applied one after another, as one. */
    static Rule all(Rule... rules) {
        return (text, found) -> {
            for (Rule rule : rules) {
                rule.findIn(text, found);
            }
        };
    }

    static Rule of(Reason reason, String why, Start start, String regex) {
        return of(reason, why, start, regex, match -> true);
    }

    /** The keyword before a value, without the linking words: "MRN", "serial number". */
    private static String keyOf(String text, int from, int valueStart) {
        String key = text.substring(from, valueStart).strip();
        return key.replaceAll("(?i)(?:[\\s:#=(–-]|\\s(?:is|was|ist|war|est|es|era|è|é|of|de)\\b)+$", "").strip();
    }

    /**
     * Like {@link Matcher#find()}, but tried only where a token of the right kind starts and only when its first two
     * characters can begin a match. Scanning every position of the text once per pattern is what makes regex
     * screening slow; most positions are inside words, and most words start no keyword. {@code taken} says whether a
     * match was used: only a used match's characters are skipped, so a rejected one leaves them to shorter matches.
     */
    static void eachMatch(Pattern pattern, Start start, ScreenedText text, Predicate<Matcher> taken) {
        int[] positions = text.starts(start);
        if (positions.length == 0) {
            return;
        }
        String value = text.value();
        int length = value.length();
        FirstTwo firstTwo = FirstTwo.of(pattern, start);
        Matcher m = null;
        int reached = 0;
        for (int position : positions) {
            if (position < reached || !firstTwo.canStart(value, position)) {
                continue;
            }
            if (m == null) {
                m = pattern.matcher(value).useTransparentBounds(true).useAnchoringBounds(false);
            }
            m.region(position, length);
            if (m.lookingAt() && taken.test(m)) {
                reached = Math.max(m.end(), position + 1);
            }
        }
    }

    /**
     * Which pairs of printable ASCII characters can begin a match of a pattern, found once by asking the pattern
     * itself: a pair that fails without reaching its end ({@link Matcher#hitEnd()}) cannot start a match however
     * the text goes on. Pairs with other characters are always tried.
     */
    final class FirstTwo {

        private static final int FIRST = 32;
        private static final int SIZE = 127 - FIRST;
        private static final java.util.Map<Pattern, FirstTwo> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

        private final java.util.BitSet possible = new java.util.BitSet(SIZE * SIZE);

        private FirstTwo(Pattern pattern, Start start) {
            Matcher probe = pattern.matcher("");
            char[] pair = new char[2];
            for (int a = 0; a < SIZE; a++) {
                char first = (char) (FIRST + a);
                boolean startsHere = switch (start) {
                    case ANY -> true;
                    case DIGIT -> Character.isDigit(first);
                    case LETTER -> Character.isLetter(first);
                    case UPPER_CASE -> Character.isUpperCase(first);
                };
                if (startsHere) {
                    // a character that fails on its own fails with anything after it
                    probe.reset(String.valueOf(first));
                    startsHere = probe.lookingAt() || probe.hitEnd();
                }
                for (int b = 0; b < SIZE && startsHere; b++) {
                    pair[0] = (char) (FIRST + a);
                    pair[1] = (char) (FIRST + b);
                    probe.reset(new String(pair));
                    if (probe.lookingAt() || probe.hitEnd()) {
                        possible.set(a * SIZE + b);
                    }
                }
            }
        }

        static FirstTwo of(Pattern pattern, Start start) {
            return KNOWN.computeIfAbsent(pattern, p -> new FirstTwo(p, start));
        }

        boolean canStart(String text, int position) {
            if (position + 1 >= text.length()) {
                return true;
            }
            int a = text.charAt(position) - FIRST;
            int b = text.charAt(position + 1) - FIRST;
            if (a < 0 || a >= SIZE || b < 0 || b >= SIZE) {
                return true;
            }
            return possible.get(a * SIZE + b);
        }
    }

    /** Where a rule's pattern can begin: at the start of a token of this kind. */
    enum Start {
        DIGIT, UPPER_CASE, LETTER, ANY
    }

    /** A match and the text it is in, for checks on what surrounds it. */
    record Match(ScreenedText screened, MatchResult result, int start, int end) {

        String text() {
            return screened.value();
        }

        TextContext context() {
            return screened.context();
        }

        String value() {
            return text().substring(start, end);
        }

        /** Up to {@code n} characters after the match. */
        String after(int n) {
            String text = text();
            return text.substring(end, Math.min(text.length(), end + n));
        }

        /** Up to {@code n} characters before the match. */
        String before(int n) {
            return text().substring(Math.max(0, start - n), start);
        }

        long digits() {
            return value().chars().filter(Character::isDigit).count();
        }
    }
}
