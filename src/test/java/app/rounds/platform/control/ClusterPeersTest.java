package app.rounds.platform.control;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import org.junit.jupiter.api.Test;

import javax.cache.CacheManager;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What an instance tells the others of its cluster, and that an instance alone ({@code --nocluster}) tells nobody:
 * Payara still serialised each event onto its local grid, for no one.
 */
class ClusterPeersTest {

    private final List<Object> sent = new ArrayList<>();

    /** Payara's JCache: answering in a cluster, failing at once where the data grid is off. */
    private static CacheManager jcache(boolean gridOn) {
        return (CacheManager) Proxy.newProxyInstance(ClusterPeersTest.class.getClassLoader(),
                new Class<?>[]{CacheManager.class}, (proxy, method, args) -> {
                    if (!gridOn && method.getName().equals("getCacheNames")) {
                        throw new IllegalStateException("Hazelcast is not enabled");
                    }
                    return List.of();
                });
    }

    @SuppressWarnings("unchecked")
    private ClusterPeers peers(boolean gridOn) {
        DataGrid grid = new DataGrid();
        grid.cacheManagers = (Instance<CacheManager>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{Instance.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isResolvable" -> true;
                    case "get" -> jcache(gridOn);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        grid.find();
        ClusterPeers peers = new ClusterPeers();
        peers.grid = grid;
        peers.toPeers = (Event<ClusterPeers.Envelope>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{Event.class}, (proxy, method, args) -> {
                    if (method.getName().equals("fire")) {
                        sent.add(args[0]);
                    }
                    return null;
                });
        return peers;
    }

    @Test
    void anInstanceAloneTellsNobody() {
        peers(false).tellPeers(new Moved("s1"));
        assertEquals(List.of(), sent);
    }

    @Test
    void anInstanceOfAClusterTellsTheOthersInAnEnvelope() {
        peers(true).tellPeers(new Moved("s1"));
        assertEquals(List.of(new ClusterPeers.Envelope(new Moved("s1"))), sent);
    }

    record Moved(String sessionId) implements ClusterWide {
    }
}
