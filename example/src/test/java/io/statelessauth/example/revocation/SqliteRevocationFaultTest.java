package io.statelessauth.example.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statelessauth.example.ExampleServer;
import io.statelessauth.example.cli.Settings.AdminChanges;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.ServiceProcess;
import io.statelessauth.example.testsupport.SqliteFile;
import io.statelessauth.example.testsupport.TestSettings;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults in the polled log of one SQLite file shared by two processes: the poller's thread hit by
 * an {@link Error}, its query failing, the file replaced. See {@link RevocationFaultTests}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqliteRevocationFaultTest extends RevocationFaultTests {

  private ChannelFaults faults;
  private SqliteFile file;
  private Path folder;
  private ExampleServer probed;
  private ServiceProcess revoker;
  private ServiceClient toProbed;
  private ServiceClient toRevoker;
  private String opsToken;

  @BeforeAll
  void start(@TempDir Path folder) throws Exception {
    this.folder = folder;
    faults = ChannelFaults.install();
    file = new SqliteFile(folder.resolve("shared.db"));
    try (ExampleServer first = ExampleServer.start(TestSettings.sqlite(file.path()))) {
      assertEquals(201, new ServiceClient(first.uri()).register(OPS, PASSWORD).status());
    }
    probed = ExampleServer.start(TestSettings.sqlite(file.path())
        .withAdmins(new AdminChanges(Set.of(OPS), Set.of())));
    toProbed = new ServiceClient(probed.uri());
    revoker = ServiceProcess.start(file.path());
    toRevoker = toProbed.at(revoker.uri());
    opsToken = toProbed.login(OPS, PASSWORD).access();
  }

  @AfterEach
  void heal() {
    faults.reset();
  }

  @AfterAll
  void stop() throws Exception {
    if (revoker != null) {
      revoker.close();
    }
    if (probed != null) {
      probed.close();
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
  void aPollerHitByAnErrorStillLetsNoRevokedTokenThroughAndPollsAgain() throws Exception {
    Pair pair = cachedOnTheProbed();

    try (AutoCloseable fault = faults.failEveryCall(
        () -> new StackOverflowError("injected into the poller"))) {
      revokeAndAwaitRefusal(pair);
    }

    assertServiceResumed();
  }

  @Test
  void aFailingPollQueryLetsNoRevokedTokenThroughAndPollingResumes() throws Exception {
    Pair pair = cachedOnTheProbed();

    try (AutoCloseable fault = faults.failStatements("FROM revocation_log")) {
      revokeAndAwaitRefusal(pair);
    }

    assertServiceResumed();
  }

  @Test
  void aReplacedFileLetsNoRevokedTokenThroughAndTheNewFileIsHeard() throws Exception {
    Pair pair = cachedOnTheProbed();
    Path backup = file.backUpTo(folder.resolve("backup.db"));

    file.restore(backup);
    revokeAndAwaitRefusal(pair);

    assertServiceResumed();
  }
}
