package app.rounds.platform.control;

import org.mariadb.jdbc.MariaDbDataSource;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * MariaDB's data source offered as a plain {@link DataSource} only. Payara picks a pool's transaction support from
 * the interfaces of its class, and MariaDB's own class is also an {@code XADataSource}: every transaction then ran as
 * distributed (XA START, END, PREPARE and COMMIT sent to the database, the JTS coordinator in the JVM), although
 * Rounds only ever has this one resource in a transaction. As a plain data source its transactions are local: one
 * commit. Payara sets the properties of {@code @DataSourceDefinition} through these setters.
 */
public class LocalTransactionsDataSource implements DataSource {

    /** Set while a thread asks whether the database is back ({@link #probing}). */
    private static final ThreadLocal<Boolean> PROBING = new ThreadLocal<>();

    private final MariaDbDataSource mariaDb = new MariaDbDataSource();

    public void setUrl(String url) throws SQLException {
        mariaDb.setUrl(url);
    }

    public void setUser(String user) throws SQLException {
        mariaDb.setUser(user);
    }

    public void setPassword(String password) throws SQLException {
        mariaDb.setPassword(password);
    }

    /**
     * A new connection. One that cannot be made is reported as an outage at once, not when the request that needed it
     * ends; while an outage goes on, none is tried (each try may wait for the connect timeout, 3 s, and one request
     * may need several: 12 s in DatabaseOutageIT) but by those who ask whether it is back ({@link #probing}). The
     * pool's connections made before are used as usual.
     */
    @Override
    public Connection getConnection() throws SQLException {
        return connected(mariaDb::getConnection);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return connected(() -> mariaDb.getConnection(user, password));
    }

    /** Runs {@code probe} (asking the database whether it answers) with connections tried even while it is away. */
    public static <T, E extends Exception> T probing(Probe<T, E> probe) throws E {
        PROBING.set(true);
        try {
            return probe.run();
        } finally {
            PROBING.remove();
        }
    }

    @FunctionalInterface
    public interface Probe<T, E extends Exception> {
        T run() throws E;
    }

    private static Connection connected(Probe<Connection, SQLException> connect) throws SQLException {
        if (DatabaseOutages.ongoing() && PROBING.get() == null) {
            throw new DatabaseOutages.NotTried();
        }
        try {
            return connect.run();
        } catch (SQLException e) {
            DatabaseOutages.report(e);
            throw e;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return mariaDb.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        mariaDb.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        mariaDb.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return mariaDb.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return mariaDb.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
