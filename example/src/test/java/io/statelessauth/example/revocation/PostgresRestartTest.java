package io.statelessauth.example.revocation;

import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.TestSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * PostgreSQL restarted under two instances: a server of the test's own ({@link
 * ThrowawayPostgres}), stopped at once and started again, and a token revoked on one instance as
 * soon as it can write, while the other may not listen yet. See {@link RevocationFaultTests}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf("io.statelessauth.example.testsupport.PostgresDatabase#availableOrRequired")
class PostgresRestartTest extends RevocationFaultTests {

  private ThrowawayPostgres server;

  @BeforeAll
  void start() throws Exception {
    server = ThrowawayPostgres.start();
    startInstances(TestSettings.on(server.url()));
  }

  @AfterAll
  void stop() throws Exception {
    stopInstances();
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aRevocationRightAfterARestartIsRefusedEverywhereAndServiceResumes() throws Exception {
    Pair pair = cachedOnTheProbed();

    server.stop();
    server.startAgain();
    revokeAndAwaitRefusal(pair);

    assertServiceResumed();
  }
}
