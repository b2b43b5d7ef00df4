package app.rounds.ingest.control;

import app.rounds.contributions.control.ShownContributions;
import app.rounds.ingest.control.Ingestion.Original;
import app.rounds.ingest.control.Ingestion.Rechecked;
import app.rounds.ingest.control.Ingestion.Watched;
import app.rounds.ingest.control.RecheckSchedule.Due;
import app.rounds.ingest.entity.IngestSource;
import app.rounds.ingest.entity.IngestedPost;
import app.rounds.ingest.entity.SourceKind;
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
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Asks Mastodon instances and Bluesky again about the posts Rounds shows or may quote, because a polled source never
 * says that a post was deleted or edited (Mastodon says so only on its streaming API, Bluesky's search never). A
 * deleted post (Mastodon: 404 or 410 for {@code GET /api/v1/statuses/:id}; Bluesky: left out of
 * {@code app.bsky.feed.getPosts}) is withdrawn as a streaming {@code delete} would; an edited one (another text, or
 * another {@code edited_at}) is screened again and goes back to moderation as a {@code status.update} would.
 *
 * <p>In the background: every tick, the posts due (see {@link RecheckSchedule}), the most recently shown first, at most
 * {@code rounds.ingest.recheck-per-tick} calls per source, and only from what the instance's rate budget holds above
 * what its polls need until the reset (see {@link RateBudget}), each source on a thread of its own. Synchronously:
 * {@link #confirm} before a highlight quoting such a post is submitted, approved or published.
 */
@ApplicationScoped
public class Rechecks {

    private static final Logger LOG = Logger.getLogger(Rechecks.class.getName());
    /** Due posts looked at per tick; those beyond wait for the next. */
    static final int WINDOW = 500;
    /** Calls kept beyond what the polls need until the reset. */
    static final int MARGIN = 2;

    /** A post could not be confirmed at its source (unreachable, rate limited, no source left to ask). */
    public static final class Unconfirmed extends Exception {
        private final transient List<String> contributionIds;
        private final transient Instant retryAt;

        Unconfirmed(List<String> contributionIds, String why, Instant retryAt) {
            super(why, null, false, false);
            this.contributionIds = List.copyOf(contributionIds);
            this.retryAt = retryAt;
        }

        /** The contributions whose originals could not be confirmed. */
        public List<String> contributionIds() {
            return contributionIds;
        }

        /** When asking again may succeed (a rate limit's reset), or null when unknown. */
        public Instant retryAt() {
            return retryAt;
        }
    }

    /** A watched post and who asks about it: its source, by that source's own id for it. */
    record Ask(Watched watched, IngestSource source, String localId) {
    }

    @Inject
    Ingestion ingestion;

    @Inject
    Sources sources;

    @Inject
    ShownContributions shown;

    @Inject
    MastodonStatuses mastodon;

    @Inject
    BlueskySearch bluesky;

    @Inject
    RateBudgets budgets;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ContextService contexts;

    @Inject
    @ConfigProperty(name = "rounds.ingest.recheck-seconds", defaultValue = "60")
    int shortestSeconds;

    @Inject
    @ConfigProperty(name = "rounds.ingest.recheck-max-seconds", defaultValue = "600")
    int longestSeconds;

    /** Calls per source and tick (a Bluesky call asks about 25 posts). */
    @Inject
    @ConfigProperty(name = "rounds.ingest.recheck-per-tick", defaultValue = "5")
    int perTick;

    @Inject
    @ConfigProperty(name = "rounds.ingest.recheck-tick-millis", defaultValue = "5000")
    long tickMillis;

    @Inject
    @ConfigProperty(name = "rounds.ingest.poll-seconds", defaultValue = "5")
    int pollSeconds;

    private final Set<String> checking = ConcurrentHashMap.newKeySet();
    // platform threads, as in SourcePolling (a virtual thread pinned on the class loader lock deadlocked the server)
    private final ExecutorService checks = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("recheck-", 0).daemon().factory());
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
        checks.shutdownNow();
    }

    private Duration shortest() {
        return Duration.ofSeconds(shortestSeconds);
    }

    private Duration longest() {
        return Duration.ofSeconds(Math.max(shortestSeconds, longestSeconds));
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            List<Watched> due = ingestion.dueForRecheck(now, WINDOW);
            if (due.isEmpty()) {
                return;
            }
            Map<String, IngestSource> enabled = enabledSources();
            Map<String, Instant> shownAt = shown.shownAt(due.stream().map(Watched::contributionId).toList());
            List<Due<Ask>> asks = new ArrayList<>();
            List<IngestedPost.Key> unaskable = new ArrayList<>();
            for (Watched watched : due) {
                askerFor(watched, enabled).ifPresentOrElse(ask -> {
                    if (!checking.contains(ask.source().id())) { // else still at the last tick's questions
                        asks.add(new Due<>(ask, ask.source().id(), shownAt.get(watched.contributionId())));
                    }
                }, () -> unaskable.add(watched.key()));
            }
            Map<String, Long> perInstance = enabled.values().stream()
                    .collect(Collectors.groupingBy(IngestSource::baseUrl, Collectors.counting()));
            RecheckSchedule.Plan<Ask> plan = RecheckSchedule.plan(asks, sourceId -> {
                IngestSource source = enabled.get(sourceId);
                RateBudget budget = budgets.of(source.baseUrl());
                int reserve = budget.reserveForPolls(now, perInstance.getOrDefault(source.baseUrl(), 1L).intValue(),
                        pollSeconds, MARGIN);
                int calls = Math.min(perTick, budget.available(now, reserve));
                return source.kind() == SourceKind.BLUESKY
                        ? (int) Math.min(Integer.MAX_VALUE, (long) calls * BlueskySearch.GET_POSTS_LIMIT) : calls;
            });
            List<IngestedPost.Key> putOff = new ArrayList<>(unaskable);
            plan.notShown().forEach(d -> putOff.add(d.item().watched().key()));
            if (!putOff.isEmpty()) {
                Conflicts.retried(() -> {
                    ingestion.putOff(putOff, now.plus(longest()));
                    return null;
                });
            }
            plan.ask().forEach((sourceId, planned) -> {
                if (checking.add(sourceId)) {
                    checks.execute(() -> {
                        try {
                            inContext.accept(() -> askInBackground(enabled.get(sourceId), planned, perInstance));
                        } finally {
                            checking.remove(sourceId);
                        }
                    });
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Finding the posts to re-check failed; trying again at the next tick", e);
        }
    }

    /** One source's questions of a tick: asked while the budget allows, the answers stored. */
    private void askInBackground(IngestSource source, List<Due<Ask>> planned, Map<String, Long> perInstance) {
        Instant now = clock.instant();
        RateBudget budget = budgets.of(source.baseUrl());
        int reserve = budget.reserveForPolls(now, perInstance.getOrDefault(source.baseUrl(), 1L).intValue(),
                pollSeconds, MARGIN);
        Map<String, Instant> shownAt = new HashMap<>();
        planned.forEach(d -> shownAt.put(d.item().watched().uri(), d.shownAt()));
        List<Original> answers = new ArrayList<>();
        try {
            ask(source, planned.stream().map(Due::item).toList(), () -> budget.take(clock.instant(), reserve),
                    answers);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Re-checking posts of source " + source.id() + " failed; asking again later", e);
            Set<String> answered = answers.stream().map(Original::uri).collect(Collectors.toSet());
            List<IngestedPost.Key> unanswered = planned.stream().map(d -> d.item().watched())
                    .filter(w -> !answered.contains(w.uri())).map(Watched::key).toList();
            if (!(e instanceof RateLimited)) {
                Conflicts.retried(() -> {
                    ingestion.putOff(unanswered, clock.instant().plus(shortest()));
                    return null;
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            store(source.sessionId(), answers, shownAt);
        }
    }

    /**
     * Asks the sources now about the posts behind these contributions, and stores what they say: a deleted one is
     * withdrawn, an edited one goes back to moderation (in transactions of their own, committed before this returns).
     * Posts from feeds and relays cannot be asked (their deletions and edits come by themselves) and pass.
     *
     * @throws Unconfirmed when a source could not be asked or did not answer; what the others said is stored all the
     *                     same (a deletion is a deletion)
     */
    public Rechecked confirm(Collection<String> contributionIds) throws Unconfirmed {
        List<Watched> watched = ingestion.watchedFor(contributionIds);
        if (watched.isEmpty()) {
            return Rechecked.NOTHING;
        }
        Map<String, IngestSource> enabled = enabledSources();
        Map<String, List<Ask>> bySource = new LinkedHashMap<>();
        List<String> unaskable = new ArrayList<>();
        for (Watched w : watched) {
            askerFor(w, enabled).ifPresentOrElse(
                    ask -> bySource.computeIfAbsent(ask.source().id(), id -> new ArrayList<>()).add(ask),
                    () -> unaskable.add(w.contributionId()));
        }
        Map<String, Instant> shownAt = shown.shownAt(watched.stream().map(Watched::contributionId).toList());
        Rechecked changed = Rechecked.NOTHING;
        Unconfirmed failure = unaskable.isEmpty() ? null : new Unconfirmed(unaskable,
                "the source that brought it was stopped or removed, so no one can be asked whether it still stands",
                null);
        for (List<Ask> asks : bySource.values()) {
            IngestSource source = asks.getFirst().source();
            RateBudget budget = budgets.of(source.baseUrl());
            Map<String, Instant> shownByUri = new HashMap<>();
            asks.forEach(a -> shownByUri.put(a.watched().uri(), shownAt.get(a.watched().contributionId())));
            List<Original> answers = new ArrayList<>();
            try {
                ask(source, asks, () -> budget.take(clock.instant(), 0), answers);
            } catch (IOException e) {
                Instant retryAt = e instanceof RateLimited limited ? limited.notBefore() : null;
                Set<String> answered = answers.stream().map(Original::uri).collect(Collectors.toSet());
                failure = new Unconfirmed(asks.stream().map(Ask::watched).filter(w -> !answered.contains(w.uri()))
                        .map(Watched::contributionId).toList(), label(source) + " did not answer: "
                        + SourcePolling.describe(e), retryAt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new Unconfirmed(asks.stream().map(a -> a.watched().contributionId()).toList(),
                        "interrupted", null);
            } finally {
                changed = changed.and(store(source.sessionId(), answers, shownByUri));
            }
        }
        if (failure != null) {
            throw failure;
        }
        return changed;
    }

    /** Asks {@code source} about the posts, one call after another while {@code mayCall} allows. */
    private void ask(IngestSource source, List<Ask> asks, java.util.function.BooleanSupplier mayCall,
                     List<Original> answers) throws IOException, InterruptedException {
        if (source.kind() == SourceKind.MASTODON) {
            for (Ask ask : asks) {
                if (!mayCall.getAsBoolean()) {
                    throw spent(source);
                }
                answers.add(mastodon.status(source, ask.watched().uri(), ask.localId()));
            }
            return;
        }
        List<String> uris = asks.stream().map(a -> a.watched().uri()).toList();
        for (int from = 0; from < uris.size(); from += BlueskySearch.GET_POSTS_LIMIT) {
            if (!mayCall.getAsBoolean()) {
                throw spent(source);
            }
            answers.addAll(bluesky.posts(source, uris.subList(from,
                    Math.min(uris.size(), from + BlueskySearch.GET_POSTS_LIMIT))));
        }
    }

    private RateLimited spent(IngestSource source) {
        Instant until = budgets.of(source.baseUrl()).exhaustedUntil(clock.instant()).orElse(null);
        return new RateLimited("its rate limit is spent" + (until == null ? "" : " until " + until), until);
    }

    /** Stores what the source said, per session, and when to ask again. */
    private Rechecked store(String sessionId, List<Original> answers, Map<String, Instant> shownAt) {
        if (answers.isEmpty()) {
            return Rechecked.NOTHING;
        }
        Instant now = clock.instant();
        Map<String, Instant> next = new HashMap<>();
        answers.forEach(a -> next.put(a.uri(), RecheckSchedule.nextCheck(shownAt.get(a.uri()), now, shortest(),
                longest())));
        return Conflicts.retried(() -> ingestion.recheck(sessionId, answers, next));
    }

    /**
     * Who can be asked about a post: the source that brought it, while enabled; else another enabled source of the
     * session that can (a Mastodon instance that brought the same post, by its own id; any Bluesky source).
     */
    Optional<Ask> askerFor(Watched watched, Map<String, IngestSource> enabled) {
        IngestSource own = watched.sourceId() == null ? null : enabled.get(watched.sourceId());
        if (own != null && own.kind() == watched.sourceKind()
                && (own.kind() == SourceKind.BLUESKY || watched.localId() != null)) {
            return Optional.of(new Ask(watched, own, watched.localId()));
        }
        for (IngestSource other : enabled.values()) {
            if (!other.sessionId().equals(watched.sessionId()) || other.kind() != watched.sourceKind()) {
                continue;
            }
            if (other.kind() == SourceKind.BLUESKY) {
                return Optional.of(new Ask(watched, other, null));
            }
            Optional<String> localId = ingestion.localIdOf(other.id(), watched.uri());
            if (localId.isPresent()) {
                return Optional.of(new Ask(watched, other, localId.get()));
            }
        }
        return Optional.empty();
    }

    private Map<String, IngestSource> enabledSources() {
        Map<String, IngestSource> enabled = new LinkedHashMap<>();
        sources.polled().stream().filter(s -> Ingestion.ASKABLE.contains(s.kind()))
                .forEach(s -> enabled.put(s.id(), s));
        return enabled;
    }

    private static String label(IngestSource source) {
        return source.kind().name().charAt(0) + source.kind().name().substring(1).toLowerCase() + " at "
                + URI.create(source.baseUrl()).getHost();
    }
}
