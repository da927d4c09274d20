package io.statelessauth.example.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.SecretTokens;
import io.statelessauth.example.cli.Settings;
import io.statelessauth.example.storage.Database;
import io.statelessauth.example.testsupport.Eventually;
import io.statelessauth.example.testsupport.PostgresDatabase;
import io.statelessauth.example.testsupport.TestSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two revocation channels seen from a listener: what one instance publishes in a committed
 * transaction reaches it, what a rolled-back one published never does, and what it cannot read
 * for certain (rows deleted before it read them, a message it does not understand) clears the
 * whole cache rather than leave a revoked token in it.
 */
class RevocationChannelTest {

  @TempDir Path folder;

  /** What a cache was told: the hashes to forget, and how often to forget everything. */
  private static final class Recorder {
    final Set<String> forgotten = ConcurrentHashMap.newKeySet();
    final AtomicInteger clearedAll = new AtomicInteger();

    CacheInvalidator invalidator() {
      CacheInvalidator invalidator = new CacheInvalidator();
      invalidator.bind(forgotten::add, clearedAll::incrementAndGet, () -> { });
      return invalidator;
    }
  }

  private static List<String> hashes(int count) {
    List<String> hashes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      hashes.add(SecretTokens.hash(SecretTokens.generate()));
    }
    return hashes;
  }

  private static void publishCommitted(Database database, List<String> hashes) {
    database.transaction(connection -> {
      database.revocationChannel().publish(connection, hashes);
      return null;
    });
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Eventually.PROPAGATION.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(condition.getAsBoolean(), what);
  }

  private Database sqlite() throws SQLException {
    return TestSettings.database(folder.resolve("log.db"), 2);
  }

  @Test
  void sqliteDeliversCommittedRevocationsOnlyAndClearsNothingElse() throws Exception {
    Recorder recorder = new Recorder();
    try (Database database = sqlite();
        RevocationChannel.Listening listening =
            database.revocationChannel().listen(recorder.invalidator())) {
      deliversCommittedRevocationsOnly(database, recorder);
    }
  }

  /**
   * A revocation published in a transaction that rolls back is never delivered, and one committed
   * after it is; nothing clears the whole cache meanwhile.
   */
  private static void deliversCommittedRevocationsOnly(Database database, Recorder recorder)
      throws InterruptedException {
    int clearedAtStart = recorder.clearedAll.get();
    List<String> rolledBack = hashes(3);
    assertThrows(Database.DatabaseException.class, () -> database.transaction(connection -> {
      database.revocationChannel().publish(connection, rolledBack);
      throw new SQLException("rolled back on purpose", "40000");
    }));
    List<String> committed = hashes(3);

    publishCommitted(database, committed);

    await("the committed hashes arrive", () -> recorder.forgotten.containsAll(committed));
    assertTrue(rolledBack.stream().noneMatch(recorder.forgotten::contains));
    assertEquals(clearedAtStart, recorder.clearedAll.get());
  }

  @Test
  void sqliteClearsEverythingWhenRowsWentBeforeItReadThem() throws Exception {
    Recorder recorder = new Recorder();
    try (Database database = sqlite();
        RevocationChannel.Listening listening =
            database.revocationChannel().listen(recorder.invalidator())) {
      int clearedAtStart = recorder.clearedAll.get();

      // Published and deleted (as old rows are) in one transaction: no poll can see the row.
      database.transaction(connection -> {
        database.revocationChannel().publish(connection, hashes(1));
        try (Statement delete = connection.createStatement()) {
          delete.execute("DELETE FROM revocation_log");
        }
        return null;
      });

      await("the whole cache is cleared", () -> recorder.clearedAll.get() > clearedAtStart);
    }
  }

  @Test
  void sqliteClearsEverythingAtAGapInTheNumbers() throws Exception {
    Recorder recorder = new Recorder();
    try (Database database = sqlite();
        RevocationChannel.Listening listening =
            database.revocationChannel().listen(recorder.invalidator())) {
      int clearedAtStart = recorder.clearedAll.get();
      List<String> beyond = hashes(1);

      database.run(connection -> {
        try (Statement insert = connection.createStatement()) {
          insert.execute("INSERT INTO revocation_log (id, token_hash, revoked_at)"
              + " VALUES (1000, '" + beyond.get(0) + "', 0)");
        }
        return null;
      });

      await("the whole cache is cleared", () -> recorder.clearedAll.get() > clearedAtStart);
    }
  }

  @Test
  @EnabledIf("io.statelessauth.example.testsupport.PostgresDatabase#availableOrRequired")
  void postgresDeliversCommittedRevocationsOnly() throws Exception {
    Recorder recorder = new Recorder();
    try (PostgresDatabase schema = PostgresDatabase.emptySchema();
        Database database = Database.open(schema.url(), null, 2,
            Settings.defaults().busyTimeout(), Clock.systemUTC());
        RevocationChannel.Listening listening =
            database.revocationChannel().listen(recorder.invalidator())) {
      deliversCommittedRevocationsOnly(database, recorder);
    }
  }

  @Test
  @EnabledIf("io.statelessauth.example.testsupport.PostgresDatabase#availableOrRequired")
  void postgresDeliversEveryHashOfALargeRevocationInSeveralNotifications() throws Exception {
    Recorder recorder = new Recorder();
    try (PostgresDatabase schema = PostgresDatabase.emptySchema();
        Database database = Database.open(schema.url(), null, 2,
            Settings.defaults().busyTimeout(), Clock.systemUTC());
        RevocationChannel.Listening listening =
            database.revocationChannel().listen(recorder.invalidator())) {
      List<String> many = hashes(2 * PostgresRevocations.HASHES_PER_NOTIFICATION + 50);

      publishCommitted(database, many);

      await("every hash arrives", () -> recorder.forgotten.containsAll(many));
      assertEquals(0, recorder.clearedAll.get());
    }
  }

  @Test
  @EnabledIf("io.statelessauth.example.testsupport.PostgresDatabase#availableOrRequired")
  void postgresClearsEverythingOnAMessageItDoesNotUnderstand() throws Exception {
    Recorder recorder = new Recorder();
    try (PostgresDatabase schema = PostgresDatabase.emptySchema();
        Database database = Database.open(schema.url(), null, 2,
            Settings.defaults().busyTimeout(), Clock.systemUTC());
        RevocationChannel.Listening listening =
            database.revocationChannel().listen(recorder.invalidator());
        Connection connection = schema.connect();
        Statement notify = connection.createStatement()) {

      notify.execute("NOTIFY " + PostgresRevocations.CHANNEL + ", 'everything, please'");

      await("the whole cache is cleared", () -> recorder.clearedAll.get() == 1);
      assertEquals(Set.of(), recorder.forgotten);
    }
  }
}
