package app.rounds.sessions.control;

import app.rounds.sessions.entity.ModerationMode;
import app.rounds.sessions.entity.OtherPosts;
import app.rounds.sessions.entity.ProjectorSettings;
import app.rounds.sessions.entity.ProjectorTheme;
import app.rounds.sessions.entity.SessionStatus;
import app.rounds.sessions.entity.TrainingSession;

import java.time.Instant;

/** What anyone in a session may know of it: nothing about its staff, its owner or its join code. */
public record SessionSummary(String title, String facility, String description, Instant scheduledStart,
                             Instant scheduledEnd, String hashtag, ModerationMode moderationMode,
                             OtherPosts otherPosts, SessionStatus status, Projector projector) {

    /** How the projector shows the session, as its presenter chose on the board. */
    public record Projector(ProjectorTheme theme, boolean showQrCode, boolean showParticipants) {

        public static Projector of(ProjectorSettings settings) {
            return new Projector(settings.theme(), settings.showQrCode(), settings.showParticipants());
        }
    }

    public static SessionSummary of(TrainingSession s) {
        return new SessionSummary(s.title(), s.facility(), s.description(), s.scheduledStart(), s.scheduledEnd(),
                s.hashtag() == null ? null : s.hashtag().text(), s.moderationMode(), s.otherPosts(), s.status(),
                Projector.of(s.projector()));
    }
}
