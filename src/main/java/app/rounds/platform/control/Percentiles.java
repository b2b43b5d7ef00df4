package app.rounds.platform.control;

/** Percentiles of durations and counts, the one way Rounds computes them. */
public final class Percentiles {

    private Percentiles() {
    }

    /** Nearest-rank percentile ({@code percent} of 1 to 100) of sorted, non-empty values. */
    public static long nearestRank(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
