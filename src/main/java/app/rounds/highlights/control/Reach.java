package app.rounds.highlights.control;

import app.rounds.platform.control.DatabaseOutages;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts how often published highlights are read: a page viewed, a feed holding them fetched, an embed loaded. A read
 * is an addition in memory (no database write on the public pages' path, no address, no user agent, no cookie); every
 * {@code rounds.reports.reach-flush-seconds} each instance adds its counts to {@code highlight_reach}, per highlight,
 * day (UTC) and way. Counts a flush could not store are kept for the next; those of the last seconds before an
 * instance dies are lost, a bounded undercount.
 */
@ApplicationScoped
public class Reach {

    public enum Kind { PAGE, FEED, EMBED }

    private static final Logger LOG = Logger.getLogger(Reach.class.getName());

    private final ReadCounts counts = new ReadCounts();

    @Inject
    ReachRecords records;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "rounds.reports.reach-flush-seconds")
    long flushSeconds;

    private ScheduledFuture<?> flushes;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the observer makes the bean start with the application
    }

    @PostConstruct
    void schedule() {
        flushes = scheduler.scheduleWithFixedDelay(this::flushQuietly, flushSeconds, flushSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        flushes.cancel(false);
        flushQuietly(); // what this instance counted since the last flush
    }

    /** One read of a live highlight. */
    public void read(String highlightId, Kind kind) {
        counts.read(highlightId, today(), kind);
    }

    /** Adds what was counted since the last flush to the database; what it could not store is counted again. */
    public void flush() {
        Map<ReadCounts.Key, Long> taken = counts.take(today());
        if (taken.isEmpty()) {
            return;
        }
        try {
            records.add(taken);
        } catch (RuntimeException e) {
            counts.giveBack(taken);
            throw e;
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            DatabaseOutages.log(LOG, Level.WARNING, "Storing highlight reads failed; they are kept for the next try",
                    e);
        }
    }
}
