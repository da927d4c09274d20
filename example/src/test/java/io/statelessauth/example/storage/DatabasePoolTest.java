package io.statelessauth.example.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.zaxxer.hikari.HikariDataSource;
import io.statelessauth.example.testsupport.TestSettings;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection settings every wait is bounded by, and HikariCP's pool as the service sizes it,
 * reachable for its metrics.
 */
class DatabasePoolTest {

  @Test
  void postgresConnectionsGetConnectLoginStatementAndSocketTimeouts() {
    Properties properties = Database.connectionProperties(
        "jdbc:postgresql://db/auth?user=auth", null, Duration.ofSeconds(10), Duration.ofSeconds(3));

    assertEquals("3", properties.getProperty("connectTimeout"));
    assertEquals("3", properties.getProperty("loginTimeout"));
    assertEquals("-c statement_timeout=3000", properties.getProperty("options"));
    assertEquals("5", properties.getProperty("socketTimeout"), "two seconds past the statement's");
  }

  @Test
  void sqliteConnectionsWaitForTheBusyTimeoutAndNeverCreateTheFile() {
    Properties properties = Database.connectionProperties(
        "jdbc:sqlite:auth.db", null, Duration.ofSeconds(10), Duration.ofSeconds(3));

    assertEquals("10000", properties.getProperty("busy_timeout"));
    assertEquals("IMMEDIATE", properties.getProperty("transaction_mode"));
    assertEquals("WAL", properties.getProperty("journal_mode"));
    assertEquals("2", properties.getProperty("open_mode"), "read-write, without create");
    assertNull(properties.getProperty("socketTimeout"));
  }

  @Test
  void thePoolHoldsAtMostTheGivenConnectionsAndShowsItsMetrics(@TempDir Path folder)
      throws Exception {
    try (Database database = TestSettings.database(folder.resolve("pool.db"), 4)) {
      HikariDataSource pool = database.dataSource();
      int active = database.run(connection -> {
        try (Statement statement = connection.createStatement();
            ResultSet one = statement.executeQuery("SELECT 1")) {
          one.next();
        }
        return pool.getHikariPoolMXBean().getActiveConnections();
      });

      assertEquals(4, pool.getMaximumPoolSize());
      assertEquals(1, active, "the connection lent to the work");
      assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections(), "given back");
    }
  }
}
