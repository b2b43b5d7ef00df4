package app.rounds.board.entity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class FramesTest {

    @Test
    void frameCarriesSeqTypeAndTheDataAsJson() {
        assertEquals("{\"seq\":7,\"type\":\"votes\",\"data\":{\"q1\":2}}", Frames.frame(7, Frames.VOTES, "{\"q1\":2}"));
    }

    @Test
    void batchOfOneEventIsItsFrameAlone() {
        String frame = Frames.frame(1, Frames.CONTRIBUTION_CREATED, "{}");

        assertSame(frame, Frames.batch(List.of(frame)));
    }

    @Test
    void batchOfSeveralEventsIsAJsonArrayOfTheirFramesInTheOrderGiven() {
        String first = Frames.frame(1, Frames.CONTRIBUTION_CREATED, "{}");
        String second = Frames.frame(2, Frames.CONTRIBUTION_UPDATED, "{}");

        assertEquals("[" + first + "," + second + "]", Frames.batch(List.of(first, second)));
    }
}
