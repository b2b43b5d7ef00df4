package app.rounds.board.boundary;

import app.rounds.platform.control.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which pages may open a board socket: Tyrus itself would accept any Origin. */
class BoardHandshakeFilterTest {

    private final BoardHandshakeFilter filter = new BoardHandshakeFilter();

    {
        filter.allowedOrigins = Optional.empty();
        filter.publicUrl = Optional.empty();
    }

    @Test
    void pageOfThisSiteMayOpenTheSocket() {
        assertDoesNotThrow(() -> filter.checkOrigin("https://rounds.example.org", "https", "rounds.example.org"));
    }

    @Test
    void clientThatIsNoBrowserSendsNoOriginAndIsLetThrough() {
        assertDoesNotThrow(() -> filter.checkOrigin(null, "https", "rounds.example.org"));
    }

    @Test
    void pageOfThisHostOverAnotherSchemeIsRefused() {
        assertThrows(ProblemException.class,
                () -> filter.checkOrigin("https://rounds.example.org", "http", "rounds.example.org"));
        assertThrows(ProblemException.class,
                () -> filter.checkOrigin("http://rounds.example.org", "https", "rounds.example.org"));
    }

    @Test
    void pageOfAnotherSiteIsRefusedWith403() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> filter.checkOrigin("https://evil.example.com", "https", "rounds.example.org"));

        assertEquals(ProblemException.Kind.FORBIDDEN, refused.kind());
    }

    @Test
    void pageAtThePublicUrlMayOpenTheSocketBehindAProxy() {
        filter.publicUrl = Optional.of("https://rounds.example.org/");

        assertDoesNotThrow(() -> filter.checkOrigin("https://rounds.example.org", "http", "app-1:8080"));
        assertThrows(ProblemException.class,
                () -> filter.checkOrigin("http://rounds.example.org", "http", "app-1:8080"));
    }

    @Test
    void pageOfAnAllowedOriginMayOpenTheSocket() {
        filter.allowedOrigins = Optional.of(" https://projector.example.org , https://kiosk.example.org ");

        assertDoesNotThrow(() -> filter.checkOrigin("https://kiosk.example.org", "https", "rounds.example.org"));
        assertThrows(ProblemException.class,
                () -> filter.checkOrigin("https://other.example.org", "https", "rounds.example.org"));
    }
}
