package app.rounds.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.logging.Logger;

/**
 * Brings the schema up to date before anything reads it. Other start-up beans declare
 * {@code @DependsOn("DatabaseMigrations")}; a failed migration fails the deployment, so readiness never turns green
 * on a schema the code does not expect.
 */
@DataSourceDefinition(
        name = DatabaseMigrations.DATASOURCE,
        className = "app.rounds.platform.control.LocalTransactionsDataSource",
        url = "${MPCONFIG=rounds.db.url}",
        user = "${MPCONFIG=rounds.db.user}",
        password = "${MPCONFIG=rounds.db.password:}",
        minPoolSize = 2,
        maxPoolSize = 32,
        // fail fast when the database is away: connecting gives up after 3 s (MariaDB's default, 30 s, held requests
        // that long), and a request waits at most 3 s for a free connection (Payara's default: 60 s)
        loginTimeout = DatabaseMigrations.CONNECT_TIMEOUT_SECONDS,
        properties = {
                "fish.payara.max-wait-time-in-millis=" + DatabaseMigrations.POOL_WAIT_MILLIS,
                "fish.payara.is-connection-validation-required=true",
                // checked (a round trip) at most once a second, not at every checkout: with a hall answering a poll
                // the checks took 8 % of the HTTP threads' time (docs/BENCHMARKS.md)
                "fish.payara.validate-atmost-once-period-in-seconds=1",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.fail-all-connections=true"
        })
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrations {

    public static final String DATASOURCE = "java:app/jdbc/rounds";
    static final int CONNECT_TIMEOUT_SECONDS = 3;
    static final int POOL_WAIT_MILLIS = 3000;
    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    private volatile boolean migrated;

    @PostConstruct
    void migrate() {
        if (!ZoneOffset.UTC.normalized().equals(ZoneId.systemDefault().normalized())) {
            // the JDBC driver writes instants into DATETIME columns in the JVM's zone; UTC keeps them comparable
            LOG.warning(() -> "The JVM's time zone is " + ZoneId.systemDefault()
                    + ", not UTC: start it with -Duser.timezone=UTC, or stored times shift with the zone");
        }
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
        migrated = true;
    }

    public boolean migrated() {
        return migrated;
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
