package app.rounds.ingest.control;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rounds is about to stop asking the sources about these contributions' original posts: their session ended more
 * than {@code rounds.ingest.recheck-after-end-days} ago. Fired synchronously, outside any transaction, before it does;
 * a component that still quotes any of them (highlights) says so with {@link #quoted}, and those posts go on being
 * watched. An event rather than a call, so that ingestion need not know who quotes: highlights already depend on it.
 */
public final class WatchEnding {

    private final List<String> contributionIds;
    private final Set<String> asked;
    private final Set<String> quoted = ConcurrentHashMap.newKeySet();

    public WatchEnding(Collection<String> contributionIds) {
        this.contributionIds = List.copyOf(contributionIds);
        this.asked = Set.copyOf(contributionIds);
    }

    /** The contributions whose originals would no longer be watched. */
    public List<String> contributionIds() {
        return contributionIds;
    }

    /** Those of them still quoted: their originals stay watched. */
    public void quoted(Collection<String> stillQuoted) {
        stillQuoted.stream().filter(asked::contains).forEach(quoted::add);
    }

    public Set<String> stillQuoted() {
        return Set.copyOf(quoted);
    }
}
