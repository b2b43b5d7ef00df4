package app.rounds.sessions.control;

/** What a staff member may use of one session; the session-staff policy ({@link SessionAccess}) grants these. */
public enum SessionPart {
    /** See the session: its details, join code and team. Everyone on the team. */
    SEE("this session"),
    /** The live board: moderation, feedback, export, hashtag sources, the projector, going live and ending. */
    BOARD("the live board"),
    /** The media library: uploads, descriptions, consent. */
    MEDIA("the media library"),
    /** Highlights: curating, screening, submitting to review. */
    HIGHLIGHTS("the highlights"),
    /** The session's details and its team. The owner and admins. */
    MANAGE("the session's details and team");

    private final String words;

    SessionPart(String words) {
        this.words = words;
    }

    /** The part as a sentence names it. */
    public String words() {
        return words;
    }
}
