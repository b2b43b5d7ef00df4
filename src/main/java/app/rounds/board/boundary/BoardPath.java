package app.rounds.board.boundary;

import app.rounds.board.entity.Stream;

import java.util.Optional;

/**
 * Where the board's sockets live: {@code /ws/moderation/{sessionId}} for staff and {@code /ws/public/{joinCode}} for
 * trainees and the projector.
 */
record BoardPath(Stream stream, String key) {

    static final String MODERATION = "/ws/moderation/";
    static final String PUBLIC = "/ws/public/";

    static Optional<BoardPath> parse(String path) {
        if (path.startsWith(MODERATION) && path.length() > MODERATION.length()) {
            return Optional.of(new BoardPath(Stream.MODERATION, path.substring(MODERATION.length())));
        }
        if (path.startsWith(PUBLIC) && path.length() > PUBLIC.length()) {
            return Optional.of(new BoardPath(Stream.PUBLIC, path.substring(PUBLIC.length())));
        }
        return Optional.empty();
    }
}
