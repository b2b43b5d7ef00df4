package app.rounds.board.control;

import app.rounds.board.entity.Stream;
import fish.payara.micro.cdi.Inbound;
import fish.payara.micro.cdi.Outbound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the other Rounds instances of a cluster what moved on a board, so that the clients connected to them hear of
 * it too, over Payara's data grid (clustered CDI events on its Hazelcast). The database stays the single source of
 * order: a stream that moved is only a reason to pull, and each instance pulls the stored events after the last one
 * it sent, so an event told twice or late is still sent once and in order. Vote and participant counts, which are
 * not stored, travel whole. An instance alone ({@code --nocluster}) tells nobody.
 * <p>
 * What crosses the grid has types of its own: an observer without qualifiers (the hub's) sees events of its type
 * whatever their qualifiers, so the hub's own events on the wire would reach it twice here and travel back and forth.
 */
@ApplicationScoped
public class BoardPeers {

    private static final Logger LOG = Logger.getLogger(BoardPeers.class.getName());

    /** A stream of a session that has new stored events on another instance. */
    public record StreamMoved(String sessionId, Stream stream) implements Serializable {
    }

    /** Fresh vote counts from another instance's tick ({@link VotesCounted}). */
    public record VotesMoved(String sessionId, HashMap<String, Integer> all, HashMap<String, Integer> visible)
            implements Serializable {
    }

    /** A fresh count of the session's trainees from another instance. */
    public record ParticipantsMoved(String sessionId, long count) implements Serializable {
    }

    @Inject
    @Outbound
    Event<StreamMoved> streamMoved;

    @Inject
    @Outbound
    Event<VotesMoved> votesMoved;

    @Inject
    @Outbound
    Event<ParticipantsMoved> participantsMoved;

    @Inject
    BoardHub hub;

    void onAdvanced(@Observes(during = TransactionPhase.AFTER_SUCCESS) BoardAdvanced advanced) {
        tell(() -> streamMoved.fire(new StreamMoved(advanced.sessionId(), advanced.stream())));
    }

    void onVotesCounted(@Observes VotesCounted counted) {
        tell(() -> votesMoved.fire(new VotesMoved(counted.sessionId(), new HashMap<>(counted.all()),
                new HashMap<>(counted.visible()))));
    }

    /** Called with every count of a session's trainees made here. */
    public void participantsCounted(String sessionId, long count) {
        tell(() -> participantsMoved.fire(new ParticipantsMoved(sessionId, count)));
    }

    void onStreamMovedElsewhere(@Observes @Inbound StreamMoved moved) {
        hub.streamMoved(moved.sessionId(), moved.stream());
    }

    void onVotesMovedElsewhere(@Observes @Inbound VotesMoved moved) {
        hub.sendVotes(new VotesCounted(moved.sessionId(), Map.copyOf(moved.all()), Map.copyOf(moved.visible())));
    }

    void onParticipantsMovedElsewhere(@Observes @Inbound ParticipantsMoved moved) {
        hub.sendParticipants(moved.sessionId(), moved.count());
    }

    /** The grid unreachable costs the other instances' clients a frame, never this instance's request. */
    private static void tell(Runnable fire) {
        try {
            fire.run();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not tell the other instances of a board change", e);
        }
    }
}
