package app.rounds.platform.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OriginsTest {

    @Test
    void originMatchesTheHostItWasSentTo() {
        assertTrue(Origins.sameOrigin("http://localhost:8080", "localhost:8080"));
        assertTrue(Origins.sameOrigin("https://rounds.example.org", "rounds.example.org"));
        assertTrue(Origins.sameOrigin("https://rounds.example.org", "rounds.example.org:443"));
        assertTrue(Origins.sameOrigin("https://Rounds.Example.org", "rounds.example.org"));
    }

    @Test
    void otherSitesAndOpaqueOriginsAreNotSameOrigin() {
        assertFalse(Origins.sameOrigin("http://evil.example", "localhost:8080"));
        assertFalse(Origins.sameOrigin("http://localhost:8081", "localhost:8080"));
        assertFalse(Origins.sameOrigin("https://rounds.example.org.evil.example", "rounds.example.org"));
        assertFalse(Origins.sameOrigin("null", "localhost:8080"));
        assertFalse(Origins.sameOrigin("http://localhost:8080", null));
        assertFalse(Origins.sameOrigin("not a uri", "localhost:8080"));
    }
}
