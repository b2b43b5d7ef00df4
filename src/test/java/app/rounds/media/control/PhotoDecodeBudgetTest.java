package app.rounds.media.control;

import app.rounds.platform.control.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhotoDecodeBudgetTest {

    static final long MIB = 1024 * 1024;

    @Test
    void decodesTakeTheirShareAndOneThatFindsNoRoomInTimeHears503WithRetryAfter() throws Exception {
        PhotoDecodeBudget budget = PhotoDecodeBudget.of(100 * MIB, 0);
        try (PhotoDecodeBudget.Reservation first = budget.reserve(60 * MIB)) {
            try (PhotoDecodeBudget.Reservation second = budget.reserve(40 * MIB)) {
                ProblemException busy = assertThrows(ProblemException.class, () -> budget.reserve(1),
                        "the budget is taken");
                assertEquals(503, busy.kind().status);
                assertEquals("media-busy", busy.type());
                assertTrue(busy.retryAfter().compareTo(Duration.ZERO) > 0);
                assertTrue(busy.getMessage().contains("other large pictures"), busy.getMessage());
            }
            budget.reserve(40 * MIB).close(); // given back
            assertThrows(ProblemException.class, () -> budget.reserve(41 * MIB));
        }
        budget.reserve(100 * MIB).close();
    }

    @Test
    void aDecodeWaitsForAShareToBeGivenBack() throws Exception {
        PhotoDecodeBudget budget = PhotoDecodeBudget.of(100 * MIB, 30);
        PhotoDecodeBudget.Reservation holding = budget.reserve(80 * MIB);
        CountDownLatch asking = new CountDownLatch(1);
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            Future<?> waiting = other.submit(() -> {
                asking.countDown();
                budget.reserve(50 * MIB).close();
                return null;
            });
            asking.await();
            assertThrows(java.util.concurrent.TimeoutException.class, () -> waiting.get(200, TimeUnit.MILLISECONDS),
                    "no room while 80 of 100 MB are held");
            holding.close();
            waiting.get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void whatCouldNeverFitIsToldApartFromWhatMustWait() {
        PhotoDecodeBudget budget = PhotoDecodeBudget.of(256 * MIB, 0);
        assertTrue(budget.fits(256 * MIB));
        assertFalse(budget.fits(256 * MIB + 1), "a MiB more than there is");
        assertEquals(256 * MIB, budget.totalBytes());
    }

    @Test
    void theBudgetIsAShareOfTheHeapWithinSensibleBounds() {
        PhotoDecodeBudget budget = new PhotoDecodeBudget();
        budget.heapPercent = 50;
        budget.waitSeconds = 10;
        budget.sizeFromTheHeap();
        assertEquals(Runtime.getRuntime().maxMemory() / 100 * 50, budget.totalBytes());
        budget.heapPercent = 95;
        assertThrows(IllegalStateException.class, budget::sizeFromTheHeap, "the rest of Rounds needs heap too");
    }
}
