package app.rounds.ingest.control;

import app.rounds.ingest.entity.IngestSource;
import app.rounds.ingest.entity.SourceKind;
import app.rounds.platform.control.Conflicts;
import app.rounds.platform.control.DatabaseOutages;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Polls every enabled source when it is due, each on a thread of its own (a source polls once at a time, so there are
 * never more threads than sources): a hanging source holds only its own thread, for at most its request timeout.
 * Platform threads, not virtual ones: a virtual thread parked while holding the web application's class loader lock
 * deadlocked the server once both carrier threads were pinned waiting for that lock (seen in the ITs, jcmd). A poll takes page after page, each committed with its cursor before the
 * next is fetched (so memory stays bounded by one page however large a burst), up to a bound per poll. Failures back
 * off exponentially with full jitter, from 2 s up to 5 minutes.
 */
@ApplicationScoped
public class SourcePolling {

    private static final Logger LOG = Logger.getLogger(SourcePolling.class.getName());
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** Pages taken in one poll before yielding to the schedule (a burst beyond this continues at the next tick). */
    static final int MAX_PAGES_PER_POLL = 25;

    @Inject
    Sources sources;

    @Inject
    SourceLeases leases;

    @Inject
    Ingestion ingestion;

    @Inject
    MastodonTimeline mastodon;

    @Inject
    BlueskySearch bluesky;

    @Inject
    MastodonStreams streams;

    @Inject
    FeedReader feeds;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ContextService contexts;

    @Inject
    @ConfigProperty(name = "rounds.ingest.poll-seconds")
    int pollSeconds;

    /** With a stream open, polls only back it up: what the stream missed also comes by the backfill on reconnect. */
    @Inject
    @ConfigProperty(name = "rounds.ingest.streaming-poll-seconds")
    int streamingPollSeconds;

    @Inject
    @ConfigProperty(name = "rounds.ingest.tick-millis")
    long tickMillis;

    /** The wait after a first failure; it doubles with each failure in a row, up to 5 minutes. */
    @Inject
    @ConfigProperty(name = "rounds.ingest.first-backoff-millis")
    long firstBackoffMillis;

    private final Set<String> polling = ConcurrentHashMap.newKeySet();
    private final ExecutorService polls = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("ingest-", 0).daemon().factory());
    private Consumer<Runnable> inContext;
    private ScheduledFuture<?> ticks;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the observer makes the bean start with the application
    }

    @PostConstruct
    void startTicks() {
        @SuppressWarnings("unchecked")
        Consumer<Runnable> proxy = contexts.createContextualProxy((Consumer<Runnable>) Runnable::run, Consumer.class);
        inContext = proxy;
        ticks = scheduler.scheduleWithFixedDelay(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        ticks.cancel(false);
        polls.shutdownNow();
        try {
            leases.releaseAll();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not give up the sources' leases; they run out by themselves", e);
        }
    }

    private void tick() {
        try {
            // only the sources leased to this instance: in a cluster, each is polled or streamed by one at a time
            List<IngestSource> enabled = sources.polled();
            Map<String, Long> held = leases.hold(enabled.stream().map(IngestSource::id).toList());
            List<IngestSource> polled = enabled.stream().filter(s -> held.containsKey(s.id())).toList();
            Map<IngestSource, String> streaming = new HashMap<>();
            for (IngestSource source : polled) {
                if (source.streams()) {
                    sources.hashtagOf(source.sessionId()).ifPresent(hashtag -> streaming.put(source, hashtag));
                }
            }
            streams.keepOpen(streaming, held, inContext, polls);
            Instant now = clock.instant();
            for (IngestSource source : polled) {
                if (source.due(now) && polling.add(source.id())) {
                    polls.execute(() -> {
                        try {
                            inContext.accept(() -> poll(source.id(), held.get(source.id())));
                        } finally {
                            polling.remove(source.id());
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            DatabaseOutages.log(LOG, Level.WARNING, "Finding the sources due failed; trying again at the next tick", e);
        }
    }

    /**
     * One poll of one source, under this instance's lease of epoch {@code leaseEpoch}: pages until nothing more is
     * waiting, each committed before the next; it stops when the lease went to another instance.
     */
    void poll(String sourceId, long leaseEpoch) {
        IngestSource source = sources.find(sourceId).orElse(null);
        if (source == null || !source.enabled() || !source.kind().polled()) {
            return;
        }
        try {
            String hashtag = sources.hashtagOf(source.sessionId()).orElse(null);
            if (hashtag == null) {
                sources.waitUntil(sourceId, clock.instant().plus(Duration.ofMinutes(1)),
                        "the session has ended or has no hashtag to follow");
                return;
            }
            if (source.kind() == SourceKind.BLUESKY) {
                pollBluesky(source, hashtag, leaseEpoch);
                return;
            }
            for (int page = 0; page < MAX_PAGES_PER_POLL; page++) {
                SourcePage fetched = fetch(source, hashtag);
                Instant next = fetched.notBefore() != null ? fetched.notBefore()
                        : clock.instant().plusSeconds(fetched.more() ? 0 : interval(sourceId));
                Conflicts.retried(() -> ingestion.take(sourceId, leaseEpoch, fetched, next));
                if (!fetched.more()) {
                    return;
                }
                source = sources.find(sourceId).orElseThrow();
            }
        } catch (Ingestion.LeaseLost lost) {
            LOG.fine(lost::getMessage); // its new holder polls it from the stored cursor
        } catch (RateLimited limited) {
            Instant until = limited.notBefore() != null ? limited.notBefore() : clock.instant().plus(backoff(source));
            sources.waitUntil(sourceId, until, limited.getMessage() + ": waiting until " + until);
        } catch (HttpTimeoutException e) {
            sources.failed(sourceId, "timed out: " + e.getMessage(), backoff(source));
        } catch (IOException | RuntimeException e) {
            if (Conflicts.fromDatabase(e)) {
                DatabaseOutages.log(LOG, Level.WARNING, "Storing what source " + sourceId + " brought failed", e);
            }
            sources.failed(sourceId, describe(e), backoff(source));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Bluesky's search pages back in time: take pages newest first until one reaches what was taken before (or the
     * bound), each committed; only then move the mark to the newest post seen, so a crash half-way repeats the poll
     * rather than skipping what lay between.
     */
    private void pollBluesky(IngestSource source, String hashtag, long leaseEpoch)
            throws IOException, InterruptedException {
        Instant mark = source.cursor() == null ? null : Instant.parse(source.cursor());
        Instant newest = mark;
        String apiCursor = null;
        for (int page = 0; page < MAX_PAGES_PER_POLL; page++) {
            BlueskySearch.SearchPage found = bluesky.search(source, hashtag, apiCursor);
            List<SocialPost> posts = new ArrayList<>();
            boolean reachedMark = found.cursor() == null || found.hits().isEmpty();
            for (BlueskySearch.Hit hit : found.hits()) {
                if (hit.indexedAt() != null && (newest == null || hit.indexedAt().isAfter(newest))) {
                    newest = hit.indexedAt();
                }
                boolean seen = mark != null && hit.indexedAt() != null && !hit.indexedAt().isAfter(mark);
                reachedMark |= seen;
                if (hit.post() != null && !seen) {
                    posts.add(hit.post());
                }
            }
            Conflicts.retried(() -> ingestion.take(source.id(), leaseEpoch, posts, List.of(), null,
                    clock.instant().plusSeconds(pollSeconds)));
            if (reachedMark) {
                break;
            }
            apiCursor = found.cursor();
        }
        String newMark = newest == null ? null : newest.toString();
        Conflicts.retried(() -> ingestion.take(source.id(), leaseEpoch, List.of(), List.of(), newMark,
                clock.instant().plusSeconds(pollSeconds)));
    }

    private SourcePage fetch(IngestSource source, String hashtag) throws IOException, InterruptedException {
        if (source.kind() == SourceKind.MASTODON) {
            return mastodon.fetch(source, hashtag);
        }
        if (source.kind() == SourceKind.FEED) {
            return feeds.fetch(source, hashtag);
        }
        throw new IOException(source.kind() + " sources are not polled by this version");
    }

    private int interval(String sourceId) {
        return streams.open(sourceId) ? streamingPollSeconds : pollSeconds;
    }

    /** Exponential in the failures so far, with full jitter: uniformly between half and all of it. */
    private Duration backoff(IngestSource source) {
        return backoff(firstBackoffMillis, source.failures());
    }

    /** {@code firstMillis} doubled per failure before this one, at most 5 minutes, with full jitter. */
    static Duration backoff(long firstMillis, int failuresBefore) {
        long capped = Math.min(firstMillis << Math.min(failuresBefore, 10), MAX_BACKOFF.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    /**
     * What staff see of a failure. A database failure's message carries SQL and data: the source shows a plain
     * sentence, the details go to the server log.
     */
    static String describe(Exception e) {
        if (Conflicts.fromDatabase(e)) {
            return "what it brought could not be stored (a database error, in the server log); trying again";
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

}
