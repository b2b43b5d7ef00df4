package app.rounds.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.Duration;

/**
 * The one clock the application reads time from: UTC, ticking in microseconds, the precision of the database's
 * DATETIME(6), so an instant reads back as it was written.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    Clock utc() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
