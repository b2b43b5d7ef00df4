package app.rounds.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Notices the end of a database outage even when no request comes: while {@link DatabaseOutages} counts one, it asks
 * the database every second whether it answers, and reports when it does. Without an outage it does nothing.
 */
@ApplicationScoped
public class DatabaseOutageWatch {

    @Resource(lookup = DatabaseMigrations.DATASOURCE)
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> checks;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the observer makes the bean start with the application
    }

    @PostConstruct
    void startChecks() {
        checks = scheduler.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stopChecks() {
        checks.cancel(false);
    }

    private boolean answers() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        }
    }

    private void check() {
        if (!DatabaseOutages.ongoing()) {
            return;
        }
        try {
            if (LocalTransactionsDataSource.probing(this::answers)) {
                DatabaseOutages.reachable();
            }
        } catch (SQLException | RuntimeException stillAway) {
            // the outage goes on: the requests that meet it are counted, this check is not
        }
    }
}
