package app.rounds.contributions.control;

import app.rounds.contributions.entity.IdempotentRequest;
import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.SecretTokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdempotencyTest {

    static final String FIRST_REQUEST = "POST questions Where are the gloves?";

    static IdempotentRequest answeredBefore() {
        return new IdempotentRequest("p1", "key-1", SecretTokens.hash(FIRST_REQUEST), 201, "{\"id\":\"q1\"}",
                Instant.parse("2026-12-07T10:00:00Z"));
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAsStored() {
        assertEquals(new Idempotency.Answer(201, "{\"id\":\"q1\"}"),
                Idempotency.replayed(answeredBefore(), SecretTokens.hash(FIRST_REQUEST)));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAsUnprocessable() {
        ProblemException refused = assertThrows(ProblemException.class, () -> Idempotency.replayed(answeredBefore(),
                SecretTokens.hash("POST questions Where are the masks?")));
        assertEquals(ProblemException.Kind.UNPROCESSABLE, refused.kind());
        assertEquals(422, refused.kind().status);
        assertEquals("idempotency-key-reused", refused.type());
    }

    @Test
    void aKeyLongerThanAHundredCharactersIsRefusedBeforeAnythingIsDone() {
        AtomicInteger runs = new AtomicInteger();
        ProblemException refused = assertThrows(ProblemException.class, () -> new Idempotency().once("p1",
                "k".repeat(Idempotency.MAX_KEY_LENGTH + 1), FIRST_REQUEST, 201, runs::incrementAndGet));
        assertEquals(ProblemException.Kind.INVALID, refused.kind());
        assertEquals("Idempotency-Key", refused.fieldErrors().getFirst().field());
        assertEquals(0, runs.get());
    }

    @Test
    void aBatchedRequestKeepsItsKeyHasNoneWhenBlankAndIsRefusedWhenTheKeyIsTooLong() {
        assertEquals("tap-1", Idempotency.checked("tap-1"));
        assertEquals(null, Idempotency.checked("  "));
        assertEquals(null, Idempotency.checked(null));
        ProblemException refused = assertThrows(ProblemException.class,
                () -> Idempotency.checked("k".repeat(Idempotency.MAX_KEY_LENGTH + 1)));
        assertEquals(400, refused.kind().status);
        assertEquals("Idempotency-Key", refused.fieldErrors().getFirst().field());
    }
}
