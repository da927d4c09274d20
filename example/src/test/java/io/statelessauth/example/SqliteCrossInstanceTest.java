package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statelessauth.example.Settings.AdminChanges;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The revocation scenarios over one SQLite file shared by two processes: this JVM's instance and
 * one started as {@code java ... Main}, which hear each other's revocations through the polled
 * table {@code revocation_log}.
 */
class SqliteCrossInstanceTest extends CrossInstanceRevocationTests {

  @TempDir static Path folder;

  private static Path database;
  private static ExampleServer one;
  private static ServiceProcess two;
  private static ServiceClient toOne;
  private static ServiceClient toTwo;
  private static String opsToken;

  @BeforeAll
  static void start() throws Exception {
    database = folder.resolve("shared.db");
    try (ExampleServer first = ExampleServer.start(TestSettings.sqlite(database))) {
      assertEquals(201, new ServiceClient(first.uri()).register(OPS, PASSWORD).status());
    }
    AdminChanges ops = new AdminChanges(Set.of(OPS), Set.of());
    one = ExampleServer.start(TestSettings.sqlite(database).withAdmins(ops));
    two = ServiceProcess.start(database, "--admin", OPS);
    toOne = new ServiceClient(one.uri());
    toTwo = toOne.at(two.uri());
    opsToken = toOne.login(OPS, PASSWORD).access();
  }

  @AfterAll
  static void stop() throws Exception {
    if (two != null) {
      two.close();
    }
    if (one != null) {
      one.close();
    }
  }

  @Override
  ServiceClient one() {
    return toOne;
  }

  @Override
  ServiceClient two() {
    return toTwo;
  }

  @Override
  void startAndStopAnotherWith(AdminChanges admins) throws Exception {
    ExampleServer.start(TestSettings.sqlite(database).withAdmins(admins)).close();
  }

  @Override
  String opsToken() {
    return opsToken;
  }
}
