package app.rounds.media.control;

import app.rounds.platform.control.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The heap that photo decodes may hold together: {@code rounds.media.photo-decode-heap-percent} of the JVM's maximum
 * heap, handed out in MiB to each decode by what its header says it will need ({@link PhotoProcessor.Plan}). A decode
 * waits for its share up to {@code rounds.media.photo-decode-wait-seconds} (holding a request thread, so briefly),
 * then is refused with 503 {@code media-busy}: many large photos at once queue instead of running the heap out.
 */
@ApplicationScoped
public class PhotoDecodeBudget {

    /** A share of the budget, given back when closed. */
    public interface Reservation extends AutoCloseable {
        @Override
        void close();
    }

    private static final long MIB = 1024 * 1024;

    @Inject
    @ConfigProperty(name = "rounds.media.photo-decode-heap-percent")
    int heapPercent;

    @Inject
    @ConfigProperty(name = "rounds.media.photo-decode-wait-seconds")
    long waitSeconds;

    private long totalBytes;
    private Semaphore mebibytes;

    @PostConstruct
    void sizeFromTheHeap() {
        if (heapPercent < 1 || heapPercent > 90 || waitSeconds < 0) {
            throw new IllegalStateException("rounds.media.photo-decode-heap-percent must be 1 to 90, "
                    + "rounds.media.photo-decode-wait-seconds at least 0");
        }
        size(Runtime.getRuntime().maxMemory() / 100 * heapPercent);
    }

    /** A budget of {@code totalBytes}, for tests. */
    static PhotoDecodeBudget of(long totalBytes, long waitSeconds) {
        PhotoDecodeBudget budget = new PhotoDecodeBudget();
        budget.waitSeconds = waitSeconds;
        budget.size(totalBytes);
        return budget;
    }

    private void size(long bytes) {
        totalBytes = bytes;
        mebibytes = new Semaphore((int) Math.min(Integer.MAX_VALUE, bytes / MIB), true);
    }

    public long totalBytes() {
        return totalBytes;
    }

    /** Whether a decode needing {@code bytes} could ever run: one that cannot is refused (413), not kept waiting. */
    public boolean fits(long bytes) {
        return Math.max(1, Math.ceilDiv(bytes, MIB)) <= totalBytes / MIB;
    }

    /**
     * Takes {@code bytes} of the budget, waiting for them if other decodes hold them; 503 when they do not come in
     * time. The caller has made sure that they {@link #fits}.
     */
    public Reservation reserve(long bytes) {
        int wanted = (int) Math.max(1, Math.ceilDiv(bytes, MIB));
        try {
            if (!mebibytes.tryAcquire(wanted, waitSeconds, TimeUnit.SECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        return () -> mebibytes.release(wanted);
    }

    private ProblemException busy() {
        return MediaStore.busy("Rounds is decoding other large pictures at the moment; upload this one again in a few "
                + "seconds.", Duration.ofSeconds(Math.max(5, waitSeconds)));
    }
}
