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

    @Override
    public Connection getConnection() throws SQLException {
        return mariaDb.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return mariaDb.getConnection(user, password);
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
