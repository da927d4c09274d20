package io.statelessauth.example.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.example.routes.ApiError;
import io.statelessauth.example.storage.Database;
import io.statelessauth.example.storage.IssuedTokens;
import io.statelessauth.example.storage.TokenStore;
import io.statelessauth.example.storage.UserStore;
import io.statelessauth.example.testsupport.InetAddresses;
import io.statelessauth.example.testsupport.MutableClock;
import io.statelessauth.example.testsupport.TestSettings;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountsTest {

  private static final InetAddress ADDRESS = InetAddresses.of("192.0.2.1");

  @TempDir Path folder;

  private Database database;
  private Accounts accounts;

  @BeforeEach
  void open() throws SQLException {
    database = TestSettings.database(folder.resolve("accounts.db"), 2);
    UserStore users = new UserStore(database, TestSettings.revocations(database));
    TokenStore tokens = new TokenStore(database, TestSettings.revocations(database),
        new MutableClock(), Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(30));
    accounts = new Accounts(users, tokens, new Passwords(1_000), TestSettings.UNLIMITED, 8,
        new MutableClock());
    accounts.register(new Credentials("alice", "correct horse"), ADDRESS);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void theRightPasswordLogsIn() {
    IssuedTokens issued = accounts.login(new Credentials("alice", "correct horse"), ADDRESS);

    assertEquals(43, issued.accessToken().length());
    assertEquals(43, issued.refreshToken().length());
  }

  @Test
  void aWrongPasswordAndAnUnknownNameGetTheSameAnswer() {
    ApiError wrongPassword = assertThrows(ApiError.class,
        () -> accounts.login(new Credentials("alice", "wrong horse"), ADDRESS));
    ApiError unknownName = assertThrows(ApiError.class,
        () -> accounts.login(new Credentials("bob", "correct horse"), ADDRESS));

    assertEquals(401, wrongPassword.status());
    assertEquals(wrongPassword.status(), unknownName.status());
    assertEquals(wrongPassword.getMessage(), unknownName.getMessage());
  }

  @Test
  void aTakenNameIsAConflict() {
    ApiError error = assertThrows(ApiError.class,
        () -> accounts.register(new Credentials("alice", "another password"), ADDRESS));

    assertEquals(409, error.status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "tab\tname",
      "a-name-of-sixty-five-characters-is-one-more-than-the-limit-of-64x"})
  void badNamesAreRefused(String username) {
    ApiError error = assertThrows(ApiError.class,
        () -> accounts.register(new Credentials(username, "correct horse"), ADDRESS));

    assertEquals(400, error.status());
  }

  @Test
  void shortPasswordsAreRefused() {
    ApiError error = assertThrows(ApiError.class,
        () -> accounts.register(new Credentials("bob", "1234567"), ADDRESS));

    assertEquals(400, error.status());
    assertTrue(error.getMessage().contains("8"), error.getMessage());
  }

  @Test
  void credentialsNeverShowThePassword() {
    assertEquals("Credentials[username=alice, password=********]",
        new Credentials("alice", "correct horse").toString());
  }
}
