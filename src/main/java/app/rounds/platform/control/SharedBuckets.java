package app.rounds.platform.control;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.jcache.Bucket4jJCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.TouchedExpiryPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rate-limit buckets that every instance of a cluster shares, so a limit holds however a load balancer spreads a
 * client's requests: one JCache per limiter on Payara's data grid, changed atomically by Bucket4j's entry processors
 * on the member that owns the key. An instance alone ({@code --nocluster}) has no grid to share ({@link DataGrid}),
 * and its limiters keep their buckets in memory.
 */
@ApplicationScoped
public class SharedBuckets {

    private static final Logger LOG = Logger.getLogger(SharedBuckets.class.getName());

    @Inject
    DataGrid dataGrid;

    private CacheManager grid;

    @PostConstruct
    void findGrid() {
        grid = dataGrid.cacheManager().orElse(null);
        LOG.info(grid == null ? "Rate limits are kept by this instance alone (no data grid)."
                : "Rate limits are shared with the cluster through the data grid.");
    }

    /**
     * The shared buckets of the limiter {@code name}, kept {@code keepFor} after their last use and refilled by
     * {@code clock}; empty when this instance is alone.
     */
    Optional<ProxyManager<String>> of(String name, Duration keepFor, TimeMeter clock) {
        if (grid == null) {
            return Optional.empty();
        }
        return Optional.of(Bucket4jJCache.entryProcessorBasedBuilder(cache("rounds.limits." + name, keepFor))
                .clientClock(clock)
                .build());
    }

    private Cache<String, byte[]> cache(String name, Duration keepFor) {
        Cache<String, byte[]> cache = grid.getCache(name, String.class, byte[].class);
        if (cache != null) {
            return cache;
        }
        try {
            return grid.createCache(name, new MutableConfiguration<String, byte[]>()
                    .setTypes(String.class, byte[].class)
                    .setExpiryPolicyFactory(TouchedExpiryPolicy.factoryOf(
                            new javax.cache.expiry.Duration(TimeUnit.SECONDS, keepFor.toSeconds()))));
        } catch (CacheException createdMeanwhile) { // by another instance starting at the same time
            LOG.log(Level.FINE, "Cache " + name + " was created meanwhile", createdMeanwhile);
            return grid.getCache(name, String.class, byte[].class);
        }
    }
}
