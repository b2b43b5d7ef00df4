package app.rounds.contributions.control;

import app.rounds.platform.control.SecretTokens;
import app.rounds.sessions.control.Participants.Joined;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.CompletableFuture;

/**
 * Votes are stored in batches ({@link BatchWriter}, {@link VoteWrites}): a vote is answered when its batch has
 * committed, alone at once, in a storm with the hundreds that came meanwhile.
 */
@ApplicationScoped
public class VoteQueue {

    /**
     * A vote waiting to be stored: given ({@code wanted} true), taken back (false) or toggled (null), with the
     * request's Idempotency-Key (or none) and address (for the rate limits), and the answer to send.
     */
    public record PendingVote(Joined trainee, String questionId, Boolean wanted, String key, String address,
                              CompletableFuture<Idempotency.Answer> answer) implements BatchWriter.Pending {

        @Override
        public String requestHash() {
            return SecretTokens.hash("POST vote " + questionId);
        }
    }

    @Resource
    ManagedThreadFactory threads;

    @Inject
    VoteWrites writes;

    private BatchWriter<PendingVote> batches;

    @PostConstruct
    void start() {
        batches = new BatchWriter<>("vote", writes::write, "vote-not-stored",
                "Your vote could not be confirmed in time. Please check it and try again in a few seconds.");
        batches.start(threads);
    }

    @PreDestroy
    void stop() {
        batches.stop();
    }

    /**
     * Stores the vote with the next batch and answers as its batch committed (the JSON of a {@code VoteView}, or the
     * stored answer of an earlier request with the same Idempotency-Key); a refusal is thrown as it would have been.
     */
    public Idempotency.Answer vote(Joined trainee, String questionId, Boolean wanted, String key, String address) {
        return batches.submit(new PendingVote(trainee, questionId, wanted, Idempotency.checked(key), address,
                new CompletableFuture<>()));
    }
}
