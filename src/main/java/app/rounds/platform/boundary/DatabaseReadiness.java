package app.rounds.platform.boundary;

import app.rounds.platform.control.DatabaseMigrations;
import app.rounds.platform.control.DatabaseOutages;
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

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        if (!migrated()) {
            return response.down().withData("schema", "not migrated").build();
        }
        try (Connection connection = migrations.dataSource().getConnection()) {
            boolean answers = connection.isValid(2);
            if (answers) {
                DatabaseOutages.reachable();
            }
            return response.status(answers).build();
        } catch (SQLException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
