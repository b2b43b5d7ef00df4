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

    void findIn(String text, Consumer<Finding> found);

    /**
     * A precompiled pattern whose match (or its group {@code id}, when the pattern has one) is the finding, kept only
     * when {@code accept} agrees: the place for checks a regex cannot express cheaply (checksums, units after a number).
     */
    static Rule of(Reason reason, String regex, int flags, Predicate<Match> accept) {
        Pattern pattern = Pattern.compile(regex, flags);
        boolean hasId = regex.contains("(?<id>");
        return (text, found) -> {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                Match match = new Match(text, m.toMatchResult(), hasId ? m.start("id") : m.start(),
                        hasId ? m.end("id") : m.end());
                if (match.end() > match.start() && accept.test(match)) {
                    found.accept(new Finding(match.start(), match.end(), reason));
                }
            }
        };
    }

    static Rule of(Reason reason, String regex, int flags) {
        return of(reason, regex, flags, match -> true);
    }

    /** A match and the text it is in, for checks on what surrounds it. */
    record Match(String text, MatchResult result, int start, int end) {

        String value() {
            return text.substring(start, end);
        }

        /** A named group of the pattern, or null when it did not take part or does not exist. */
        String group(String name) {
            try {
                return result.group(name);
            } catch (IllegalArgumentException noSuchGroup) {
                return null;
            }
        }

        /** Up to {@code n} characters after the match. */
        String after(int n) {
            return text.substring(end, Math.min(text.length(), end + n));
        }

        /** Up to {@code n} characters before the match. */
        String before(int n) {
            return text.substring(Math.max(0, start - n), start);
        }

        long digits() {
            return value().chars().filter(Character::isDigit).count();
        }
    }
}
