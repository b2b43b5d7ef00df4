package app.rounds.sessions.control;

import app.rounds.sessions.entity.JoinCode;
import app.rounds.sessions.entity.SessionDetails;
import app.rounds.sessions.entity.SessionStatus;
import app.rounds.sessions.entity.TrainingSession;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AgendaTest {

    private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");

    /** A session made at {@code createdHoursAgo}, to start at {@code startsInHours} (null: no time given). */
    private static TrainingSession session(String title, int createdHoursAgo, Integer startsInHours) {
        Instant start = startsInHours == null ? null : NOW.plus(Duration.ofHours(startsInHours));
        return new TrainingSession(new SessionDetails(title, null, null, start, null, null, null, null),
                JoinCode.random(), "owner", NOW.minus(Duration.ofHours(createdHoursAgo)));
    }

    private static TrainingSession moved(TrainingSession session, SessionStatus status, int hoursAgo) {
        session.moveTo(status, NOW.minus(Duration.ofHours(hoursAgo)));
        return session;
    }

    private static List<String> ordered(List<TrainingSession> sessions) {
        List<TrainingSession> shuffled = new ArrayList<>(sessions);
        Collections.shuffle(shuffled, new Random(15));
        return shuffled.stream().sorted(Agenda.ORDER).map(TrainingSession::title).toList();
    }

    @Test
    void liveComesFirstThenTheSoonestUpcomingThenTheLatestEnded() {
        TrainingSession newestButTomorrow = session("tomorrow", 0, 24);
        TrainingSession inAnHour = session("in an hour", 48, 1);
        TrainingSession liveSinceAWeekOldPlan = moved(session("live", 24 * 7, -1), SessionStatus.LIVE, 1);
        TrainingSession endedYesterday = moved(moved(session("ended yesterday", 72, -30), SessionStatus.LIVE, 30),
                SessionStatus.ENDED, 28);
        TrainingSession endedThisMorning = moved(session("ended this morning", 96, -3), SessionStatus.ENDED, 2);

        assertEquals(List.of("live", "in an hour", "tomorrow", "ended this morning", "ended yesterday"),
                ordered(List.of(newestButTomorrow, inAnHour, liveSinceAWeekOldPlan, endedYesterday, endedThisMorning)));
    }

    @Test
    void theLatestStartedOfSeveralLiveSessionsComesFirst() {
        TrainingSession sinceMorning = moved(session("since this morning", 10, null), SessionStatus.LIVE, 4);
        TrainingSession justNow = moved(session("just now", 20, null), SessionStatus.LIVE, 0);
        assertEquals(List.of("just now", "since this morning"), ordered(List.of(sinceMorning, justNow)));
    }

    @Test
    void anOverdueSessionLeadsTheUpcomingAndThoseWithoutATimeFollowNewestFirst() {
        TrainingSession overdue = session("overdue", 30, -2);
        TrainingSession later = session("later", 1, 5);
        TrainingSession undatedOld = session("no time, older", 40, null);
        TrainingSession undatedNew = session("no time, newer", 2, null);
        assertEquals(List.of("overdue", "later", "no time, newer", "no time, older"),
                ordered(List.of(undatedOld, later, undatedNew, overdue)));
    }
}
