package app.rounds.platform.boundary;

import app.rounds.platform.control.DatabaseMigrations;
import app.rounds.platform.control.DatabaseOutages;
import app.rounds.platform.control.LocalTransactionsDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import java.sql.SQLException;

/** Ready when the schema is migrated and the database answers within two seconds. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    DatabaseMigrations migrations;

    private boolean migrated() {
        try {
            return migrations.migrated();
        } catch (RuntimeException starting) {
            return false; // the singleton is still being initialised: the migrations are running
        }
    }

    private boolean answers() throws SQLException {
        try (Connection connection = migrations.dataSource().getConnection()) {
            return connection.isValid(2);
        }
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        if (!migrated()) {
            return response.down().withData("schema", "not migrated").build();
        }
        try {
            // asked even while the database is known to be away: this check is one of those that find it back
            boolean answers = LocalTransactionsDataSource.probing(this::answers);
            if (answers) {
                DatabaseOutages.reachable();
            }
            return response.status(answers).build();
        } catch (SQLException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
