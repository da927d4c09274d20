package io.statelessauth.example.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statelessauth.example.ExampleServer;
import io.statelessauth.example.cli.Settings;
import io.statelessauth.example.cli.Settings.AdminChanges;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.ServiceProcess;
import io.statelessauth.example.testsupport.TestSettings;
import java.util.Set;
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
  private ExampleServer probed;
  private ServiceProcess revoker;
  private ServiceClient toProbed;
  private ServiceClient toRevoker;
  private String opsToken;

  private Settings settings() {
    return Settings.defaults()
        .withAddress("127.0.0.1", 0)
        .withDatabaseUrl(server.url())
        .withPasswordIterations(1_000)
        .withLimits(TestSettings.UNLIMITED);
  }

  @BeforeAll
  void start() throws Exception {
    server = ThrowawayPostgres.start();
    try (ExampleServer first = ExampleServer.start(settings())) {
      assertEquals(201, new ServiceClient(first.uri()).register(OPS, PASSWORD).status());
    }
    probed = ExampleServer.start(settings().withAdmins(new AdminChanges(Set.of(OPS), Set.of())));
    toProbed = new ServiceClient(probed.uri());
    revoker = ServiceProcess.startOn(server.url());
    toRevoker = toProbed.at(revoker.uri());
    opsToken = toProbed.login(OPS, PASSWORD).access();
  }

  @AfterAll
  void stop() throws Exception {
    if (revoker != null) {
      revoker.close();
    }
    if (probed != null) {
      probed.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Override
  ServiceClient probed() {
    return toProbed;
  }

  @Override
  ServiceClient revoker() {
    return toRevoker;
  }

  @Override
  String opsToken() {
    return opsToken;
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
