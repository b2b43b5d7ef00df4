package app.rounds.board.control;

import app.rounds.board.entity.Stream;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VotesCountedTest {

    private final VotesCounted counted = new VotesCounted("s1", Map.of("visible", 3, "hidden", 5),
            Map.of("visible", 3));

    @Test
    void moderationStreamGetsTheCountsOfEveryQuestion() {
        assertEquals(Map.of("visible", 3, "hidden", 5), counted.countsFor(Stream.MODERATION));
    }

    @Test
    void publicStreamGetsOnlyTheCountsOfVisibleQuestions() {
        assertEquals(Map.of("visible", 3), counted.countsFor(Stream.PUBLIC));
    }
}
