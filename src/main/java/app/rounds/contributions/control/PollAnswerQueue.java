package app.rounds.contributions.control;

import app.rounds.platform.control.SecretTokens;
import app.rounds.sessions.control.Participants.Joined;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Answers to polls with choices or a rating are stored in batches ({@link BatchWriter}, {@link PollAnswerWrites}): a
 * hall answering at once is stored in a few transactions instead of one each. Free text (word clouds, open text) is
 * screened and stored one answer at a time ({@link Polls#answer}).
 */
@ApplicationScoped
public class PollAnswerQueue {

    /** An answer waiting to be stored, as it arrived ({@code at}: when it counts for a quiz's speed and time limit). */
    public record PendingAnswer(Joined trainee, String pollId, PollRules.Answer given, Instant at, String key,
                                String address, CompletableFuture<Idempotency.Answer> answer)
            implements BatchWriter.Pending {

        @Override
        public String requestHash() {
            return SecretTokens.hash(request(pollId, given));
        }
    }

    @Resource
    ManagedThreadFactory threads;

    @Inject
    PollAnswerWrites writes;

    @Inject
    Clock clock;

    private BatchWriter<PendingAnswer> batches;

    @PostConstruct
    void start() {
        batches = new BatchWriter<>("poll-answer", writes::write, "answer-not-stored",
                "Your answer could not be confirmed in time. Please check it and try again in a few seconds.");
        batches.start(threads);
    }

    @PreDestroy
    void stop() {
        batches.stop();
    }

    /**
     * What an answer asked, as its Idempotency-Key's record knows it (one text for both ways an answer is stored, so
     * that a key keeps its meaning).
     */
    public static String request(String pollId, PollRules.Answer given) {
        return "POST poll answer " + pollId + " " + given;
    }

    /**
     * Stores the answer (choices or a rating) with the next batch and answers as its batch committed (the JSON of an
     * {@code OwnAnswer}, or the stored answer of an earlier request with the same Idempotency-Key); a refusal is
     * thrown as it would have been.
     */
    public Idempotency.Answer answer(Joined trainee, String pollId, PollRules.Answer given, String key, String address) {
        return batches.submit(new PendingAnswer(trainee, pollId, given, clock.instant(), Idempotency.checked(key),
                address, new CompletableFuture<>()));
    }
}
