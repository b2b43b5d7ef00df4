package app.rounds.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import javax.cache.CacheManager;
import java.util.Optional;

/**
 * Payara Micro's data grid, when this instance is in a cluster: its JCache. An instance alone ({@code --nocluster})
 * has none (its JCache fails at once), and then nothing needs to go through the grid. Found once, at first use.
 */
@ApplicationScoped
public class DataGrid {

    @Inject
    Instance<CacheManager> cacheManagers;

    private CacheManager cacheManager;

    @PostConstruct
    void find() {
        try {
            cacheManager = cacheManagers.isResolvable() ? cacheManagers.get() : null;
            if (cacheManager != null) {
                cacheManager.getCacheNames(); // fails at once where the data grid is off
            }
        } catch (RuntimeException alone) {
            cacheManager = null;
        }
    }

    /** The grid's JCache; empty when this instance is alone. */
    public Optional<CacheManager> cacheManager() {
        return Optional.ofNullable(cacheManager);
    }

    /** Whether this instance is in a cluster (it may still be the only member running). */
    public boolean present() {
        return cacheManager != null;
    }
}
