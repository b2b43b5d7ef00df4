package app.rounds.board.boundary;

import app.rounds.board.entity.Stream;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BoardPathTest {

    @Test
    void moderationPathNamesTheSession() {
        assertEquals(Optional.of(new BoardPath(Stream.MODERATION, "s-1")), BoardPath.parse("/ws/moderation/s-1"));
    }

    @Test
    void publicPathNamesTheJoinCode() {
        assertEquals(Optional.of(new BoardPath(Stream.PUBLIC, "ABC123")), BoardPath.parse("/ws/public/ABC123"));
    }

    @Test
    void pathWithoutAKeyOrOfAnotherStreamIsNoBoard() {
        assertEquals(Optional.empty(), BoardPath.parse("/ws/moderation/"));
        assertEquals(Optional.empty(), BoardPath.parse("/ws/public/"));
        assertEquals(Optional.empty(), BoardPath.parse("/ws/other/s-1"));
        assertEquals(Optional.empty(), BoardPath.parse("/api/sessions"));
    }
}
