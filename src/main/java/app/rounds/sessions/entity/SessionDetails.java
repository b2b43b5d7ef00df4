package app.rounds.sessions.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * What an organiser describes about a session, already checked: a title, optional place and description, an
 * optional schedule whose end is after its start, an optional hashtag, the moderation mode, and what hashtag posts that
 * are neither questions nor feedback become.
 */
public record SessionDetails(String title, String facility, String description, Instant scheduledStart,
                             Instant scheduledEnd, Hashtag hashtag, ModerationMode moderationMode,
                             OtherPosts otherPosts) {

    public SessionDetails {
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
        title = title.strip();
        facility = blankToNull(facility);
        description = blankToNull(description);
        moderationMode = moderationMode == null ? ModerationMode.PRE_MODERATION : moderationMode;
        otherPosts = otherPosts == null ? OtherPosts.QUESTION : otherPosts;
        if (scheduledStart != null && scheduledEnd != null && !scheduledEnd.isAfter(scheduledStart)) {
            throw new IllegalArgumentException("scheduledEnd must be after scheduledStart");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
