package app.rounds.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import javax.cache.CacheManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Payara Micro's data grid, when this instance is in a cluster: its JCache. An instance alone ({@code --nocluster})
 * has none to share: Payara still runs a grid of one there, whose JCache answers, but each use of it serialises and
 * hands work to the grid's threads for no one (rate limits through it and the events to peers were about a tenth of
 * a vote storm's CPU, JFR of bench/run). Found once, at first use.
 */
@ApplicationScoped
public class DataGrid {

    private static final Logger LOG = Logger.getLogger(DataGrid.class.getName());

    /** How Payara Micro's configuration records {@code --nocluster}. */
    private static final Pattern CLUSTERING_OFF = Pattern.compile(
            "<hazelcast-config-specific-configuration\\b[^>]*\\bclustering-enabled=\"false\"");

    @Inject
    Instance<CacheManager> cacheManagers;

    private CacheManager cacheManager;

    @PostConstruct
    void find() {
        if (clusteringOff(instanceConfiguration())) {
            return;
        }
        try {
            cacheManager = cacheManagers.isResolvable() ? cacheManagers.get() : null;
            if (cacheManager != null) {
                cacheManager.getCacheNames(); // fails at once where the data grid is off altogether
            }
        } catch (RuntimeException off) {
            cacheManager = null;
        }
    }

    /** Payara's configuration of this instance (its domain.xml), empty when it cannot be read. */
    private static String instanceConfiguration() {
        String root = System.getProperty("com.sun.aas.instanceRoot");
        if (root == null) {
            return "";
        }
        try {
            return Files.readString(Path.of(root, "config", "domain.xml"));
        } catch (IOException | RuntimeException unreadable) {
            // unknown: the grid is used as in a cluster (slower alone, never wrong)
            LOG.warning("Payara's domain.xml could not be read (" + unreadable
                    + "); the data grid is used as in a cluster.");
            return "";
        }
    }

    /** Whether Payara's configuration says this instance was started alone ({@code --nocluster}). */
    static boolean clusteringOff(String domainXml) {
        return CLUSTERING_OFF.matcher(domainXml).find();
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
