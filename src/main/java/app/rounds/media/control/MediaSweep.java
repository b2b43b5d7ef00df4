package app.rounds.media.control;

import app.rounds.platform.control.ClusterTurns;
import app.rounds.platform.control.DatabaseOutages;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Now and then removes what no record explains: temporary files of uploads a crash or a cut connection left, and
 * stored files the database does not know (placed just before a crash, before their record). Only files older than
 * a grace period, so an upload between placing its file and recording it is never swept. The first sweep waits
 * {@code rounds.media.sweep-first-seconds} (and at least one interval): well after start-up, so its first use of the
 * database never races the deployment's own. In a cluster (instances share the media folder) one instance sweeps for
 * all at each interval ({@link ClusterTurns}).
 */
@ApplicationScoped
public class MediaSweep {

    private static final Logger LOG = Logger.getLogger(MediaSweep.class.getName());

    /** What one sweep removed. */
    public record Swept(int temporaryFiles, int storedFiles) {
    }

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    MediaStore store;

    @Inject
    MediaRecords records;

    @Inject
    Clock clock;

    @Inject
    ClusterTurns turns;

    @Inject
    @ConfigProperty(name = "rounds.media.sweep-seconds")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "rounds.media.sweep-grace-seconds")
    long graceSeconds;

    @Inject
    @ConfigProperty(name = "rounds.media.sweep-first-seconds")
    long firstSeconds;

    private ScheduledFuture<?> sweeps;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the observer makes the bean start with the application
    }

    @PostConstruct
    void schedule() {
        sweeps = scheduler.scheduleWithFixedDelay(this::sweepQuietly, Math.max(firstSeconds, intervalSeconds),
                intervalSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        sweeps.cancel(false);
    }

    public Swept sweep() throws IOException {
        Instant before = clock.instant().minusSeconds(graceSeconds);
        List<Path> leftovers = store.temporaryBefore(before);
        store.discard(leftovers);
        List<String> unknown = records.unknown(store.storedBefore(before));
        store.delete(unknown);
        store.discard(store.reuseMarkersBefore(before));
        return new Swept(leftovers.size(), unknown.size());
    }

    private void sweepQuietly() {
        try {
            if (!turns.take("media-sweep", Duration.ofSeconds(intervalSeconds))) {
                return; // another instance swept the shared folder within the interval
            }
            Swept swept = sweep();
            if (swept.temporaryFiles() + swept.storedFiles() > 0) {
                LOG.info(() -> "Media sweep removed " + swept.temporaryFiles() + " temporary and "
                        + swept.storedFiles() + " unrecorded files");
            }
        } catch (IOException | RuntimeException e) {
            // the next sweep tries again; nothing depends on this one
            DatabaseOutages.log(LOG, Level.WARNING, "media sweep failed", e);
        }
    }
}
