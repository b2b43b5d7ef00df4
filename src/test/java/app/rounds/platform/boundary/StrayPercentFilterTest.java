package app.rounds.platform.boundary;

import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.HttpBaseFilter;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.junit.jupiter.api.Test;

import java.util.List;

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
    void itGoesJustAfterTheLastFilterThatParsesHttpBeforeAnythingReadsThePath() {
        // as in Payara 7's listener: transport, idle timeout, HTTP/1.1 codec, HTTP/2 (an HttpBaseFilter too), then
        // the file cache, WebSocket and server filters (plain filters here)
        List<Object> chain = List.of(new TransportFilter(), new BaseFilter(), new HttpServerFilter(),
                new HttpBaseFilter() { }, new BaseFilter(), new BaseFilter(), new BaseFilter());
        assertEquals(4, StrayPercents.afterHttpParsing(chain));
        assertEquals(0, StrayPercents.afterHttpParsing(List.of(new TransportFilter())), "no HTTP: not placed");
    }

    @Test
    void validEscapesAndPlainPathsAreLeftAsTheyAre() {
        for (String path : new String[] {"/", "/index.html", "/api/sessions/a%2Fb", "/%2e%2e/x", "/caf%C3%A9",
                "/%41%4a%7f", "/100%25"}) {
            assertSame(path, StrayPercentFilter.escaped(path), path);
        }
    }
}
