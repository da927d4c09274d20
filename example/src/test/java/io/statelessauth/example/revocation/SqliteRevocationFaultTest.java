package io.statelessauth.example.revocation;

import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.SqliteFile;
import io.statelessauth.example.testsupport.TestSettings;
import java.nio.file.Path;
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
  @BeforeAll
  void start(@TempDir Path folder) throws Exception {
    this.folder = folder;
    faults = ChannelFaults.install();
    file = new SqliteFile(folder.resolve("shared.db"));
    startInstances(TestSettings.sqlite(file.path()));
  }

  @AfterEach
  void heal() {
    faults.reset();
  }

  @AfterAll
  void stop() throws Exception {
    stopInstances();
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
