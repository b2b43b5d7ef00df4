package app.rounds.security.control;

import app.rounds.platform.control.DatabaseMigrations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * On first start (no enabled admin in the database) creates the admin {@code ROUNDS_ADMIN_USER} with the password
 * {@code ROUNDS_ADMIN_PASSWORD}; without one, generates a password and prints it once in the log.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @Inject
    StaffDirectory directory;

    @Inject
    @ConfigProperty(name = "rounds.admin.user")
    String username;

    @Inject
    @ConfigProperty(name = "rounds.admin.password")
    Optional<String> password;

    @Resource(lookup = DatabaseMigrations.DATASOURCE)
    DataSource dataSource;

    /**
     * Under a database lock of its own: instances of a cluster starting at once on a new database would each find no
     * admin and race to create one (one failing to deploy); with the lock the others wait and find the first's.
     */
    @PostConstruct
    void createIfNone() {
        try (Connection connection = dataSource.getConnection(); Statement lock = connection.createStatement()) {
            lock.execute("SELECT GET_LOCK('rounds.first-admin', 60)");
            try {
                create();
            } finally {
                lock.execute("SELECT RELEASE_LOCK('rounds.first-admin')");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the lock for creating the first admin", e);
        }
    }

    private void create() {
        String initialPassword = password.filter(p -> !p.isBlank()).orElseGet(FirstAdmin::generatePassword);
        if (directory.createFirstAdminIfNone(username, initialPassword)) {
            if (password.filter(p -> !p.isBlank()).isPresent()) {
                LOG.info(() -> "Created the first admin '" + username + "' with the password from ROUNDS_ADMIN_PASSWORD.");
            } else {
                LOG.warning(() -> generatedPasswordNotice(username, initialPassword));
            }
        }
    }

    /** The one place the generated password is shown; {@code ./mvnw -Prun} finds it here for its ready message. */
    public static String generatedPasswordNotice(String username, String password) {
        return "Created the first admin '" + username + "' with the generated password " + password
                + " (shown only this once: log in and change it).";
    }

    private static String generatePassword() {
        // 20 characters from an alphabet without look-alikes: about 115 bits
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
