package app.rounds.contributions.control;

import app.rounds.platform.control.DatabaseOutages;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts poll answers on a tick instead of on each answer, like {@link VoteCounter} counts votes: an answer only
 * writes its own row, and every tick each poll answered since the last one is counted once and its results sent to
 * the board. The ticks also close quizzes whose time ran out.
 */
@ApplicationScoped
public class PollTally {

    private static final Logger LOG = Logger.getLogger(PollTally.class.getName());

    /** Polls answered since the last tick, with their session. */
    private final Map<String, String> dirty = new ConcurrentHashMap<>();

    @Inject
    Polls polls;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "rounds.polls.results-tick-millis")
    long tickMillis;

    private ScheduledFuture<?> ticks;

    /**
     * Timed polls are looked for once a second, not every tick: a quiz's frame says it closed at most a second late,
     * while an answer after its time is refused at once (Poll.accepting).
     */
    private static final long EXPIRY_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private long lastExpiryCheck = System.nanoTime();

    @PostConstruct
    void startTicks() {
        // failures are caught inside: an escaping one would cancel every later tick
        ticks = scheduler.scheduleWithFixedDelay(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopTicks() {
        ticks.cancel(false);
    }

    void onAnswer(@Observes(during = TransactionPhase.AFTER_SUCCESS) PollAnswered answer) {
        dirty.put(answer.pollId(), answer.sessionId());
    }

    private void tick() {
        long now = System.nanoTime();
        if (now - lastExpiryCheck >= EXPIRY_CHECK_NANOS) {
            lastExpiryCheck = now;
            try {
                polls.closeExpired();
            } catch (RuntimeException e) {
                DatabaseOutages.log(LOG, Level.WARNING, "Closing timed polls failed; trying again in a second", e);
            }
        }
        for (String pollId : Set.copyOf(dirty.keySet())) {
            String session = dirty.remove(pollId);
            try {
                polls.publishResults(pollId);
            } catch (RuntimeException e) {
                dirty.putIfAbsent(pollId, session); // counted again at the next tick: the answers are stored
                DatabaseOutages.log(LOG, Level.WARNING, "Counting a poll's answers failed; trying again at the next tick", e);
            }
        }
    }
}
