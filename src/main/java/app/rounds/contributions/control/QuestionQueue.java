package app.rounds.contributions.control;

import app.rounds.contributions.entity.ScreeningRecord;
import app.rounds.platform.control.SecretTokens;
import app.rounds.screening.control.Screener;
import app.rounds.sessions.control.Participants.Joined;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.CompletableFuture;

/**
 * Trainees' questions are stored in batches ({@link BatchWriter}, {@link QuestionWrites}): a question is answered
 * (201) when its batch has committed, alone at once, in a hall asking at once with those that came meanwhile. A
 * question's board event locks its stream's counter row until the commit: with a transaction each, questions went
 * through one log flush at a time (about 400 a second, docs/BENCHMARKS.md "Questions stored in batches").
 */
@ApplicationScoped
public class QuestionQueue {

    /**
     * A question waiting to be stored: its text as sent and what screening found in it as it will be stored
     * (stripped), with the request's Idempotency-Key (or none) and address (for the rate limits), and the answer to send.
     */
    public record PendingQuestion(Joined trainee, String text, ScreeningRecord findings, String key, String address,
                                  CompletableFuture<Idempotency.Answer> answer) implements BatchWriter.Pending {

        @Override
        public String requestHash() {
            return SecretTokens.hash(request(text));
        }
    }

    @Resource
    ManagedThreadFactory threads;

    @Inject
    QuestionWrites writes;

    @Inject
    Screener screener;

    private BatchWriter<PendingQuestion> batches;

    @PostConstruct
    void start() {
        batches = new BatchWriter<>("question", writes::write, "question-not-stored",
                "Your question could not be confirmed in time. Please check your questions and try again in a few "
                        + "seconds.");
        batches.start(threads);
    }

    @PreDestroy
    void stop() {
        batches.stop();
    }

    /** What a question asked, as its Idempotency-Key's record knows it. */
    static String request(String text) {
        return "POST questions " + text;
    }

    /**
     * Stores the question with the next batch and answers as its batch committed (the JSON of an {@code OwnQuestion},
     * or the stored answer of an earlier request with the same Idempotency-Key); a refusal is thrown as it would have
     * been. Screened here, on the request's thread: the batch's one thread then only stores.
     */
    public Idempotency.Answer ask(Joined trainee, String text, String key, String address) {
        String checkedKey = Idempotency.checked(key);
        // screened as stored: findings' offsets point into the stored text
        ScreeningRecord findings = Findings.recorded(screener.screen(text.strip()));
        return batches.submit(new PendingQuestion(trainee, text, findings, checkedKey, address,
                new CompletableFuture<>()));
    }
}
