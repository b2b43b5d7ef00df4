package app.rounds.screening.entity;

import java.util.Objects;

/** One suspicious span of a screened text: {@code [start, end)} are char offsets into that text. */
public record Finding(int start, int end, Reason reason) {

    public Finding {
        Objects.requireNonNull(reason, "reason");
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
}
