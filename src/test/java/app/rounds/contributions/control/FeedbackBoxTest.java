package app.rounds.contributions.control;

import app.rounds.contributions.entity.Feedback;
import app.rounds.contributions.entity.ScreeningRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FeedbackBoxTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    static Feedback rated(int rating, String comment) {
        return rated(rating, comment, ScreeningRecord.clean(), NOW);
    }

    static Feedback rated(int rating, String comment, ScreeningRecord screening, Instant at) {
        Feedback feedback = new Feedback("s1", "p-" + rating + "-" + comment, at);
        feedback.rate(rating, comment, screening, at);
        return feedback;
    }

    static ScreeningRecord held() {
        return new ScreeningRecord("[{\"reason\":\"PERSON_NAME\"}]", null);
    }

    @Test
    void noFeedbackIsACountOfZeroWithAnAverageOfZero() {
        FeedbackBox.Summary summary = FeedbackBox.summarise(List.of());
        assertEquals(0, summary.count());
        assertEquals(0.0, summary.average());
        assertArrayEquals(new int[5], summary.distribution());
        assertEquals(List.of(), summary.latestComments());
    }

    @Test
    void theSummaryCountsEveryRatingAndAveragesThem() {
        FeedbackBox.Summary summary = FeedbackBox.summarise(List.of(rated(5, null), rated(4, null), rated(4, null)));
        assertEquals(3, summary.count());
        assertEquals(4.33, summary.average(), "rounded to two decimals");
    }

    @Test
    void theAverageIsRoundedHalfUpToTwoDecimals() {
        // (1 + 2 + 2) / 3 = 1.666… → 1.67
        assertEquals(1.67, FeedbackBox.summarise(List.of(rated(1, null), rated(2, null), rated(2, null))).average());
        // 33 / 8 = 4.125 → 4.13
        assertEquals(4.13, FeedbackBox.summarise(List.of(rated(5, null), rated(5, null), rated(4, null),
                rated(4, null), rated(4, null), rated(4, null), rated(4, null), rated(3, null))).average());
    }

    @Test
    void theDistributionCountsEachRatingFromOneToFive() {
        FeedbackBox.Summary summary = FeedbackBox.summarise(List.of(rated(1, null), rated(3, null), rated(3, null),
                rated(5, null)));
        assertArrayEquals(new int[]{1, 0, 2, 0, 1}, summary.distribution());
    }

    @Test
    void aCommentThatScreeningHoldsIsLeftOutOfTheLatestCommentsButItsRatingCounts() {
        FeedbackBox.Summary summary = FeedbackBox.summarise(List.of(
                rated(2, "Ana in bed 4 was rude", held(), NOW), rated(5, "very clear", ScreeningRecord.clean(), NOW)));
        assertEquals(2, summary.count());
        assertEquals(3.5, summary.average());
        assertEquals(List.of(new FeedbackBox.Comment("very clear", 5, NOW)), summary.latestComments());
    }

    @Test
    void aRatingWithoutACommentCountsButIsNoComment() {
        FeedbackBox.Summary summary = FeedbackBox.summarise(List.of(rated(4, "  "), rated(3, null)));
        assertEquals(2, summary.count());
        assertEquals(List.of(), summary.latestComments());
    }

    @Test
    void atMostFiveCommentsAreShownTheFirstInTheOrderReadWhichIsTheNewestFirst() {
        List<Feedback> newestFirst = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            newestFirst.add(rated(4, "comment " + i, ScreeningRecord.clean(), NOW.minusSeconds(i)));
        }
        List<FeedbackBox.Comment> latest = FeedbackBox.summarise(newestFirst).latestComments();
        assertEquals(FeedbackBox.LATEST_COMMENTS, latest.size());
        assertEquals(List.of("comment 0", "comment 1", "comment 2", "comment 3", "comment 4"),
                latest.stream().map(FeedbackBox.Comment::comment).toList());
        assertEquals(NOW, latest.getFirst().at());
    }

    @Test
    void heldCommentsDoNotTakeAPlaceAmongTheFiveLatest() {
        List<Feedback> newestFirst = new ArrayList<>();
        newestFirst.add(rated(1, "held 1", held(), NOW));
        newestFirst.add(rated(1, "held 2", held(), NOW));
        for (int i = 0; i < 5; i++) {
            newestFirst.add(rated(4, "clean " + i, ScreeningRecord.clean(), NOW.minusSeconds(i)));
        }
        assertEquals(List.of("clean 0", "clean 1", "clean 2", "clean 3", "clean 4"),
                FeedbackBox.summarise(newestFirst).latestComments().stream().map(FeedbackBox.Comment::comment)
                        .toList());
    }
}
