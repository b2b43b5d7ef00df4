package app.rounds.contributions.control;

import app.rounds.contributions.entity.IdempotentRequest;
import app.rounds.platform.control.Conflicts;
import app.rounds.platform.control.ProblemException;
import app.rounds.sessions.control.Participants.Joined;
import jakarta.enterprise.concurrent.ManagedThreadFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Trainees' requests stored in batches: a request waits in a queue while the batch before it is being stored, and is
 * answered when its own batch has committed. Alone, a request is stored at once; in a storm, one transaction stores the
 * hundreds that came meanwhile (one connection, one commit, a handful of statements) instead of hundreds of
 * transactions. An answer is never given before what it answers is stored. Used for votes and poll answers.
 */
public final class BatchWriter<P extends BatchWriter.Pending> {

    private static final Logger LOG = Logger.getLogger(BatchWriter.class.getName());
    static final int MOST_IN_A_BATCH = 500;
    /**
     * Far longer than a batch takes while the database answers (milliseconds), and about as long as other requests
     * wait for it when it does not (a connection: 3 s; one that hangs: DatabaseOutageIT's 10 s): then 503.
     */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    /** A request waiting to be stored, with its Idempotency-Key (or none) and the answer to send. */
    public interface Pending {
        Joined trainee();

        /** The request's Idempotency-Key, or null. */
        String key();

        /** What the request asked, hashed: the same key with another request is refused. */
        String requestHash();

        CompletableFuture<Idempotency.Answer> answer();

        default IdempotentRequest.Key idempotencyKey() {
            return key() == null ? null : new IdempotentRequest.Key(trainee().participant().id(), key());
        }
    }

    /** A request's answer, or why it was refused; refused requests change nothing. */
    public record Outcome<P extends Pending>(P pending, Idempotency.Answer answer, RuntimeException refusal) {

        static <P extends Pending> Outcome<P> answered(P pending, Idempotency.Answer answer) {
            return new Outcome<>(pending, answer, null);
        }

        static <P extends Pending> Outcome<P> refused(P pending, RuntimeException refusal) {
            return new Outcome<>(pending, null, refusal);
        }

        void deliver() {
            if (refusal != null) {
                pending.answer().completeExceptionally(refusal);
            } else {
                pending.answer().complete(answer);
            }
        }
    }

    private final String what;
    private final Function<List<P>, List<Outcome<P>>> write;
    private final String notStoredType;
    private final String notStoredDetail;
    private final BlockingQueue<P> waiting = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread writer;

    /**
     * @param what            what is stored, for the writer thread's name and the log ("vote")
     * @param write           stores a batch in one transaction and returns each request's outcome, in the batch's order
     * @param notStoredType   the problem type of the 503 for a request not confirmed in time ("vote-not-stored")
     * @param notStoredDetail what that 503 tells the trainee (the request may still be stored with its batch)
     */
    public BatchWriter(String what, Function<List<P>, List<Outcome<P>>> write, String notStoredType,
                       String notStoredDetail) {
        this.what = what;
        this.write = write;
        this.notStoredType = notStoredType;
        this.notStoredDetail = notStoredDetail;
    }

    public void start(ManagedThreadFactory threads) {
        running = true;
        writer = threads.newThread(this::storeWhileRunning);
        writer.setName("rounds-" + what + "-writer");
        writer.start();
    }

    public void stop() {
        running = false;
        writer.interrupt();
        try {
            writer.join(LONGEST_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<P> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(request -> request.answer().completeExceptionally(stopping()));
    }

    /**
     * Stores the request with the next batch and answers as its batch committed (or with the stored answer of an
     * earlier request with the same Idempotency-Key); a refusal is thrown as it would have been.
     */
    public Idempotency.Answer submit(P request) {
        if (!running) {
            throw stopping();
        }
        waiting.add(request);
        try {
            return request.answer().get(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException refusal) {
                throw refusal;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            // it may still be stored with its batch: a retry with the same Idempotency-Key is safe
            throw new ProblemException(ProblemException.Kind.UNAVAILABLE, notStoredType, "Temporarily unavailable",
                    notStoredDetail, List.of(), Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopping();
        }
    }

    private void storeWhileRunning() {
        List<P> batch = new ArrayList<>();
        while (running) {
            try {
                P first = waiting.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, MOST_IN_A_BATCH - 1);
                store(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) { // never let the writer die: later requests would wait in vain
                LOG.log(Level.SEVERE, "Storing " + what + " failed", e);
                batch.forEach(request -> request.answer().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void store(List<P> batch) {
        List<Outcome<P>> outcomes;
        try {
            outcomes = Conflicts.retried(() -> write.apply(batch));
        } catch (RuntimeException e) {
            if (batch.size() > 1 && !Conflicts.fromDatabase(e)) {
                // something about one request: the others must not be refused for it
                batch.forEach(request -> store(List.of(request)));
                return;
            }
            batch.forEach(request -> request.answer().completeExceptionally(e));
            return;
        }
        outcomes.forEach(Outcome::deliver);
    }

    private static ProblemException stopping() {
        return new ProblemException(ProblemException.Kind.UNAVAILABLE, "stopping", "Temporarily unavailable",
                "Rounds is restarting. Please try again in a few seconds.", List.of(), Duration.ofSeconds(5));
    }
}
