package app.rounds.contributions.control;

import app.rounds.contributions.entity.IdempotentRequest;
import app.rounds.platform.control.ProblemException;
import app.rounds.platform.control.SecretTokens;
import app.rounds.platform.control.UniqueConstraints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Answers a participant's POST once per {@code Idempotency-Key}. The action and the record of its answer commit in one
 * transaction: a retry after a lost answer gets the stored answer and changes nothing; the same key with another
 * request gets 422; two copies racing each other leave one stored and the other a 409 to retry.
 */
@ApplicationScoped
public class Idempotency {

    public record Answer(int status, String json) {
    }

    public static final int MAX_KEY_LENGTH = 100;
    /** Created on first use, so that the checks before any JSON (and their unit tests) need no JSON-B provider. */
    private static final class Json {
        static final Jsonb JSON = JsonbBuilder.create();
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Runs {@code action} (answering with {@code status}) unless this key has been answered before. */
    @Transactional
    public Answer once(String participantId, String key, String request, int status, Supplier<?> action) {
        check(key);
        if (key == null || key.isBlank()) {
            return new Answer(status, json(action.get()));
        }
        String hash = SecretTokens.hash(request);
        IdempotentRequest earlier = em.find(IdempotentRequest.class, new IdempotentRequest.Key(participantId, key));
        if (earlier != null) {
            return replayed(earlier, hash);
        }
        String json = json(action.get());
        em.persist(new IdempotentRequest(participantId, key, hash, status, json, clock.instant()));
        UniqueConstraints.flush(em, "PRIMARY", () -> ProblemException.conflict("idempotent-request-in-progress",
                "A request with this Idempotency-Key is being answered; retry it in a moment."));
        return new Answer(status, json);
    }

    /** Refuses a key longer than the stored column (400); none at all is fine. */
    static void check(String key) {
        if (key != null && key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalidField("Idempotency-Key", "An Idempotency-Key can be at most " + MAX_KEY_LENGTH + " characters.");
        }
    }

    /** A request's key as the batched writers keep it: refused when too long (400), null when none or blank. */
    static String checked(String key) {
        check(key);
        return key == null || key.isBlank() ? null : key;
    }

    static String json(Object answer) {
        return Json.JSON.toJson(answer);
    }

    /** A retry gets the stored first answer; another request with the same key is refused (422). */
    static Answer replayed(IdempotentRequest earlier, String requestHash) {
        if (!earlier.sameRequest(requestHash)) {
            throw new ProblemException(ProblemException.Kind.UNPROCESSABLE, "idempotency-key-reused",
                    "Idempotency-Key used for another request",
                    "This Idempotency-Key was first used with another request; use a new key for a new request.",
                    List.of(), null);
        }
        return new Answer(earlier.status(), earlier.body());
    }
}
