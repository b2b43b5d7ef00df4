package app.rounds.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waiting for state the tests cannot be told about (an API's answers changing): polled until a deadline. */
public final class Conditions {

    private Conditions() {
    }

    public static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + limit.toSeconds() + " s for " + what);
            }
            Thread.sleep(20); // polling a condition until a deadline, as Awaitility would
        }
    }
}
