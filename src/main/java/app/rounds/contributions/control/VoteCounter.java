package app.rounds.contributions.control;

import app.rounds.board.control.VotesCounted;
import app.rounds.platform.control.DatabaseOutages;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts votes on a tick instead of on each vote. A vote only inserts or deletes its own row, so voters never wait
 * for one another on the question's row; every tick (200 ms) the questions whose votes changed are counted from their
 * rows, the count is written to the question (for sorting, snapshots, export), and one {@link VotesCounted} per
 * session goes to the board: a storm of votes costs one count and one frame per tick.
 */
@ApplicationScoped
public class VoteCounter {

    private static final Logger LOG = Logger.getLogger(VoteCounter.class.getName());

    /** Questions whose votes changed since the last tick, with their session. */
    private final Map<String, String> dirty = new ConcurrentHashMap<>();

    @Inject
    VoteTally tally;

    @Inject
    Event<VotesCounted> counted;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "rounds.board.vote-tick-millis")
    long tickMillis;

    private ScheduledFuture<?> ticks;

    @PostConstruct
    void startTicks() {
        // a failure inside tick() is caught there: an escaping one would cancel every later tick
        ticks = scheduler.scheduleWithFixedDelay(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopTicks() {
        ticks.cancel(false);
    }

    void onVote(@Observes(during = TransactionPhase.AFTER_SUCCESS) VotesChanged vote) {
        dirty.put(vote.questionId(), vote.sessionId());
    }

    private void tick() {
        try {
            if (dirty.isEmpty()) {
                return;
            }
            drainedBySession(dirty).forEach((session, questions) -> counted.fire(tally.count(session, questions)));
        } catch (RuntimeException e) {
            DatabaseOutages.log(LOG, Level.WARNING, "Counting votes failed; those questions are counted again at the next vote", e);
        }
    }

    /**
     * Takes the questions whose votes changed out of {@code dirty}, grouped by session: however many votes a question
     * had since the last tick, it is counted once.
     */
    static Map<String, Set<String>> drainedBySession(Map<String, String> dirty) {
        Map<String, Set<String>> bySession = new HashMap<>();
        for (String question : Set.copyOf(dirty.keySet())) {
            String session = dirty.remove(question);
            if (session != null) {
                bySession.computeIfAbsent(session, s -> ConcurrentHashMap.newKeySet()).add(question);
            }
        }
        return bySession;
    }
}
