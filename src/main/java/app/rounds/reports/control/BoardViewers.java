package app.rounds.reports.control;

import app.rounds.board.control.BoardHub;
import app.rounds.platform.control.DatabaseOutages;
import app.rounds.platform.control.ThisInstance;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts the board connections this instance holds for each session every few seconds and keeps the most of each
 * minute ({@code board_viewers}), for a session's viewers over time and their peak. A sample costs a database write
 * per session with viewers, not one per connection; a sample that fails (the database away) is skipped.
 */
@ApplicationScoped
public class BoardViewers {

    private static final Logger LOG = Logger.getLogger(BoardViewers.class.getName());

    @Inject
    BoardHub hub;

    @Inject
    BoardViewerRecords records;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "rounds.reports.viewer-sample-seconds")
    long sampleSeconds;

    private ScheduledFuture<?> samples;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the observer makes the bean start with the application
    }

    @PostConstruct
    void schedule() {
        samples = scheduler.scheduleWithFixedDelay(this::sample, sampleSeconds, sampleSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        samples.cancel(false);
    }

    private void sample() {
        try {
            Map<String, Integer> connections = hub.connectionsBySession();
            connections.values().removeIf(count -> count == 0);
            if (!connections.isEmpty()) {
                Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
                records.record(minute, ThisInstance.NAME, connections);
            }
        } catch (RuntimeException e) {
            DatabaseOutages.log(LOG, Level.WARNING, "Counting board viewers failed; the next sample tries again", e);
        }
    }
}
