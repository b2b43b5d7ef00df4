package app.rounds.platform.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OriginsTest {

    @Test
    void originMatchesTheHostItWasSentTo() {
        assertTrue(Origins.sameOrigin("http://localhost:8080", "http", "localhost:8080"));
        assertTrue(Origins.sameOrigin("https://rounds.example.org", "https", "rounds.example.org"));
        assertTrue(Origins.sameOrigin("https://rounds.example.org", "https", "rounds.example.org:443"));
        assertTrue(Origins.sameOrigin("https://rounds.example.org:443", "https", "rounds.example.org"));
        assertTrue(Origins.sameOrigin("https://Rounds.Example.org", "https", "rounds.example.org"));
    }

    @Test
    void otherSitesAndOpaqueOriginsAreNotSameOrigin() {
        assertFalse(Origins.sameOrigin("http://evil.example", "http", "localhost:8080"));
        assertFalse(Origins.sameOrigin("http://localhost:8081", "http", "localhost:8080"));
        assertFalse(Origins.sameOrigin("https://rounds.example.org.evil.example", "https", "rounds.example.org"));
        assertFalse(Origins.sameOrigin("null", "http", "localhost:8080"));
        assertFalse(Origins.sameOrigin("http://localhost:8080", "http", null));
        assertFalse(Origins.sameOrigin("not a uri", "http", "localhost:8080"));
    }

    @Test
    void anotherSchemeIsAnotherOrigin() {
        assertFalse(Origins.sameOrigin("https://rounds.example.org", "http", "rounds.example.org"));
        assertFalse(Origins.sameOrigin("http://rounds.example.org", "https", "rounds.example.org"));
        assertFalse(Origins.sameOrigin("https://localhost:8080", "http", "localhost:8080"));
        assertFalse(Origins.sameOrigin("http://rounds.example.org:443", "https", "rounds.example.org"));
        assertFalse(Origins.sameOrigin("https://rounds.example.org:80", "http", "rounds.example.org"));
    }

    @Test
    void aConfiguredSiteIsComparedByItsUrl() {
        assertTrue(Origins.sameOrigin("https://rounds.example.org", "https://rounds.example.org/"));
        assertTrue(Origins.sameOrigin("https://kiosk.example.org", " wss://kiosk.example.org "));
        assertFalse(Origins.sameOrigin("http://rounds.example.org", "https://rounds.example.org/"));
        assertFalse(Origins.sameOrigin("https://rounds.example.org", "not a url"));
    }
}
