package app.rounds.board.entity;

/**
 * The JSON frames of the board: {@code {"seq": n, "type": "...", "data": {...}}}. {@code seq} is the last stored event
 * of the stream that the frame follows; only stored events advance it, so a client resumes after the last {@code seq}
 * it saw. Types: snapshot, contribution.created, contribution.updated, contribution.removed (public only), votes,
 * feedback.summary (moderation only), session.updated, participants, and pong.
 */
public final class Frames {

    public static final String SNAPSHOT = "snapshot";
    public static final String CONTRIBUTION_CREATED = "contribution.created";
    public static final String CONTRIBUTION_UPDATED = "contribution.updated";
    public static final String CONTRIBUTION_REMOVED = "contribution.removed";
    public static final String VOTES = "votes";
    public static final String FEEDBACK_SUMMARY = "feedback.summary";
    public static final String SESSION_UPDATED = "session.updated";
    public static final String PARTICIPANTS = "participants";
    public static final String POLL_OPENED = "poll.opened";
    public static final String POLL_CLOSED = "poll.closed";
    public static final String POLL_UPDATED = "poll.updated";
    public static final String POLL_RESULTS = "poll.results";
    public static final String POLL_HIDDEN = "poll.hidden";
    public static final String POLL_REMOVED = "poll.removed";
    public static final String PONG = "pong";

    private Frames() {
    }

    /**
     * One WebSocket message for several stored events: a JSON array of their frames (a single event goes as its frame
     * alone). A pull that finds several events sends each client one message, not one per event: under load the
     * container's cost per message, not per byte, is what limits fan-out.
     */
    public static String batch(java.util.List<String> frames) {
        return frames.size() == 1 ? frames.getFirst() : "[" + String.join(",", frames) + "]";
    }

    public static String frame(long seq, String type, String jsonData) {
        // types are the constants above: nothing to escape
        return "{\"seq\":" + seq + ",\"type\":\"" + type + "\",\"data\":" + jsonData + "}";
    }
}
