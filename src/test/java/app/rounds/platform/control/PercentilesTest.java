package app.rounds.platform.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PercentilesTest {

    @Test
    void percentilesAreNearestRank() {
        long[] seconds = {30, 60, 90, 120, 600};
        assertEquals(90, Percentiles.nearestRank(seconds, 50));
        assertEquals(600, Percentiles.nearestRank(seconds, 90));
        assertEquals(30, Percentiles.nearestRank(new long[]{30}, 90));
    }
}
