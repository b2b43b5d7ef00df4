package app.rounds.media.boundary;

import app.rounds.media.boundary.RangeResponses.Span;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RangeResponsesTest {

    @Test
    void aRangeInsideTheFileIsThatPart() {
        assertEquals(Optional.of(new Span(10, 19, true)), RangeResponses.span("bytes=10-19", 100));
        assertEquals(Optional.of(new Span(90, 99, true)), RangeResponses.span("bytes=90-", 100));
        assertEquals(Optional.of(new Span(95, 99, true)), RangeResponses.span("bytes=-5", 100));
        assertEquals(Optional.of(new Span(90, 99, true)), RangeResponses.span("bytes=90-1000", 100));
    }

    @Test
    void noUsableRangeIsTheWholeFile() {
        assertEquals(Optional.of(new Span(0, 99, false)), RangeResponses.span(null, 100));
        assertEquals(Optional.of(new Span(0, 99, false)), RangeResponses.span("bytes=-", 100));
        assertEquals(Optional.of(new Span(0, 99, false)), RangeResponses.span("bytes=1-2,5-6", 100));
    }

    @Test
    void numbersPastWhatALongHoldsAreBeyondTheEndNotAFailure() {
        assertEquals(Optional.empty(), RangeResponses.span("bytes=99999999999999999999-", 100));
        assertEquals(Optional.empty(), RangeResponses.span("bytes=99999999999999999999-99999999999999999999", 100));
        assertEquals(Optional.empty(), RangeResponses.span("bytes=9223372036854775807-", 100));
        assertEquals(Optional.of(new Span(5, 99, true)), RangeResponses.span("bytes=5-99999999999999999999", 100));
        assertEquals(Optional.of(new Span(0, 99, true)), RangeResponses.span("bytes=-99999999999999999999", 100));
        assertEquals(Optional.of(new Span(7, 99, true)), RangeResponses.span("bytes=000000000000000000000007-", 100));
    }

    @Test
    void aRangeOutsideTheFileIsUnsatisfiable() {
        assertEquals(Optional.empty(), RangeResponses.span("bytes=100-", 100));
        assertEquals(Optional.empty(), RangeResponses.span("bytes=20-10", 100));
    }
}
