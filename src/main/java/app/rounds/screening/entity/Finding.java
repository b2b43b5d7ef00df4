package app.rounds.screening.entity;

import java.util.Objects;

/**
 * One suspicious span of a screened text: {@code [start, end)} are char offsets into that text, {@code why} says in a
 * moderator's words what made it suspicious ("a name next to 'bed 4'", "NHS number with a valid check digit").
 */
public record Finding(int start, int end, Reason reason, String why) {

    public Finding {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(why, "why");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("not a span: [" + start + ", " + end + ")");
        }
    }

    /** The flagged part of the text this finding was made in (clipped, should a different text be passed). */
    public String excerpt(String text) {
        if (text == null || start >= text.length()) {
            return "";
        }
        return text.substring(start, Math.min(end, text.length()));
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }

    /** The same span and kind, explained further (why it was lowered to a note, say). */
    public Finding because(String moreWhy) {
        return new Finding(start, end, reason, why + "; " + moreWhy);
    }
}
