package app.rounds.platform.control;

import fish.payara.micro.cdi.Inbound;
import fish.payara.micro.cdi.Outbound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import jakarta.inject.Qualifier;

import java.io.Serializable;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries {@link ClusterWide} events to the other instances of a cluster over Payara Micro's data grid (its clustered
 * CDI events on Hazelcast), and fires the ones they send here. An instance alone ({@code --nocluster}) sends to
 * nobody.
 * <p>
 * Qualifiers keep each event to one trip: what is sent travels in an {@link Envelope} (an observer without qualifiers
 * sees an event whatever its qualifiers, so the event itself fired {@code @Outbound} would reach this instance's
 * observers twice), and what arrives is fired {@link FromPeers}, which the sending observer here, {@code @Default}
 * only, does not see: it is not sent on again.
 */
@ApplicationScoped
public class ClusterPeers {

    private static final Logger LOG = Logger.getLogger(ClusterPeers.class.getName());

    /** An event that came from another instance of the cluster. */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
    public @interface FromPeers {
    }

    /** What crosses the grid. */
    public record Envelope(ClusterWide event) implements Serializable {
    }

    @Inject
    @Outbound
    Event<Envelope> toPeers;

    @Inject
    @FromPeers
    Event<ClusterWide> fromPeers;

    @Inject
    DataGrid grid;

    void tellPeers(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Default ClusterWide event) {
        if (!grid.present()) {
            // alone, Payara still published each event on a topic of its local grid, serialised: 5 % of the CPU
            // of a question's intake (JFR, bench/run)
            return;
        }
        try {
            toPeers.fire(new Envelope(event));
        } catch (RuntimeException e) {
            // the grid unreachable costs the other instances' clients a frame, never this instance's request
            LOG.log(Level.FINE, "Could not tell the other instances of " + event, e);
        }
    }

    void heardFromPeers(@Observes @Inbound Envelope envelope) {
        fromPeers.fire(envelope.event());
    }
}
