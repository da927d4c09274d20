package io.statelessauth.example.revocation;

import io.statelessauth.example.ExampleServer;
import io.statelessauth.example.cli.Settings.AdminChanges;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceProcess;
import io.statelessauth.example.testsupport.TestSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The revocation scenarios over one SQLite file shared by two processes: this JVM's instance and
 * one started as {@code java ... Main}, which hear each other's revocations through the polled
 * table {@code revocation_log}.
 */
class SqliteCrossInstanceTest extends CrossInstanceRevocationTests {

  private Path database;
  private ExampleServer one;
  private ServiceProcess two;

  @BeforeAll
  void start(@TempDir Path folder) throws Exception {
    database = folder.resolve("shared.db");
    registerOps(TestSettings.sqlite(database));
    one = ExampleServer.start(TestSettings.sqlite(database).withAdmins(OPS_IS_ADMIN));
    two = ServiceProcess.start(database, "--admin", OPS);
    ServiceClient toOne = new ServiceClient(one.uri());
    serving(toOne, toOne.at(two.uri()));
  }

  @AfterAll
  void stop() throws Exception {
    if (two != null) {
      two.close();
    }
    if (one != null) {
      one.close();
    }
  }

  @Override
  void startAndStopAnotherWith(AdminChanges admins) throws Exception {
    ExampleServer.start(TestSettings.sqlite(database).withAdmins(admins)).close();
  }
}
