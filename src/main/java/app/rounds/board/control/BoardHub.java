package app.rounds.board.control;

import app.rounds.board.entity.BoardEvent;
import app.rounds.board.entity.Frames;
import app.rounds.board.entity.Stream;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fans a session's board out to its connected clients, on this instance. After a commit stored new events
 * ({@link BoardAdvanced}), one pull per session and stream reads them from the database in order and sends each frame,
 * serialised once, to every subscriber that has not had it: the database is the single source of order, so frames
 * arrive without gaps or duplicates whatever thread committed first. Votes ({@link VotesChanged}) are only marked, and
 * sent as one frame of current counts per stream per tick. A clustered fan-out would observe the same two events and
 * tell the other instances to pull; nothing else would change.
 */
@ApplicationScoped
public class BoardHub {

    private static final Logger LOG = Logger.getLogger(BoardHub.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();
    /** Events read per pull. */
    static final int PULL_BATCH = 500;

    private record Key(String sessionId, Stream stream) {
    }

    /** The subscribers of one stream, and the last event pulled for them. Pulls and joins hold its lock. */
    private final class Channel {
        final Key key;
        final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
        final AtomicBoolean pullRequested = new AtomicBoolean();
        final Set<String> dirtyVotes = ConcurrentHashMap.newKeySet();
        long lastPulled;

        Channel(Key key, long lastPulled) {
            this.key = key;
            this.lastPulled = lastPulled;
        }
    }

    private final Map<Key, Channel> channels = new ConcurrentHashMap<>();

    @Inject
    Board board;

    @Inject
    BoardState state;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "rounds.board.vote-tick-millis", defaultValue = "200")
    long voteTickMillis;

    /** Frames a client may have queued or unacknowledged before it is closed as too slow. */
    @Inject
    @ConfigProperty(name = "rounds.board.max-frames-in-flight", defaultValue = "256")
    int maxFramesInFlight;

    /** The most events a reconnecting client is replayed; further behind, it gets a snapshot instead. */
    @Inject
    @ConfigProperty(name = "rounds.board.max-replay", defaultValue = "500")
    int maxReplay;

    /**
     * Closing and pinging sockets, which can block for as long as a dead connection takes to time out: on virtual
     * threads of their own, so they never take a thread from the pulls. They need no container context.
     */
    private final ExecutorService socketWork = Executors.newVirtualThreadPerTaskExecutor();

    private ScheduledFuture<?> voteTicks;
    private ScheduledFuture<?> heartbeats;

    @PostConstruct
    void startTicks() {
        voteTicks = scheduler.scheduleWithFixedDelay(this::sendVotes, voteTickMillis, voteTickMillis,
                TimeUnit.MILLISECONDS);
        heartbeats = scheduler.scheduleWithFixedDelay(this::pingAll, 20, 20, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stopTicks() {
        voteTicks.cancel(false);
        heartbeats.cancel(false);
        socketWork.shutdownNow();
    }

    /**
     * Connects a client. With {@code since} (the last seq it saw) and no more than {@code maxReplay} events missed,
     * it is sent exactly the events after it; otherwise a snapshot. Then current vote counts, then live frames.
     */
    public Subscriber subscribe(String sessionId, Stream stream, jakarta.websocket.Session socket, Long since) {
        Subscriber subscriber = new Subscriber(socket, maxFramesInFlight, socketWork);
        Key key = new Key(sessionId, stream);
        while (true) {
            Channel channel = channels.computeIfAbsent(key, k -> new Channel(k, board.lastSeq(sessionId, stream)));
            synchronized (channel) {
                if (channels.get(key) != channel) {
                    continue; // emptied and dropped meanwhile: join the new one
                }
                catchUp(subscriber, sessionId, stream, since);
                channel.subscribers.add(subscriber);
                return subscriber;
            }
        }
    }

    private void catchUp(Subscriber subscriber, String sessionId, Stream stream, Long since) {
        List<BoardEvent> missed = since == null ? null : board.eventsAfter(sessionId, stream, since, maxReplay + 1);
        if (missed != null && missed.size() <= maxReplay && since <= board.lastSeq(sessionId, stream)) {
            subscriber.resumeAfter(since);
            missed.forEach(e -> subscriber.sendEvent(e.seq(), e.frame()));
            // the replayed events carry the vote counts of their time: follow them with today's
            Map<String, Integer> counts = state.voteCounts(sessionId, stream, null);
            subscriber.send(Frames.frame(subscriber.lastSeq(), Frames.VOTES, JSON.toJson(counts)));
        } else {
            Board.Snapshot snapshot = board.snapshot(sessionId, stream);
            subscriber.sendState(snapshot.seq(), Frames.frame(snapshot.seq(), Frames.SNAPSHOT, snapshot.json()));
        }
    }

    public void unsubscribe(String sessionId, Stream stream, Subscriber subscriber) {
        Key key = new Key(sessionId, stream);
        Channel channel = channels.get(key);
        if (channel != null) {
            synchronized (channel) {
                channel.subscribers.remove(subscriber);
                if (channel.subscribers.isEmpty()) {
                    channels.remove(key, channel);
                }
            }
        }
    }

    /** How many clients are connected to a stream on this instance. */
    public int subscribers(String sessionId, Stream stream) {
        Channel channel = channels.get(new Key(sessionId, stream));
        return channel == null ? 0 : channel.subscribers.size();
    }

    void onAdvanced(@Observes(during = TransactionPhase.AFTER_SUCCESS) BoardAdvanced advanced) {
        Channel channel = channels.get(new Key(advanced.sessionId(), advanced.stream()));
        if (channel != null && channel.pullRequested.compareAndSet(false, true)) {
            try {
                executor.execute(() -> pull(channel));
            } catch (RuntimeException rejected) {
                channel.pullRequested.set(false);
                throw rejected;
            }
        }
    }

    void onVotes(@Observes(during = TransactionPhase.AFTER_SUCCESS) VotesChanged votes) {
        for (Stream stream : Stream.values()) {
            Channel channel = channels.get(new Key(votes.sessionId(), stream));
            if (channel != null) {
                channel.dirtyVotes.add(votes.questionId());
            }
        }
    }

    private void pull(Channel channel) {
        try {
            synchronized (channel) {
                channel.pullRequested.set(false);
                List<BoardEvent> events;
                do {
                    events = board.eventsAfter(channel.key.sessionId(), channel.key.stream(), channel.lastPulled,
                            PULL_BATCH);
                    for (BoardEvent event : events) {
                        String frame = event.frame();
                        channel.subscribers.forEach(s -> s.sendEvent(event.seq(), frame));
                        channel.lastPulled = event.seq();
                    }
                } while (events.size() == PULL_BATCH);
                channel.subscribers.removeIf(Subscriber::closed);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Board pull for session " + channel.key.sessionId() + " failed; next change retries", e);
        }
    }

    private void sendVotes() {
        for (Channel channel : channels.values()) {
            if (channel.dirtyVotes.isEmpty() || channel.subscribers.isEmpty()) {
                channel.dirtyVotes.clear();
                continue;
            }
            try {
                Collection<String> questions = Set.copyOf(channel.dirtyVotes);
                channel.dirtyVotes.removeAll(questions);
                Map<String, Integer> counts = state.voteCounts(channel.key.sessionId(), channel.key.stream(), questions);
                if (!counts.isEmpty()) {
                    String data = JSON.toJson(counts);
                    synchronized (channel) {
                        String frame = Frames.frame(channel.lastPulled, Frames.VOTES, data);
                        channel.subscribers.forEach(s -> s.send(frame));
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Vote tick for session " + channel.key.sessionId() + " failed", e);
            }
        }
    }

    private void pingAll() {
        channels.values().forEach(channel -> {
            channel.subscribers.removeIf(Subscriber::closed);
            channel.subscribers.forEach(Subscriber::ping);
        });
    }
}
