package io.statelessauth.example.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.example.routes.ApiError;
import io.statelessauth.example.storage.Database;
import io.statelessauth.example.storage.TokenStore;
import io.statelessauth.example.storage.UserStore;
import io.statelessauth.example.testsupport.InetAddresses;
import io.statelessauth.example.testsupport.MutableClock;
import io.statelessauth.example.testsupport.TestSettings;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a login costs, counted in PBKDF2 iterations rather than timed: every attempt, with a
 * wrong name or a wrong password, costs the configured count, also for a password stored at an
 * older, lower count; and a successful login stores the password again at the configured count.
 * (The times themselves are measured by {@code example/load/login-timing.sh}.)
 */
class PasswordCostTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static final InetAddress ADDRESS = InetAddresses.of("192.0.2.7");

  @TempDir Path folder;

  private final AtomicLong iterations = new AtomicLong();
  private final Passwords.Pbkdf2 counting = (password, salt, count) -> {
    iterations.addAndGet(count);
    return Passwords.Pbkdf2.JDK.derive(password, salt, count);
  };
  private Database database;

  @AfterEach
  void close() {
    database.close();
  }

  private Accounts accounts(int configured) throws SQLException {
    if (database == null) {
      database = TestSettings.database(folder.resolve("cost.db"), 2);
    }
    TokenStore tokens = new TokenStore(database, TestSettings.revocations(database),
        new MutableClock(), Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(30));
    return new Accounts(new UserStore(database, TestSettings.revocations(database)), tokens,
        new Passwords(configured, counting), TestSettings.UNLIMITED, 8, new MutableClock());
  }

  private long iterationsOf(Runnable attempt) {
    iterations.set(0);
    attempt.run();
    return iterations.get();
  }

  private static void failsWith401(Runnable attempt) {
    ApiError error = assertThrows(ApiError.class, attempt::run);
    assertEquals(401, error.status());
  }

  @Test
  void anUnknownNameCostsWhatAWrongPasswordCosts() throws SQLException {
    Accounts accounts = accounts(3_000);
    accounts.register(new Credentials("alice", PASSWORD), ADDRESS);

    long wrongPassword = iterationsOf(() -> failsWith401(
        () -> accounts.login(new Credentials("alice", "wrong password"), ADDRESS)));
    long unknownName = iterationsOf(() -> failsWith401(
        () -> accounts.login(new Credentials("nobody", PASSWORD), ADDRESS)));

    assertEquals(3_000, wrongPassword);
    assertEquals(3_000, unknownName);
  }

  @Test
  void afterTheCountIsRaisedAnOldHashCostsTheNewCountAndAnUnknownNameToo() throws SQLException {
    accounts(1_000).register(new Credentials("bob", PASSWORD), ADDRESS);
    Accounts raised = accounts(4_000);

    long oldHashWrongPassword = iterationsOf(() -> failsWith401(
        () -> raised.login(new Credentials("bob", "wrong password"), ADDRESS)));
    long unknownName = iterationsOf(() -> failsWith401(
        () -> raised.login(new Credentials("nobody", PASSWORD), ADDRESS)));

    assertEquals(4_000, oldHashWrongPassword);
    assertEquals(4_000, unknownName);
  }

  @Test
  void aSuccessfulLoginStoresAHashAtTheConfiguredCount() throws SQLException {
    accounts(1_000).register(new Credentials("carol", PASSWORD), ADDRESS);
    UserStore users = new UserStore(database, TestSettings.revocations(database));
    assertTrue(users.passwordHash("carol").orElseThrow().startsWith("pbkdf2-sha256$1000$"));

    accounts(2_000).login(new Credentials("carol", PASSWORD), ADDRESS);

    String stored = users.passwordHash("carol").orElseThrow();
    assertTrue(stored.startsWith("pbkdf2-sha256$2000$"), stored);
    Accounts configured = accounts(2_000);
    long next = iterationsOf(() -> configured.login(new Credentials("carol", PASSWORD), ADDRESS));
    assertEquals(2_000, next, "no second rehash once the count is the configured one");
  }

  @Test
  void aFailedLoginLeavesTheStoredHashAlone() throws SQLException {
    accounts(1_000).register(new Credentials("dave", PASSWORD), ADDRESS);
    UserStore users = new UserStore(database, TestSettings.revocations(database));
    String before = users.passwordHash("dave").orElseThrow();

    Accounts raised = accounts(2_000);
    failsWith401(() -> raised.login(new Credentials("dave", "wrong password"), ADDRESS));

    assertEquals(before, users.passwordHash("dave").orElseThrow());
  }
}
