package app.rounds.board.control;

import app.rounds.board.entity.BoardEvent;
import app.rounds.board.entity.Frames;
import app.rounds.board.entity.Stream;
import app.rounds.platform.control.DatabaseOutages;
import app.rounds.security.control.CredentialsWithdrawn;
import app.rounds.sessions.control.TeamChanged;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.CloseReason;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fans a session's board out to its connected clients, on this instance. After a commit stored new events
 * ({@link BoardAdvanced}), one pull per session and stream reads them from the database in order and sends each frame,
 * serialised once, to every subscriber that has not had it: the database is the single source of order, so frames
 * arrive without gaps or duplicates whatever thread committed first. Vote counts come counted per tick
 * ({@link VotesCounted}) and go out as one votes frame per stream. A clustered fan-out would observe the same two events
 * and tell the other instances to pull or send; nothing else would change.
 */
@ApplicationScoped
public class BoardHub {

    private static final Logger LOG = Logger.getLogger(BoardHub.class.getName());
    /** Built on first use, not with the class: the hub's rules are unit-tested where there is no JSON-B provider. */
    private static final class Json {
        static final Jsonb JSON = JsonbBuilder.create();
    }
    private static final CloseReason NO_LONGER_ALLOWED = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
            "no longer staff of this session");
    private static final CloseReason CREDENTIALS_WITHDRAWN = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
            "credentials withdrawn");
    private static final CloseReason TEAM_CHANGED = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
            "no longer running this session's board: the team changed");
    private static final CloseReason SILENT = new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE,
            "nothing heard for 90 s");
    /** Clients ping every 20 s; one not heard from for this long is gone. */
    private static final long SILENCE_NANOS = TimeUnit.SECONDS.toNanos(90);

    private record Key(String sessionId, Stream stream) {
    }

    /**
     * The subscribers of one stream, the last event pulled for them, and the last snapshot sent to a joining client.
     * Sending what a pull read, joins and heartbeats hold its lock; a closing client leaves without it
     * ({@link #unsubscribe}).
     */
    static final class Channel {
        final Key key;
        final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
        final AtomicBoolean pullRequested = new AtomicBoolean();
        /** Held by the pull of this channel: one at a time, so events go out in order. */
        final Object pulling = new Object();
        /** Written by pulls under both locks: read under either. */
        long lastPulled;
        /** What was pulled lately, for clients resuming meanwhile. */
        final RecentEvents recent;
        /**
         * Shared by the clients that join while nothing changes (built one after another under this lock, one
         * snapshot each held every request thread when a lecture hall opened the board at once, JFR).
         */
        final SharedSnapshot snapshot = new SharedSnapshot();

        Channel(Key key, long lastPulled, int keep) {
            this.key = key;
            this.lastPulled = lastPulled;
            this.recent = new RecentEvents(keep, lastPulled);
        }
    }

    private final Map<Key, Channel> channels = new ConcurrentHashMap<>();

    /**
     * Closing and pinging sockets, which can block for as long as a dead connection takes to time out: on virtual
     * threads of their own, so they never take a thread from the pulls. They need no container context.
     */
    private final ExecutorService socketWork = Executors.newVirtualThreadPerTaskExecutor();

    @Inject
    Board board;

    @Inject
    BoardState state;

    @Inject
    BoardAccess access;

    @Resource
    ContextService contexts;

    /**
     * Pulls run on two threads of our own, through a contextual proxy made once: a managed executor captures the
     * application's context again for every task, which cost more than the pull itself under load (JFR).
     */
    private final ExecutorService pullThreads = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("board-pull-", 0).daemon().factory());
    private Consumer<Runnable> inContext;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Frames a client may have queued or unacknowledged before it is closed as too slow. */
    @Inject
    @ConfigProperty(name = "rounds.board.max-frames-in-flight")
    int maxFramesInFlight;

    /** The most events a reconnecting client is replayed; further behind, it gets a snapshot instead. */
    @Inject
    @ConfigProperty(name = "rounds.board.max-replay")
    int maxReplay;

    /** How often clients are pinged and moderation clients' access checked again. */
    @Inject
    @ConfigProperty(name = "rounds.board.heartbeat-seconds")
    int heartbeatSeconds;

    /** Events replayed or pulled at once: no more than half of what a client may have in flight, or it is closed. */
    private int batch;

    private ScheduledFuture<?> heartbeats;

    @PostConstruct
    void startTicks() {
        batch = batchSize(maxReplay, maxFramesInFlight);
        @SuppressWarnings("unchecked")
        Consumer<Runnable> proxy = contexts.createContextualProxy((Consumer<Runnable>) Runnable::run, Consumer.class);
        inContext = proxy;
        heartbeats = scheduler.scheduleWithFixedDelay(survivingFailures("heartbeat", this::heartbeat), heartbeatSeconds,
                heartbeatSeconds, TimeUnit.SECONDS);
    }

    /** Events replayed or pulled at once: the replay limit, at most half of what a client may have in flight. */
    static int batchSize(int maxReplay, int maxFramesInFlight) {
        return Math.max(1, Math.min(maxReplay, maxFramesInFlight / 2));
    }

    @PreDestroy
    void stopTicks() {
        heartbeats.cancel(false);
        socketWork.shutdownNow();
        pullThreads.shutdownNow();
    }

    /**
     * Connects a client. With {@code since} (the last seq it saw) and no more than the replay limit of events missed,
     * it is sent exactly the events after it, then current vote counts; otherwise a snapshot. Then live frames.
     * <p>
     * What a resuming client missed is read from the database and sent before it joins the channel, outside the
     * channel's lock, so that many clients coming back at once (a hall's Wi-Fi back, an instance of a cluster gone)
     * are served side by side: under the lock, each waited for the others' reads, about 15 ms each (bench/run,
     * "Clustering"). Under the lock it is only sent what the channel pulled meanwhile; a subscriber sends an event once.
     */
    public Subscriber subscribe(String sessionId, Stream stream, jakarta.websocket.Session socket, Long since) {
        Subscriber subscriber = new Subscriber(socket, maxFramesInFlight, socketWork);
        Key key = new Key(sessionId, stream);
        boolean resumed = resume(subscriber, sessionId, stream, since);
        while (true) {
            // the stream's last seq is read only to open its channel: a hall joining an open board at once (5,000
            // handshakes) each took a pooled connection for it, and on a saturated core the pool ran out (503s)
            Channel channel = channels.get(key);
            if (channel == null) {
                channel = channel(sessionId, stream, board.lastSeq(sessionId, stream));
            }
            synchronized (channel) {
                if (channels.get(key) != channel) {
                    continue; // emptied and dropped meanwhile: join the new one
                }
                if (!resumed || !caughtUp(channel, subscriber)) {
                    sendSnapshot(subscriber, channel.snapshot.get(channel.lastPulled,
                            () -> board.snapshot(sessionId, stream)));
                }
                channel.subscribers.add(subscriber);
                return subscriber;
            }
        }
    }

    /** The board connections this instance holds, by session (both streams), for the session's report. */
    public Map<String, Integer> connectionsBySession() {
        Map<String, Integer> connections = new HashMap<>();
        channels.forEach((key, channel) -> connections.merge(key.sessionId(),
                (int) channel.subscribers.stream().filter(s -> !s.closed()).count(), Integer::sum));
        return connections;
    }

    /** The stream's channel, made (with the stream's last seq as pulled) when it has none. */
    Channel channel(String sessionId, Stream stream, long lastSeq) {
        return channels.computeIfAbsent(new Key(sessionId, stream), k -> new Channel(k, lastSeq, batch));
    }

    /** Replays what the client missed since {@code since}, when it may be; whether it was. */
    private boolean resume(Subscriber subscriber, String sessionId, Stream stream, Long since) {
        List<BoardEvent> missed = since == null ? null : board.eventsAfter(sessionId, stream, since, batch + 1);
        if (!replays(since, missed, batch, () -> board.lastSeq(sessionId, stream))) {
            return false;
        }
        replay(subscriber, since, missed, () -> Json.JSON.toJson(state.voteCounts(sessionId, stream)));
        return true;
    }

    /**
     * Sends a resumed client what the channel pulled (and sent its subscribers) after the client's replay was read:
     * from memory, read from the database only when the channel no longer keeps all of it; false when that is more
     * than a batch (a snapshot then). Under the channel's lock, before the client joins it.
     */
    private boolean caughtUp(Channel channel, Subscriber subscriber) {
        if (subscriber.lastSeq() >= channel.lastPulled) {
            return true;
        }
        List<BoardEvent> pulledMeanwhile = channel.recent.after(subscriber.lastSeq()).orElseGet(() -> board.eventsAfter(
                channel.key.sessionId(), channel.key.stream(), subscriber.lastSeq(), batch + 1));
        if (pulledMeanwhile.size() > batch) {
            return false;
        }
        pulledMeanwhile.forEach(e -> subscriber.sendEvent(e.seq(), e.frame()));
        return true;
    }

    /**
     * Whether a client that saw up to {@code since} is replayed what it missed rather than sent a snapshot: it gave a
     * {@code since}, it missed no more than a batch ({@code missed} was read with a limit of one more than that), and
     * {@code since} is not past the stream's last event (a client ahead of the store would wait for events it skips).
     * {@code lastSeq} is read only when the rest allows a replay.
     */
    static boolean replays(Long since, List<BoardEvent> missed, int batch, LongSupplier lastSeq) {
        return missed != null && missed.size() <= batch && since <= lastSeq.getAsLong();
    }

    /** Exactly the events after {@code since}, then today's vote counts (replayed ones carry those of their time). */
    static void replay(Subscriber subscriber, long since, List<BoardEvent> missed, Supplier<String> voteCountsJson) {
        subscriber.resumeAfter(since);
        missed.forEach(e -> subscriber.sendEvent(e.seq(), e.frame()));
        subscriber.sendVotes(voteCountsJson.get());
    }

    static void sendSnapshot(Subscriber subscriber, Board.Snapshot snapshot) {
        subscriber.sendState(snapshot.seq(), Frames.frame(snapshot.seq(), Frames.SNAPSHOT, snapshot.json()));
    }

    /**
     * Forgets a client whose socket closed, without the channel's lock: the container calls this on the thread whose
     * send found the connection gone, which holds that subscriber's lock, while a pull holding the channel's lock may
     * be waiting for the same subscriber. Taking the channel's lock here deadlocked the two (a board that never sent
     * again, and every tick of the shared scheduler stopped behind it). The set is concurrent; an emptied channel is
     * dropped under its lock by the next pull or heartbeat.
     */
    public void unsubscribe(String sessionId, Stream stream, Subscriber subscriber) {
        Channel channel = channels.get(new Key(sessionId, stream));
        if (channel != null) {
            channel.subscribers.remove(subscriber);
        }
    }

    void onAdvanced(@Observes(during = TransactionPhase.AFTER_SUCCESS) BoardAdvanced advanced) {
        Channel channel = channels.get(new Key(advanced.sessionId(), advanced.stream()));
        if (channel != null) {
            channel.snapshot.changed(); // before the pull: a client joining meanwhile reads the committed state
            requestPull(channel);
        }
    }

    /** Closes at once the moderation streams of a staff member whose credentials were withdrawn (1008). */
    void onCredentialsWithdrawn(@Observes(during = TransactionPhase.AFTER_SUCCESS) CredentialsWithdrawn withdrawn) {
        channels.values().stream().filter(c -> c.key.stream() == Stream.MODERATION)
                .forEach(c -> closeStaff(c.subscribers, withdrawn.username()));
    }

    /** Closes with 1008 the clients of that staff member; they come back if what they connect with still counts. */
    static void closeStaff(Collection<Subscriber> subscribers, String username) {
        subscribers.stream().filter(s -> username.equals(s.staff())).forEach(s -> s.close(CREDENTIALS_WITHDRAWN));
    }

    /**
     * Closes at once (1008) the moderation streams of a team member who may no longer run the session's board: removed,
     * or now its communicator. The policy is asked off this thread: the transaction that changed the team has just
     * ended here, and the question needs one of its own.
     */
    void onTeamChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TeamChanged change) {
        Channel channel = channels.get(new Key(change.sessionId(), Stream.MODERATION));
        if (channel == null || !change.withdrawsAccess()) {
            return;
        }
        List<Subscriber> theirs = channel.subscribers.stream().filter(s -> change.username().equals(s.staff())).toList();
        if (!theirs.isEmpty()) {
            pullThreads.execute(() -> inContext.accept(survivingFailures("team change", () ->
                    closeNoLongerStaff(theirs, staff -> access.stillStaff(staff, change.sessionId()), TEAM_CHANGED))));
        }
    }

    void onVotesCounted(@Observes VotesCounted counted) {
        for (Stream stream : Stream.values()) {
            sendVotes(counted.sessionId(), stream, counted.countsFor(stream));
        }
    }

    private void sendVotes(String sessionId, Stream stream, Map<String, Integer> counts) {
        Channel channel = channels.get(new Key(sessionId, stream));
        if (channel != null && !counts.isEmpty()) {
            // after this, a joining client gets a snapshot with these counts, or is in the set sent to below
            channel.snapshot.changed();
            String data = Json.JSON.toJson(counts);
            channel.subscribers.forEach(s -> s.sendVotes(data));
        }
    }

    /** Sends the number of trainees who joined the session to both of its streams (not stored: the latest counts). */
    void onParticipantsCounted(@Observes ParticipantsCounted counted) {
        String sessionId = counted.sessionId();
        String data = "{\"count\":" + counted.count() + "}";
        for (Stream stream : Stream.values()) {
            Channel channel = channels.get(new Key(sessionId, stream));
            if (channel != null) {
                channel.subscribers.forEach(s -> s.sendParticipants(data));
            }
        }
    }

    private void requestPull(Channel channel) {
        if (channel.pullRequested.compareAndSet(false, true)) {
            try {
                pullThreads.execute(() -> inContext.accept(() -> pull(channel)));
            } catch (RuntimeException rejected) {
                retryLater(channel, rejected);
            }
        }
    }

    /**
     * Reads what the stream stored after the last pull and sends it. One pull of a channel at a time (its
     * {@code pulling} lock); the read is made outside the channel's lock, which only the sending needs: joining
     * clients wait for that lock, and with a hall reconnecting at once (an instance of a cluster gone) a pull waiting
     * there for a database connection held up every handshake behind it (a thread dump of the survivor, bench/run
     * "Clustering").
     */
    void pull(Channel channel) {
        try {
            synchronized (channel.pulling) {
                channel.pullRequested.set(false);
                List<BoardEvent> events;
                do {
                    events = board.eventsAfter(channel.key.sessionId(), channel.key.stream(), channel.lastPulled,
                            batch);
                    if (!events.isEmpty()) {
                        synchronized (channel) {
                            send(channel.subscribers, events);
                            channel.recent.add(events);
                            channel.lastPulled = events.getLast().seq();
                        }
                    }
                } while (events.size() == batch);
                synchronized (channel) {
                    channel.subscribers.removeIf(Subscriber::closed);
                    dropIfEmpty(channel);
                }
            }
        } catch (RuntimeException e) {
            retryLater(channel, e);
        }
    }

    /**
     * Sends the pulled events to each subscriber as one message of the events it lacks; subscribers that lack the same
     * events (almost always all of them) share one serialised message.
     */
    static void send(Collection<Subscriber> subscribers, List<BoardEvent> events) {
        long last = events.getLast().seq();
        Map<Long, String> messages = new HashMap<>();
        for (Subscriber subscriber : subscribers) {
            long after = subscriber.lastSeq();
            if (after < last) {
                subscriber.sendEvents(last, messages.computeIfAbsent(after, a -> Frames.batch(events.stream()
                        .filter(e -> e.seq() > a).map(BoardEvent::frame).toList())));
            }
        }
    }

    /** A pull that could not run or failed is tried again in a second: the events are stored, they must go out. */
    private void retryLater(Channel channel, RuntimeException cause) {
        channel.pullRequested.set(false);
        DatabaseOutages.log(LOG, Level.WARNING, "Board pull for session " + channel.key.sessionId() + " failed; retrying in 1 s",
                cause);
        scheduler.schedule(() -> requestPull(channel), 1, TimeUnit.SECONDS);
    }

    /**
     * Pings every client, closes those not heard from for 90 s, drops the closed, and closes moderation clients whose
     * staff member lost access.
     */
    private void heartbeat() {
        for (Channel channel : channels.values()) {
            closeSilent(channel.subscribers);
            synchronized (channel) {
                channel.subscribers.removeIf(Subscriber::closed);
                dropIfEmpty(channel);
            }
            channel.subscribers.forEach(Subscriber::ping);
            if (channel.key.stream() == Stream.MODERATION && !channel.subscribers.isEmpty()) {
                pullThreads.execute(() -> inContext.accept(survivingFailures("access check", () ->
                        closeNoLongerStaff(channel.subscribers,
                                staff -> access.stillStaff(staff, channel.key.sessionId())))));
            }
        }
    }

    /** Closes the clients not heard from for 90 s (they ping every 20 s). */
    static void closeSilent(Collection<Subscriber> subscribers) {
        subscribers.stream().filter(s -> s.silentFor(SILENCE_NANOS)).forEach(s -> s.close(SILENT));
    }

    /** Closes with 1008 (policy) the moderation clients whose staff member may no longer watch the session. */
    static void closeNoLongerStaff(Collection<Subscriber> subscribers, Predicate<String> stillStaff) {
        closeNoLongerStaff(subscribers, stillStaff, NO_LONGER_ALLOWED);
    }

    static void closeNoLongerStaff(Collection<Subscriber> subscribers, Predicate<String> stillStaff, CloseReason why) {
        subscribers.stream().filter(s -> !stillStaff.test(s.staff())).forEach(s -> s.close(why));
    }

    /** A periodic task whose failure is logged, not fatal: an escaping throwable would cancel every later run. */
    private static Runnable survivingFailures(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable e) {
                DatabaseOutages.log(LOG, Level.SEVERE, "The board's " + what + " failed; it runs again at the next period", e);
            }
        };
    }

    private void dropIfEmpty(Channel channel) {
        if (channel.subscribers.isEmpty()) {
            channels.remove(channel.key, channel);
        }
    }
}
