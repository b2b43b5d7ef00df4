package app.rounds.security.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsrfCheckTest {

    @Test
    void originMatchesTheHostItWasSentTo() {
        assertTrue(CsrfCheck.sameOrigin("http://localhost:8080", "localhost:8080"));
        assertTrue(CsrfCheck.sameOrigin("https://rounds.example.org", "rounds.example.org"));
        assertTrue(CsrfCheck.sameOrigin("https://rounds.example.org", "rounds.example.org:443"));
        assertTrue(CsrfCheck.sameOrigin("https://Rounds.Example.org", "rounds.example.org"));
    }

    @Test
    void otherSitesAndOpaqueOriginsAreNotSameOrigin() {
        assertFalse(CsrfCheck.sameOrigin("http://evil.example", "localhost:8080"));
        assertFalse(CsrfCheck.sameOrigin("http://localhost:8081", "localhost:8080"));
        assertFalse(CsrfCheck.sameOrigin("https://rounds.example.org.evil.example", "rounds.example.org"));
        assertFalse(CsrfCheck.sameOrigin("null", "localhost:8080"));
        assertFalse(CsrfCheck.sameOrigin("http://localhost:8080", null));
        assertFalse(CsrfCheck.sameOrigin("not a uri", "localhost:8080"));
    }
}
