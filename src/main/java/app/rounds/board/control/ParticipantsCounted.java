package app.rounds.board.control;

import app.rounds.platform.control.ClusterWide;

/** A fresh count of the trainees who joined a session, for its boards (not stored: the latest count is all). */
public record ParticipantsCounted(String sessionId, long count) implements ClusterWide {
}
