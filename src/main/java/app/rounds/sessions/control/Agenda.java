package app.rounds.sessions.control;

import app.rounds.sessions.entity.SessionStatus;
import app.rounds.sessions.entity.TrainingSession;

import java.time.Instant;
import java.util.Comparator;

/**
 * The order staff see their sessions in, by what needs them first: what is live now (the latest started first), then
 * what comes next (the soonest scheduled start first, so a session overdue to start comes first of all; those without
 * a start time after them, the newest created first), then what is over (the latest ended first).
 */
public final class Agenda {

    public static final Comparator<TrainingSession> ORDER = Comparator
            .comparingInt((TrainingSession s) -> rank(s.status()))
            .thenComparing(Agenda::withinItsGroup);

    private static final Comparator<Instant> EARLIEST_FIRST = Comparator.nullsLast(Comparator.naturalOrder());
    private static final Comparator<Instant> LATEST_FIRST = Comparator.nullsLast(Comparator.reverseOrder());

    private Agenda() {
    }

    private static int rank(SessionStatus status) {
        return switch (status) {
            case LIVE -> 0;
            case SCHEDULED -> 1;
            case ENDED -> 2;
        };
    }

    /** Compares sessions of the same status; by id last, so that the order never depends on the query's. */
    private static int withinItsGroup(TrainingSession a, TrainingSession b) {
        int byTime = switch (a.status()) {
            case LIVE -> LATEST_FIRST.compare(a.startedAt(), b.startedAt());
            case SCHEDULED -> {
                int byStart = EARLIEST_FIRST.compare(a.scheduledStart(), b.scheduledStart());
                yield byStart != 0 ? byStart : LATEST_FIRST.compare(a.createdAt(), b.createdAt());
            }
            case ENDED -> LATEST_FIRST.compare(a.endedAt(), b.endedAt());
        };
        return byTime != 0 ? byTime : a.id().compareTo(b.id());
    }
}
