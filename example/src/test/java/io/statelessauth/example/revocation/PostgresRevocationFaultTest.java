package io.statelessauth.example.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.example.testsupport.PostgresDatabase;
import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.TestSettings;
import io.statelessauth.testsupport.LogCapture;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Faults in the listening connection of a PostgreSQL instance: its thread hit by an {@link
 * Error}, the connection killed by the server, the connection black-holed (its traffic goes
 * through a {@link TcpProxy}, which stops forwarding); and the cache cleared when the connection
 * is lost and comes back, which no lease covers when it comes back soon. See {@link
 * RevocationFaultTests}; a server restart is {@link PostgresRestartTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf("io.statelessauth.example.testsupport.PostgresDatabase#availableOrRequired")
class PostgresRevocationFaultTest extends RevocationFaultTests {

  private static final Pattern HOST_AND_PORT =
      Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?/");

  private ChannelFaults faults;
  private PostgresDatabase database;
  private TcpProxy proxy;

  @BeforeAll
  void start() throws Exception {
    faults = ChannelFaults.install();
    database = PostgresDatabase.emptySchema();
    Matcher server = HOST_AND_PORT.matcher(database.url());
    assertTrue(server.find(), "a host in " + database.url());
    proxy = new TcpProxy(server.group(1),
        server.group(2) == null ? 5432 : Integer.parseInt(server.group(2)));
    String throughProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/";
    faults.reroute(url -> HOST_AND_PORT.matcher(url).replaceFirst(throughProxy));
    startInstances(TestSettings.postgres(database));
  }

  @AfterEach
  void heal() {
    faults.heal();
    proxy.forward();
  }

  @AfterAll
  void stop() throws Exception {
    stopInstances();
    if (faults != null) {
      faults.reset();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void aListenerHitByAnErrorStillLetsNoRevokedTokenThroughAndListensAgain() throws Exception {
    Pair pair = cachedOnTheProbed();

    try (AutoCloseable fault = faults.failEveryCall(
        () -> new OutOfMemoryError("injected into the listener"))) {
      revokeAndAwaitRefusal(pair);
    }

    assertServiceResumed();
  }

  @Test
  void aKilledListeningConnectionLetsNoRevokedTokenThroughAndIsOpenedAgain() throws Exception {
    Pair pair = cachedOnTheProbed();

    try (Connection admin = database.connect()) {
      terminateListeners(admin);
      revokeAndAwaitRefusal(pair);
    }

    assertServiceResumed();
  }

  @Test
  void aBlackHoledListeningConnectionLetsNoRevokedTokenThroughAndIsHeardAgain()
      throws Exception {
    Pair pair = cachedOnTheProbed();

    proxy.blackHole();
    try {
      revokeAndAwaitRefusal(pair);
    } finally {
      proxy.forward();
    }

    assertServiceResumed();
  }

  /**
   * The connection is killed and cannot be opened again for a moment, shorter than the lease:
   * the token, used meanwhile, is cached again and revoked before the listener listens again,
   * so that only clearing the cache when it does keeps the revoked token out.
   */
  @Test
  void aRevocationMadeWhileTheListenerWasAwayIsNotLeftInTheCache() throws Exception {
    Pair pair = cachedOnTheProbed();

    try (LogCapture logs = LogCapture.of(Hearing.class.getName(), Level.ALL);
        Connection admin = database.connect()) {
      try (AutoCloseable cannotConnect = faults.failEveryCall(
          () -> new SQLException("injected: the server cannot be reached", "08001"))) {
        terminateListeners(admin);
        long deadline = System.nanoTime() + REFUSED_WITHIN.toNanos();
        while (!logs.text().contains("Cannot hear revocations") && System.nanoTime() < deadline) {
          Thread.sleep(1);
        }
        assertTrue(logs.text().contains("Cannot hear revocations"),
            "the listener lost its connection");
        assertEquals(200, whoami(pair.access()), "cached again while the listener is away");
        assertEquals(200, revoker().bearer("DELETE", "/delete_token", pair.access()).status());
      }
      long revokedAt = System.nanoTime();
      int status = whoami(pair.access());
      while (status != 401 && System.nanoTime() - revokedAt < REFUSED_WITHIN.toNanos()) {
        status = whoami(pair.access());
      }
      assertEquals(401, status, "the revoked token is still answered from the cache");
    }

    assertServiceResumed();
  }

  /**
   * Ends the sessions of both instances' listening connections on the server, as an operator or
   * a failover does, once both listen (one may still be opening its connection again after an
   * earlier test).
   */
  private static void terminateListeners(Connection admin)
      throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + RESUMED_WITHIN.toNanos();
    List<Integer> pids = ListeningSessions.pids(admin);
    while (pids.size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(20);
      pids = ListeningSessions.pids(admin);
    }
    assertTrue(pids.size() >= 2, "the listeners of both instances: " + pids);
    ListeningSessions.terminate(admin, pids);
  }
}
