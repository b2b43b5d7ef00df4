package app.rounds.board.control;

import app.rounds.platform.control.DatabaseOutages;
import app.rounds.sessions.control.ParticipantJoined;
import app.rounds.sessions.control.Participants;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells a session's board clients how many trainees joined, for the projector's count: counted once per tick after
 * joins, not per join, so a lecture hall joining at once costs one count and one frame per tick, as votes do.
 */
@ApplicationScoped
public class ParticipantCounts {

    private static final Logger LOG = Logger.getLogger(ParticipantCounts.class.getName());

    /** Sessions with a count already scheduled: later joins until it runs are counted with it. */
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();

    @Inject
    Participants participants;

    @Inject
    Event<ParticipantsCounted> counted;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "rounds.board.vote-tick-millis")
    long tickMillis;

    void onJoined(@Observes(during = TransactionPhase.AFTER_SUCCESS) ParticipantJoined joined) {
        if (scheduled.add(joined.sessionId())) {
            scheduler.schedule(() -> count(joined.sessionId()), tickMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void count(String sessionId) {
        scheduled.remove(sessionId); // first: a join from now on schedules the next count
        try {
            counted.fire(new ParticipantsCounted(sessionId, participants.countIn(sessionId)));
        } catch (RuntimeException e) {
            DatabaseOutages.log(LOG, Level.WARNING, "Counting the participants of session " + sessionId
                    + " failed; they are counted again at the next join", e);
        }
    }
}
