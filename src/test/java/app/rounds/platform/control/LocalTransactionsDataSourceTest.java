package app.rounds.platform.control;

import org.junit.jupiter.api.Test;

import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.XADataSource;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalTransactionsDataSourceTest {

    @Test
    void payaraSeesAPlainDataSourceSoItsTransactionsStayLocal() {
        // Payara's pool for a @DataSourceDefinition takes the first of XADataSource, ConnectionPoolDataSource,
        // DataSource that the class is
        assertTrue(DataSource.class.isAssignableFrom(LocalTransactionsDataSource.class));
        assertFalse(XADataSource.class.isAssignableFrom(LocalTransactionsDataSource.class));
        assertFalse(ConnectionPoolDataSource.class.isAssignableFrom(LocalTransactionsDataSource.class));
    }

    @Test
    void theDefinitionsPropertiesReachMariaDb() throws SQLException {
        LocalTransactionsDataSource source = new LocalTransactionsDataSource();
        source.setUrl("jdbc:mariadb://127.0.0.1:3306/test");
        source.setUser("rounds");
        source.setPassword("secret");
        source.setLoginTimeout(3);
        assertEquals(3, source.getLoginTimeout());
        assertThrows(SQLException.class, () -> source.setUrl("jdbc:postgresql://127.0.0.1/test"),
                "MariaDB's own check of the address");
        assertTrue(source.isWrapperFor(DataSource.class));
    }
}
