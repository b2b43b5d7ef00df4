package app.rounds.ingest.control;

import app.rounds.contributions.control.ShownContributions;
import app.rounds.ingest.control.Ingestion.Original;
import app.rounds.ingest.control.Ingestion.Rechecked;
import app.rounds.ingest.control.Ingestion.Watched;
import app.rounds.ingest.control.RecheckSchedule.Due;
import app.rounds.ingest.entity.IngestSource;
import app.rounds.ingest.entity.IngestedPost;
import app.rounds.ingest.entity.SourceKind;
import app.rounds.platform.control.Conflicts;
import app.rounds.platform.control.DatabaseOutages;
import app.rounds.sessions.control.TrainingSessions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Asks Mastodon instances and Bluesky again about the posts Rounds shows or may quote, because a polled source never
 * says that a post was deleted or edited (Mastodon says so only on its streaming API, Bluesky's search never). A
 * deleted post (Mastodon: 404 or 410 for {@code GET /api/v1/statuses/:id}; Bluesky: left out of
 * {@code app.bsky.feed.getPosts}) is withdrawn as a streaming {@code delete} would; an edited one (another text, or
 * another {@code edited_at}) is screened again and goes back to moderation as a {@code status.update} would. An answer
 * Rounds cannot read ({@link Unreadable}) says nothing either way: the post is asked about again later.
 *
 * <p>In the background: every tick, each source's own due posts (a window per source, so that one with a great many
 * overdue posts delays only itself; a source still at its last tick's questions is left out), and those whose source
 * was stopped or removed (asked by another source of the session that can, else put off), the most recently shown
 * first, at most {@code rounds.ingest.recheck-per-tick} calls per source, and only from what the instance's rate
 * budget holds above what its polls need until the reset (see {@link RateBudget}), each source on a thread of its
 * own. In a cluster an instance asks only through the sources it polls ({@link SourceLeases}), so each post is asked
 * about by one instance. Posts of a session that ended more than {@code rounds.ingest.recheck-after-end-days} ago are no longer asked
 * about unless a highlight still quotes them (asked with a {@link WatchEnding} event). Synchronously: {@link #confirm}
 * before a highlight quoting such a post is submitted, approved or published.
 */
@ApplicationScoped
public class Rechecks {

    private static final Logger LOG = Logger.getLogger(Rechecks.class.getName());
    /** Due posts looked at per source and tick (and of stopped or removed sources); those beyond wait for the next. */
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

    /** What asking one source brought: its answers, and the posts it answered something unreadable about. */
    static final class Asked {
        final List<Original> answers = new ArrayList<>();
        final List<Ask> unreadable = new ArrayList<>();
        /** Why the first of them could not be read. */
        Unreadable why;

        void unreadable(List<Ask> about, Unreadable e) {
            unreadable.addAll(about);
            if (why == null) {
                why = e;
            }
        }

        /** Of {@code asks}, those neither answered nor answered unreadably. */
        List<Ask> unanswered(List<Ask> asks) {
            Set<String> done = answers.stream().map(Original::uri).collect(Collectors.toCollection(HashSet::new));
            unreadable.forEach(a -> done.add(a.watched().uri()));
            return asks.stream().filter(a -> !done.contains(a.watched().uri())).toList();
        }
    }

    @Inject
    Ingestion ingestion;

    @Inject
    Sources sources;

    @Inject
    ShownContributions shown;

    @Inject
    TrainingSessions sessions;

    @Inject
    Event<WatchEnding> watchEnding;

    @Inject
    MastodonStatuses mastodon;

    @Inject
    BlueskySearch bluesky;

    @Inject
    RateBudgets budgets;

    @Inject
    SourceLeases leases;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ContextService contexts;

    @Inject
    @ConfigProperty(name = "rounds.ingest.recheck-seconds")
    int shortestSeconds;

    @Inject
    @ConfigProperty(name = "rounds.ingest.recheck-max-seconds")
    int longestSeconds;

    /** Calls per source and tick (a Bluesky call asks about 25 posts). */
    @Inject
    @ConfigProperty(name = "rounds.ingest.recheck-per-tick")
    int perTick;

    @Inject
    @ConfigProperty(name = "rounds.ingest.recheck-tick-millis")
    long tickMillis;

    @Inject
    @ConfigProperty(name = "rounds.ingest.poll-seconds")
    int pollSeconds;

    /** Days after its session ended that a post is still asked about when no highlight quotes it. */
    @Inject
    @ConfigProperty(name = "rounds.ingest.recheck-after-end-days")
    int afterEndDays;

    private final Set<String> checking = ConcurrentHashMap.newKeySet();
    // platform threads, as in SourcePolling (a virtual thread pinned on the class loader lock deadlocked the server)
    private final ExecutorService pool = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("recheck-", 0).daemon().factory());
    /** Where each source's questions of a tick run (the pool; the caller's thread in unit tests). */
    Executor checks = pool;
    /** Runs in the application's context (a contextual proxy; as it is in unit tests). */
    Consumer<Runnable> inContext = Runnable::run;
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
        pool.shutdownNow();
    }

    private Duration shortest() {
        return Duration.ofSeconds(shortestSeconds);
    }

    private Duration longest() {
        return Duration.ofSeconds(Math.max(shortestSeconds, longestSeconds));
    }

    /** One tick: the posts due, asked about or put off. */
    void tick() {
        try {
            Instant now = clock.instant();
            Map<String, IngestSource> enabled = enabledSources();
            List<Watched> due = new ArrayList<>();
            for (IngestSource source : enabled.values()) {
                if (!leases.heldAtLastTick(source.id())) {
                    continue; // polled by another instance of the cluster, which asks about its posts too
                }
                if (!checking.contains(source.id())) { // else still at the last tick's questions: only its posts wait
                    due.addAll(ingestion.dueForRecheck(source.id(), now, WINDOW));
                }
            }
            // brought by a source stopped or removed: another source of the session may ask; they share one window,
            // so those not asked this tick go to the back of the line
            List<Watched> elsewhere = ingestion.dueForRecheckElsewhere(enabled.keySet(), now, WINDOW);
            Set<IngestedPost.Key> orphans = elsewhere.stream().map(Watched::key).collect(Collectors.toSet());
            due.addAll(elsewhere);
            if (due.isEmpty()) {
                return;
            }
            due = stillWatched(due, now);
            Map<String, Instant> shownAt = shown.shownAt(due.stream().map(Watched::contributionId).toList());
            List<Due<Ask>> asks = new ArrayList<>();
            List<IngestedPost.Key> unaskable = new ArrayList<>();
            List<IngestedPost.Key> nextTick = new ArrayList<>();
            for (Watched watched : due) {
                askerFor(watched, enabled).ifPresentOrElse(ask -> {
                    if (!leases.heldAtLastTick(ask.source().id())) {
                        return; // the instance that polls the asking source asks
                    }
                    if (!checking.contains(ask.source().id())) {
                        asks.add(new Due<>(ask, ask.source().id(), shownAt.get(watched.contributionId())));
                    } else if (orphans.contains(watched.key())) {
                        nextTick.add(watched.key());
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
            putOff(putOff, now.plus(longest()));
            plan.waiting().stream().map(d -> d.item().watched().key()).filter(orphans::contains)
                    .forEach(nextTick::add);
            putOff(nextTick, now.plusMillis(tickMillis));
            plan.ask().forEach((sourceId, planned) -> {
                if (checking.add(sourceId)) {
                    checks.execute(() -> {
                        try {
                            inContext.accept(() -> askInBackground(enabled.get(sourceId), planned, perInstance));
                        } catch (RuntimeException e) {
                            DatabaseOutages.log(LOG, Level.WARNING, "Re-checking posts of source " + sourceId + " failed", e);
                        } finally {
                            checking.remove(sourceId);
                        }
                    });
                }
            });
        } catch (RuntimeException e) {
            DatabaseOutages.log(LOG, Level.WARNING, "Finding the posts to re-check failed; trying again at the next tick", e);
        }
    }

    /**
     * The due posts Rounds still watches: of a session that ended more than {@code afterEndDays} ago, only those a
     * highlight still quotes (as the {@link WatchEnding} event's observers say); the others are watched no more.
     */
    private List<Watched> stillWatched(List<Watched> due, Instant now) {
        Set<String> longEnded = sessions.endedBefore(due.stream().map(Watched::sessionId).collect(Collectors.toSet()),
                now.minus(Duration.ofDays(afterEndDays)));
        if (longEnded.isEmpty()) {
            return due;
        }
        List<Watched> ofEnded = due.stream().filter(w -> longEnded.contains(w.sessionId())).toList();
        WatchEnding ending = new WatchEnding(ofEnded.stream().map(Watched::contributionId).toList());
        watchEnding.fire(ending);
        Set<String> quoted = ending.stillQuoted();
        Set<IngestedPost.Key> unwatched = ofEnded.stream().filter(w -> !quoted.contains(w.contributionId()))
                .map(Watched::key).collect(Collectors.toSet());
        if (unwatched.isEmpty()) {
            return due;
        }
        Conflicts.retried(() -> {
            ingestion.stopWatching(unwatched);
            return null;
        });
        LOG.fine(() -> "No longer re-checking " + unwatched.size() + " posts of sessions ended more than "
                + afterEndDays + " days ago that no highlight quotes");
        return due.stream().filter(w -> !unwatched.contains(w.key())).toList();
    }

    private void putOff(List<IngestedPost.Key> keys, Instant next) {
        if (!keys.isEmpty()) {
            Conflicts.retried(() -> {
                ingestion.putOff(keys, next);
                return null;
            });
        }
    }

    /**
     * One source's questions of a tick: asked while the budget allows, the answers stored. When the source fails, the
     * posts not answered are put off a little (a rate limit: until its budget allows); a post it answered something
     * unreadable about, to the longest interval, so that it does not lead the source's questions at every tick.
     */
    private void askInBackground(IngestSource source, List<Due<Ask>> planned, Map<String, Long> perInstance) {
        Instant now = clock.instant();
        RateBudget budget = budgets.of(source.baseUrl());
        int reserve = budget.reserveForPolls(now, perInstance.getOrDefault(source.baseUrl(), 1L).intValue(),
                pollSeconds, MARGIN);
        Map<String, Instant> shownAt = new HashMap<>();
        planned.forEach(d -> shownAt.put(d.item().watched().uri(), d.shownAt()));
        List<Ask> asks = planned.stream().map(Due::item).toList();
        Asked asked = new Asked();
        try {
            ask(source, asks, () -> budget.take(clock.instant(), reserve), asked);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Re-checking posts of source " + source.id() + " failed; asking again later", e);
            if (!(e instanceof RateLimited)) {
                putOff(keys(asked.unanswered(asks)), clock.instant().plus(shortest()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            store(source.sessionId(), asked.answers, shownAt);
        }
        if (!asked.unreadable.isEmpty()) {
            LOG.log(Level.WARNING, label(source) + " answered something Rounds cannot read about "
                    + asked.unreadable.size() + " post(s): " + asked.why.getMessage() + "; asking again in "
                    + longest().toSeconds() + " s", asked.why);
            putOff(keys(asked.unreadable), clock.instant().plus(longest()));
        }
    }

    private static List<IngestedPost.Key> keys(List<Ask> asks) {
        return asks.stream().map(a -> a.watched().key()).toList();
    }

    /**
     * Asks the sources now about the posts behind these contributions, and stores what they say: a deleted one is
     * withdrawn, an edited one goes back to moderation (in transactions of their own, committed before this returns).
     * Posts from feeds and relays cannot be asked (their deletions and edits come by themselves) and pass. Every
     * source is asked, whatever another did; a post Rounds stopped watching is watched again once asked about.
     *
     * @throws Unconfirmed when a source could not be asked, did not answer or answered something Rounds cannot read,
     *                     naming every post not confirmed and every source's reason; what the others said is stored
     *                     all the same (a deletion is a deletion)
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
        List<String> unconfirmed = new ArrayList<>(unaskable);
        List<String> reasons = new ArrayList<>();
        if (!unaskable.isEmpty()) {
            reasons.add("the source that brought it was stopped or removed, so no one can be asked whether it still "
                    + "stands");
        }
        Instant retryAt = null;
        for (List<Ask> asks : bySource.values()) {
            IngestSource source = asks.getFirst().source();
            RateBudget budget = budgets.of(source.baseUrl());
            Map<String, Instant> shownByUri = new HashMap<>();
            asks.forEach(a -> shownByUri.put(a.watched().uri(), shownAt.get(a.watched().contributionId())));
            Asked asked = new Asked();
            try {
                ask(source, asks, () -> budget.take(clock.instant(), 0), asked);
            } catch (IOException e) {
                asked.unanswered(asks).forEach(a -> unconfirmed.add(a.watched().contributionId()));
                reasons.add(label(source) + " did not answer: " + SourcePolling.describe(e));
                if (e instanceof RateLimited limited && limited.notBefore() != null
                        && (retryAt == null || limited.notBefore().isAfter(retryAt))) {
                    retryAt = limited.notBefore(); // when every source asked may answer again
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                asked.unanswered(asks).forEach(a -> unconfirmed.add(a.watched().contributionId()));
                reasons.add("interrupted");
            } finally {
                changed = changed.and(store(source.sessionId(), asked.answers, shownByUri));
            }
            if (!asked.unreadable.isEmpty()) {
                asked.unreadable.forEach(a -> unconfirmed.add(a.watched().contributionId()));
                reasons.add(label(source) + " answered something Rounds cannot read (" + asked.why.getMessage() + ")");
            }
        }
        if (!unconfirmed.isEmpty()) {
            throw new Unconfirmed(unconfirmed, String.join("; ", reasons), retryAt);
        }
        return changed;
    }

    /**
     * Asks {@code source} about the posts, one call after another while {@code mayCall} allows. A call whose answer
     * cannot be read (or that fails in any unforeseen way) marks its posts unreadable and the next call goes on; any
     * other failure (unreachable, an HTTP error, a rate limit) ends the asking.
     */
    private void ask(IngestSource source, List<Ask> asks, BooleanSupplier mayCall, Asked asked)
            throws IOException, InterruptedException {
        if (source.kind() == SourceKind.MASTODON) {
            for (Ask ask : asks) {
                if (!mayCall.getAsBoolean()) {
                    throw spent(source);
                }
                try {
                    asked.answers.add(mastodon.status(source, ask.watched().uri(), ask.localId()));
                } catch (Unreadable e) {
                    asked.unreadable(List.of(ask), e);
                } catch (RuntimeException e) {
                    asked.unreadable(List.of(ask), new Unreadable("an answer Rounds cannot read", e));
                }
            }
            return;
        }
        for (int from = 0; from < asks.size(); from += BlueskySearch.GET_POSTS_LIMIT) {
            if (!mayCall.getAsBoolean()) {
                throw spent(source);
            }
            List<Ask> call = asks.subList(from, Math.min(asks.size(), from + BlueskySearch.GET_POSTS_LIMIT));
            try {
                asked.answers.addAll(bluesky.posts(source, call.stream().map(a -> a.watched().uri()).toList()));
            } catch (Unreadable e) {
                asked.unreadable(call, e);
            } catch (RuntimeException e) {
                asked.unreadable(call, new Unreadable("an answer Rounds cannot read", e));
            }
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
