package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.statelessauth.AuthListener;
import io.statelessauth.example.cli.Cli;
import io.statelessauth.example.cli.Settings;
import io.statelessauth.example.storage.Database;
import io.statelessauth.example.storage.DatabaseUrl;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.TestSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The database's secrets stay with their owner: the SQLite files are readable by the owner only,
 * the server database's password never travels in the URL (so never in the process list), and
 * nothing the service prints shows a password or the query of a URL.
 */
class DatabaseSecretsTest {

  private static final String SECRET = "hunter2-secret";

  @TempDir Path folder;

  /** Runs the command line; returns what it printed to both streams, and its status. */
  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
  }

  private record Run(int status, String printed) {}

  @ParameterizedTest
  @ValueSource(strings = {
      "jdbc:postgres://db.internal/auth?user=auth&password=" + SECRET,
      "jdbc:postgresql://db.internal/auth?user=auth&password=" + SECRET,
      "jdbc:postgresql://db.internal/auth?sslpassword=" + SECRET,
      "jdbc:postgresql://auth:" + SECRET + "@db.internal/auth",
      "jdbc:sqlserver://db.internal;user=auth;Password=" + SECRET})
  void aDatabaseUrlWithAPasswordIsRefusedWithoutShowingIt(String url) {
    Run run = run("--db", url);

    assertEquals(2, run.status());
    assertTrue(run.printed().contains("--db must not carry the password"), run.printed());
    assertFalse(run.printed().contains(SECRET), run.printed());
  }

  @Test
  void aValueThatIsNotAJdbcUrlIsNotEchoed() {
    Run run = run("--db", "postgres://auth:" + SECRET + "@db.internal/auth");

    assertEquals(2, run.status());
    assertFalse(run.printed().contains(SECRET), run.printed());
  }

  @Test
  void aDriverFailureNeverPrintsTheQueryOfTheUrl() {
    Run run = run("--port", "0",
        "--db", "jdbc:postgres://db.internal:5432/auth?user=auth&ssl=true&options=" + SECRET);

    assertEquals(1, run.status());
    assertTrue(run.printed().contains(
        "Failed to get driver instance for jdbcUrl=jdbc:postgres://db.internal:5432/auth"),
        run.printed());
    assertFalse(run.printed().contains(SECRET), run.printed());
    assertFalse(run.printed().contains("user=auth"), run.printed());
  }

  @Test
  void redactionCutsQueriesPropertiesAndUserInformationFromAnyMessage() {
    assertEquals("jdbc:postgresql://db/auth", DatabaseUrl.withoutSecrets(
        "jdbc:postgresql://u:" + SECRET + "@db/auth?password=" + SECRET));
    assertEquals("failed for jdbc:x://h/db then jdbc:y://h2/db (twice)", DatabaseUrl.redact(
        "failed for jdbc:x://h/db?password=" + SECRET + " then jdbc:y://u:" + SECRET
            + "@h2/db;password=" + SECRET + " (twice)"));
    assertEquals("jdbc:sqlite:/tmp/a;b.db", DatabaseUrl.withoutSecrets("jdbc:sqlite:/tmp/a;b.db"));
  }

  @Test
  void thePasswordComesFromTheFileGivenOrElseFromTheEnvironment() throws IOException {
    Path file = Files.writeString(folder.resolve("db-password"), SECRET + "\nignored\n");
    Map<String, String> environment = Map.of(Cli.DATABASE_PASSWORD_VARIABLE, "from-environment");

    assertEquals(SECRET, Cli.parse(Map.of(), "--db-password-file", file.toString())
        .databasePassword());
    assertEquals("from-environment", Cli.parse(environment).databasePassword());
    assertEquals(SECRET, Cli.parse(environment, "--db-password-file", file.toString())
        .databasePassword());
    assertNull(Cli.parse(Map.of()).databasePassword());
  }

  @Test
  void anEmptyOrMissingPasswordFileIsAUsageErrorThatShowsNoContent() throws IOException {
    Path empty = Files.writeString(folder.resolve("empty"), "\n" + SECRET);

    Cli.UsageException blank = assertThrows(Cli.UsageException.class,
        () -> Cli.parse(Map.of(), "--db-password-file", empty.toString()));
    Cli.UsageException missing = assertThrows(Cli.UsageException.class,
        () -> Cli.parse(Map.of(), "--db-password-file", folder.resolve("missing").toString()));

    assertTrue(blank.getMessage().startsWith("--db-password-file: the first line of"));
    assertFalse(blank.getMessage().contains(SECRET));
    assertTrue(missing.getMessage().startsWith("--db-password-file: cannot read"));
  }

  @Test
  void settingsNeverShowThePassword() {
    String shown = Settings.defaults().withDatabasePassword(SECRET)
        .withDatabaseUrl("jdbc:postgresql://db/auth?user=auth").toString();

    assertFalse(shown.contains(SECRET), shown);
    assertFalse(shown.contains("user=auth"), shown);
  }

  @Test
  void aServerDatabaseGetsThePasswordAsAConnectionPropertyAndSqliteNever() {
    Properties server = Database.connectionProperties(
        "jdbc:postgresql://db/auth?user=auth", SECRET, Duration.ofSeconds(1), Duration.ofSeconds(1));
    Properties sqlite = Database.connectionProperties(
        "jdbc:sqlite:x.db", SECRET, Duration.ofSeconds(1), Duration.ofSeconds(1));

    assertEquals(SECRET, server.getProperty("password"));
    assertNull(sqlite.getProperty("password"));
  }

  @Test
  void theSqliteFileAndItsWalAndShmAreReadableByTheOwnerOnly() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "POSIX permissions");
    Path database = folder.resolve("private.db");
    try (ExampleServer.Service service =
        ExampleServer.open(TestSettings.sqlite(database), Clock.systemUTC(), AuthListener.NONE)) {
      ServiceClient client = new ServiceClient(service.router());
      assertEquals(201, client.register("alice", "correct horse battery staple").status());

      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Path file = Path.of(database + suffix);
        assertTrue(Files.exists(file), file.toString());
        assertEquals("rw-------",
            PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
      }
    }
  }
}
