package app.rounds.reports.control;

import app.rounds.reports.entity.SessionReport.Bucket;
import app.rounds.reports.entity.SessionReport.Timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Folds what happened in each minute of a session (counted from its start, earlier minutes negative) into a timeline
 * of at most {@link #MAX_BUCKETS} buckets of a round length, from the first minute with anything in it, or the
 * session's start, to the last, or its end. Empty buckets in between are kept, so that a chart's time axis is even.
 */
final class TimelineBuilder {

    static final int MAX_BUCKETS = 120;
    /** One minute to one week: the lengths a bucket may have, shortest first. */
    static final long[] BUCKET_SECONDS = {60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
            604800};

    enum Series { JOINED, QUESTIONS, VOTES, POLL_ANSWERS, FEEDBACK }

    private static final int RATING_SUM = Series.values().length;
    private static final int VIEWERS = RATING_SUM + 1;

    private final Instant origin;
    private final TreeMap<Long, long[]> minutes = new TreeMap<>();

    /** {@code origin}: minute 0, the session's start (or its creation, before it started), to the minute. */
    TimelineBuilder(Instant origin) {
        this.origin = origin;
    }

    void add(Series series, long minute, long count) {
        minute(minute)[series.ordinal()] += count;
    }

    /** Feedback given in the minute, with the sum of its ratings for the bucket's average. */
    void addFeedback(long minute, long count, long ratingSum) {
        add(Series.FEEDBACK, minute, count);
        minute(minute)[RATING_SUM] += ratingSum;
    }

    /** The board viewers of the minute, all instances together. */
    void addViewers(long minute, long viewers) {
        long[] counts = minute(minute);
        counts[VIEWERS] = Math.max(counts[VIEWERS], viewers);
    }

    /** Makes sure the timeline reaches this minute (the session's start, or its end or now). */
    void reach(long minute) {
        minute(minute);
    }

    Timeline build() {
        if (minutes.isEmpty()) {
            return new Timeline(BUCKET_SECONDS[0], List.of());
        }
        long first = minutes.firstKey();
        long last = minutes.lastKey();
        long bucketSeconds = bucketSeconds((last - first + 1) * 60);
        long firstBucket = Math.floorDiv(first * 60, bucketSeconds);
        long lastBucket = Math.floorDiv(last * 60, bucketSeconds);
        long[][] sums = new long[(int) (lastBucket - firstBucket + 1)][VIEWERS + 1];
        minutes.forEach((minute, counts) -> {
            long[] bucket = sums[(int) (Math.floorDiv(minute * 60, bucketSeconds) - firstBucket)];
            for (int i = 0; i < VIEWERS; i++) {
                bucket[i] += counts[i];
            }
            bucket[VIEWERS] = Math.max(bucket[VIEWERS], counts[VIEWERS]);
        });
        List<Bucket> buckets = new ArrayList<>(sums.length);
        for (int i = 0; i < sums.length; i++) {
            long[] s = sums[i];
            long feedback = s[Series.FEEDBACK.ordinal()];
            buckets.add(new Bucket(origin.plus(Duration.ofSeconds((firstBucket + i) * bucketSeconds)),
                    (int) s[Series.JOINED.ordinal()], (int) s[Series.QUESTIONS.ordinal()],
                    (int) s[Series.VOTES.ordinal()], (int) s[Series.POLL_ANSWERS.ordinal()], (int) feedback,
                    feedback == 0 ? null : Math.round(s[RATING_SUM] * 100.0 / feedback) / 100.0, (int) s[VIEWERS]));
        }
        return new Timeline(bucketSeconds, buckets);
    }

    /** The shortest round length that covers {@code spanSeconds} in at most {@link #MAX_BUCKETS} buckets. */
    static long bucketSeconds(long spanSeconds) {
        for (long length : BUCKET_SECONDS) {
            // a span not aligned to the length may reach into one bucket more at each end
            if (Math.ceilDiv(spanSeconds, length) + 1 <= MAX_BUCKETS) {
                return length;
            }
        }
        long week = BUCKET_SECONDS[BUCKET_SECONDS.length - 1];
        return Math.ceilDiv(spanSeconds, (MAX_BUCKETS - 1) * week) * week;
    }

    private long[] minute(long minute) {
        return minutes.computeIfAbsent(minute, m -> new long[VIEWERS + 1]);
    }
}
