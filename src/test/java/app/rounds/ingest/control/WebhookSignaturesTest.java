package app.rounds.ingest.control;

import app.rounds.platform.control.ProblemException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebhookSignaturesTest {

    /** The example from the Standard Webhooks specification's reference implementations. */
    @Test
    void matchesTheSpecificationsExample() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignatures.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, body));
    }

    @Test
    void acceptsAnyMatchingSignatureWithinTheWindowOnly() {
        String secret = WebhookSignatures.newSecret();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        long at = now.getEpochSecond();
        String good = WebhookSignatures.sign(secret, "msg_1", at, body);
        assertDoesNotThrow(() -> WebhookSignatures.verify(secret, "msg_1", Long.toString(at), "v1,bm9wZQ== " + good,
                body, now));
        assertRefused(() -> WebhookSignatures.verify(secret, "msg_1", Long.toString(at), good,
                "{ }".getBytes(StandardCharsets.UTF_8), now));
        assertRefused(() -> WebhookSignatures.verify(secret, "msg_2", Long.toString(at), good, body, now));
        assertRefused(() -> WebhookSignatures.verify(secret, "msg_1", Long.toString(at - 301),
                WebhookSignatures.sign(secret, "msg_1", at - 301, body), body, now));
        assertRefused(() -> WebhookSignatures.verify(secret, "msg_1", Long.toString(at + 301),
                WebhookSignatures.sign(secret, "msg_1", at + 301, body), body, now));
        assertRefused(() -> WebhookSignatures.verify(WebhookSignatures.newSecret(), "msg_1", Long.toString(at), good,
                body, now));
        assertRefused(() -> WebhookSignatures.verify(secret, "msg_1", "yesterday", good, body, now));
        assertRefused(() -> WebhookSignatures.verify(secret, null, Long.toString(at), good, body, now));
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable verification) {
        ProblemException refused = assertThrows(ProblemException.class, verification);
        assertEquals(401, refused.kind().status);
    }
}
