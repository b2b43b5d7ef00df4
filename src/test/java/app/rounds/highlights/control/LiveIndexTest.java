package app.rounds.highlights.control;

import app.rounds.highlights.entity.Publication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveIndexTest {

    private final LiveIndex index = new LiveIndex(Duration.ofMinutes(5));
    private final AtomicInteger loads = new AtomicInteger();
    // threads of their own: the common pool may have one thread on a small machine and run the change after the read
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private List<Publication> load(int length) {
        loads.incrementAndGet();
        return List.of();
    }

    @Test
    void keepsWhatItReadUntilAChangeIsForgotten() {
        index.newest(50, this::load);
        index.newest(50, this::load);
        assertEquals(1, loads.get(), "read once while nothing changed");
        index.forget();
        index.newest(50, this::load);
        assertEquals(2, loads.get(), "read again after a change");
    }

    @Test
    void aReadUnderWayWhenAChangeCommitsIsNotKept() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch readDone = new CountDownLatch(1);
        CompletableFuture<List<Publication>> before = CompletableFuture.supplyAsync(() -> index.newest(50, length -> {
            reading.countDown();
            try {
                assertTrue(readDone.await(5, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return load(length); // what the database said before the change
        }), threads);
        assertTrue(reading.await(5, TimeUnit.SECONDS));
        CompletableFuture<Void> change = CompletableFuture.runAsync(index::forget, threads);
        try {
            // the change is given time to be forgotten while the read is under way (it waits for the read instead)
            change.get(200, TimeUnit.MILLISECONDS);
        } catch (TimeoutException waitingForTheRead) {
            // as it should: the read it removes comes first
        }
        readDone.countDown();
        before.get(5, TimeUnit.SECONDS);
        change.get(5, TimeUnit.SECONDS);

        index.newest(50, this::load);
        assertEquals(2, loads.get(), "the list read before the change is read again, not served for minutes");
    }
}
