package app.rounds.highlights.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReviewsTest {

    @Test
    void percentilesAreNearestRank() {
        long[] seconds = {30, 60, 90, 120, 600};
        assertEquals(90, Reviews.percentile(seconds, 50));
        assertEquals(600, Reviews.percentile(seconds, 90));
        assertEquals(30, Reviews.percentile(new long[]{30}, 90));
    }
}
