package app.rounds.platform.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class StrayPercentFilterTest {

    @Test
    void aPercentWithoutTwoHexadecimalDigitsIsEscaped() {
        assertEquals("/%25zz", StrayPercentFilter.escaped("/%zz"));
        assertEquals("/%25", StrayPercentFilter.escaped("/%"));
        assertEquals("/a%252", StrayPercentFilter.escaped("/a%2"));
        assertEquals("/api/%25zz/%25", StrayPercentFilter.escaped("/api/%zz/%"));
        assertEquals("/%25g0%20x", StrayPercentFilter.escaped("/%g0%20x"));
        assertEquals("/%25%25", StrayPercentFilter.escaped("/%%"));
    }

    @Test
    void validEscapesAndPlainPathsAreLeftAsTheyAre() {
        for (String path : new String[] {"/", "/index.html", "/api/sessions/a%2Fb", "/%2e%2e/x", "/caf%C3%A9",
                "/%41%4a%7f", "/100%25"}) {
            assertSame(path, StrayPercentFilter.escaped(path), path);
        }
    }
}
