package app.rounds.reports.control;

import app.rounds.reports.control.TimelineBuilder.Series;
import app.rounds.reports.entity.SessionReport.Bucket;
import app.rounds.reports.entity.SessionReport.Timeline;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineBuilderTest {

    static final Instant START = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void aSessionOfMinutesIsShownMinuteByMinuteWithEmptyMinutesKept() {
        TimelineBuilder builder = new TimelineBuilder(START);
        builder.add(Series.JOINED, 0, 5);
        builder.add(Series.QUESTIONS, 3, 2);
        builder.addFeedback(3, 2, 9);
        Timeline timeline = builder.build();
        assertEquals(60, timeline.bucketSeconds());
        List<Bucket> buckets = timeline.buckets();
        assertEquals(4, buckets.size(), "minutes 0 to 3");
        assertEquals(START, buckets.get(0).start());
        assertEquals(5, buckets.get(0).joined());
        assertEquals(0, buckets.get(1).questions());
        assertNull(buckets.get(1).feedbackAverage(), "no average of no ratings");
        assertEquals(START.plusSeconds(180), buckets.get(3).start());
        assertEquals(2, buckets.get(3).questions());
        assertEquals(4.5, buckets.get(3).feedbackAverage());
    }

    @Test
    void aLongerSessionIsFoldedIntoRoundBucketsThatKeepEveryCount() {
        TimelineBuilder builder = new TimelineBuilder(START);
        for (long minute = 0; minute < 8 * 60; minute++) {
            builder.add(Series.VOTES, minute, 1);
        }
        builder.addViewers(10, 40);
        builder.addViewers(11, 55);
        builder.addViewers(12, 30);
        Timeline timeline = builder.build();
        assertEquals(300, timeline.bucketSeconds(), "8 hours in 5-minute buckets: 96");
        assertEquals(96, timeline.buckets().size());
        assertEquals(8 * 60, timeline.buckets().stream().mapToInt(Bucket::votes).sum());
        assertEquals(55, timeline.buckets().get(2).viewers(), "viewers: the most in a minute, not a sum");
    }

    @Test
    void whatHappenedBeforeTheStartComesFirst() {
        TimelineBuilder builder = new TimelineBuilder(START);
        builder.add(Series.JOINED, -2, 3);
        builder.reach(0);
        Timeline timeline = builder.build();
        assertEquals(START.minusSeconds(120), timeline.buckets().getFirst().start());
        assertEquals(3, timeline.buckets().getFirst().joined());
        assertEquals(3, timeline.buckets().size());
    }

    @Test
    void nothingAtAllIsAnEmptyTimeline() {
        assertTrue(new TimelineBuilder(START).build().buckets().isEmpty());
    }

    @Test
    void bucketsAreTheShortestRoundLengthThatKeepsThemFew() {
        assertEquals(60, TimelineBuilder.bucketSeconds(60));
        assertEquals(60, TimelineBuilder.bucketSeconds(119 * 60));
        assertEquals(120, TimelineBuilder.bucketSeconds(2 * 3600));
        assertEquals(43200, TimelineBuilder.bucketSeconds(30L * 86400));
        assertEquals(86400, TimelineBuilder.bucketSeconds(90L * 86400));
        long years = TimelineBuilder.bucketSeconds(5L * 365 * 86400);
        assertTrue(years % 604800 == 0 && 5L * 365 * 86400 / years < TimelineBuilder.MAX_BUCKETS, years + " s");
    }
}
