package app.rounds.platform.control;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConcurrencyLimitTest {

    @Test
    void refusesBeyondTheLimitPerKeyAndFreesAPlaceOnLeave() {
        ConcurrencyLimit limit = new ConcurrencyLimit(2);
        assertTrue(limit.tryEnter("10.0.0.1"));
        assertTrue(limit.tryEnter("10.0.0.1"));
        assertFalse(limit.tryEnter("10.0.0.1"), "a third at once");
        assertTrue(limit.tryEnter("10.0.0.2"), "another address has its own places");
        limit.leave("10.0.0.1");
        assertTrue(limit.tryEnter("10.0.0.1"), "a place given back is free again");
        assertEquals(2, limit.held("10.0.0.1"));
    }

    @Test
    void forgetsAKeyThatHoldsNothing() {
        ConcurrencyLimit limit = new ConcurrencyLimit(1);
        limit.tryEnter("10.0.0.1");
        limit.leave("10.0.0.1");
        limit.leave("10.0.0.1");
        assertEquals(0, limit.held("10.0.0.1"));
        assertTrue(limit.tryEnter("10.0.0.1"));
    }

    @Test
    void parallelEntriesNeverExceedTheLimit() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(5);
        CountDownLatch start = new CountDownLatch(1);
        try (var threads = Executors.newFixedThreadPool(16)) {
            List<Future<Boolean>> entries = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                entries.add(threads.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    return limit.tryEnter("10.0.0.1");
                }));
            }
            start.countDown();
            int entered = 0;
            for (Future<Boolean> entry : entries) {
                entered += entry.get() ? 1 : 0;
            }
            assertEquals(5, entered);
        }
    }

    @Test
    void aLimitBelowOneIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> new ConcurrencyLimit(0));
    }
}
