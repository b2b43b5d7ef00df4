package app.rounds.sessions.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingSessionTest {

    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");

    private static SessionDetails details(String title) {
        return new SessionDetails(title, " Skills lab 2 ", "", null, null, null, null, null);
    }

    @Test
    void startsScheduledInPreModeration() {
        TrainingSession session = new TrainingSession(details("CPR refresher"), JoinCode.random(), "owner", NOW);
        assertEquals(SessionStatus.SCHEDULED, session.status());
        assertEquals(ModerationMode.PRE_MODERATION, session.moderationMode());
        assertEquals("Skills lab 2", session.facility());
        assertEquals(null, session.description());
    }

    @Test
    void goesLiveThenEndsAndRecordsWhen() {
        TrainingSession session = new TrainingSession(details("CPR refresher"), JoinCode.random(), "owner", NOW);
        session.moveTo(SessionStatus.LIVE, NOW.plusSeconds(60));
        assertEquals(NOW.plusSeconds(60), session.startedAt());
        session.moveTo(SessionStatus.ENDED, NOW.plusSeconds(120));
        assertEquals(NOW.plusSeconds(120), session.endedAt());
    }

    @Test
    void nothingLeavesEnded() {
        TrainingSession session = new TrainingSession(details("CPR refresher"), JoinCode.random(), "owner", NOW);
        session.moveTo(SessionStatus.ENDED, NOW);
        for (SessionStatus next : SessionStatus.values()) {
            assertThrows(IllegalStateException.class, () -> session.moveTo(next, NOW));
        }
        assertThrows(IllegalStateException.class, () -> session.revise(details("Changed"), NOW));
    }

    @Test
    void transitionsGoOnlyForward() {
        assertTrue(SessionStatus.SCHEDULED.canBecome(SessionStatus.LIVE));
        assertTrue(SessionStatus.SCHEDULED.canBecome(SessionStatus.ENDED));
        assertTrue(SessionStatus.LIVE.canBecome(SessionStatus.ENDED));
        assertFalse(SessionStatus.LIVE.canBecome(SessionStatus.SCHEDULED));
        assertFalse(SessionStatus.LIVE.canBecome(SessionStatus.LIVE));
        assertFalse(SessionStatus.SCHEDULED.canBecome(SessionStatus.SCHEDULED));
        assertFalse(SessionStatus.ENDED.canBecome(SessionStatus.LIVE));
    }

    @Test
    void scheduleMustEndAfterItStarts() {
        assertThrows(IllegalArgumentException.class, () -> new SessionDetails("x", null, null, NOW, NOW, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new SessionDetails("x", null, null, NOW, NOW.minusSeconds(1), null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new SessionDetails(" ", null, null, null, null, null, null, null));
    }

    // the projector

    @Test
    void aNewSessionIsProjectedDarkWithItsQrCodeAndWithoutTheParticipantCount() {
        TrainingSession session = new TrainingSession(details("CPR refresher"), JoinCode.random(), "owner", NOW);
        assertEquals(new ProjectorSettings(ProjectorTheme.DARK, true, false), session.projector());
    }

    @Test
    void thePresenterChangesHowTheProjectorShowsTheSessionUntilItEnds() {
        TrainingSession session = new TrainingSession(details("CPR refresher"), JoinCode.random(), "owner", NOW);
        ProjectorSettings light = new ProjectorSettings(ProjectorTheme.LIGHT, false, true);
        assertTrue(session.showOnProjector(light, NOW.plusSeconds(60)));
        assertEquals(light, session.projector());
        assertEquals(NOW.plusSeconds(60), session.updatedAt());
        assertFalse(session.showOnProjector(new ProjectorSettings(ProjectorTheme.LIGHT, false, true), NOW.plusSeconds(90)),
                "the same settings again change nothing");
        assertEquals(NOW.plusSeconds(60), session.updatedAt());
        session.moveTo(SessionStatus.ENDED, NOW.plusSeconds(120));
        assertThrows(IllegalStateException.class, () -> session.showOnProjector(ProjectorSettings.standard(), NOW));
        assertEquals(light, session.projector());
    }
}
