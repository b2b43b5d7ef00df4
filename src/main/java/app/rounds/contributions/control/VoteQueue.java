package app.rounds.contributions.control;

import app.rounds.contributions.entity.IdempotentRequest;
import app.rounds.platform.control.Conflicts;
import app.rounds.platform.control.ProblemException;
import app.rounds.sessions.control.Participants.Joined;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Votes are stored in batches: a vote waits in a queue while the batch before it is being stored, and is answered
 * when its own batch has committed. Alone, a vote is stored at once, as before; in a storm, one transaction stores
 * the hundreds that came meanwhile (one connection, one commit, a handful of statements) instead of hundreds of
 * transactions of six statements each. An answer is never given before its vote is stored.
 */
@ApplicationScoped
public class VoteQueue {

    private static final Logger LOG = Logger.getLogger(VoteQueue.class.getName());
    static final int MOST_IN_A_BATCH = 500;
    /**
     * Far longer than a batch takes while the database answers (milliseconds), and about as long as other requests
     * wait for it when it does not (a connection: 3 s; one that hangs: DatabaseOutageIT's 10 s): then 503.
     */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    /**
     * A vote waiting to be stored: given ({@code wanted} true), taken back (false) or toggled (null), with the
     * request's Idempotency-Key (or none) and address (for the rate limits), and the answer to send.
     */
    public record PendingVote(Joined trainee, String questionId, Boolean wanted, String key, String address,
                              CompletableFuture<Idempotency.Answer> answer) {

        IdempotentRequest.Key idempotencyKey() {
            return key == null ? null : new IdempotentRequest.Key(trainee.participant().id(), key);
        }
    }

    private final BlockingQueue<PendingVote> waiting = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread writer;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    VoteWrites writes;

    @PostConstruct
    void start() {
        running = true;
        writer = threads.newThread(this::storeWhileRunning);
        writer.setName("rounds-vote-writer");
        writer.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        writer.interrupt();
        try {
            writer.join(LONGEST_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<PendingVote> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(vote -> vote.answer().completeExceptionally(stopping()));
    }

    /**
     * Stores the vote with the next batch and answers as its batch committed (the JSON of a {@code VoteView}, or the
     * stored answer of an earlier request with the same Idempotency-Key); a refusal is thrown as it would have been.
     */
    public Idempotency.Answer vote(Joined trainee, String questionId, Boolean wanted, String key, String address) {
        Idempotency.check(key);
        PendingVote vote = new PendingVote(trainee, questionId, wanted, key == null || key.isBlank() ? null : key,
                address, new CompletableFuture<>());
        if (!running) {
            throw stopping();
        }
        waiting.add(vote);
        try {
            return vote.answer().get(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException refusal) {
                throw refusal;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            // it may still be stored with its batch: a retry with the same Idempotency-Key (or a PUT) is safe
            throw new ProblemException(ProblemException.Kind.UNAVAILABLE, "vote-not-stored", "Temporarily unavailable",
                    "Your vote could not be confirmed in time. Please check it and try again in a few seconds.",
                    List.of(), Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopping();
        }
    }

    private void storeWhileRunning() {
        List<PendingVote> batch = new ArrayList<>();
        while (running) {
            try {
                PendingVote first = waiting.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, MOST_IN_A_BATCH - 1);
                store(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) { // never let the writer die: later votes would wait in vain
                LOG.log(Level.SEVERE, "Storing votes failed", e);
                batch.forEach(vote -> vote.answer().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void store(List<PendingVote> batch) {
        List<VoteWrites.Outcome> outcomes;
        try {
            outcomes = Conflicts.retried(() -> writes.write(batch));
        } catch (RuntimeException e) {
            if (batch.size() > 1 && !Conflicts.fromDatabase(e)) {
                // something about one vote: the others must not be refused for it
                batch.forEach(vote -> store(List.of(vote)));
                return;
            }
            batch.forEach(vote -> vote.answer().completeExceptionally(e));
            return;
        }
        outcomes.forEach(VoteWrites.Outcome::deliver);
    }

    private static ProblemException stopping() {
        return new ProblemException(ProblemException.Kind.UNAVAILABLE, "stopping", "Temporarily unavailable",
                "Rounds is restarting. Please try again in a few seconds.", List.of(), Duration.ofSeconds(5));
    }
}
