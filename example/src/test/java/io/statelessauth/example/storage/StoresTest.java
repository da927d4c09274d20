package io.statelessauth.example.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.SecretTokens;
import io.statelessauth.example.revocation.CacheInvalidator;
import io.statelessauth.example.revocation.Revocations;
import io.statelessauth.example.testsupport.MutableClock;
import io.statelessauth.example.testsupport.TestSettings;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoresTest {

  @TempDir Path folder;

  private final MutableClock clock = new MutableClock();
  /** The hashes this instance's cache was told to forget, in order. */
  private final List<String> forgotten = new CopyOnWriteArrayList<>();
  private Database database;
  private UserStore users;
  private TokenStore tokens;

  @BeforeEach
  void open() throws SQLException {
    database = TestSettings.database(file(), 4);
    CacheInvalidator cache = new CacheInvalidator();
    cache.bind(forgotten::add, () -> forgotten.add("everything"), () -> { });
    Revocations revocations = new Revocations(database, cache);
    users = new UserStore(database, revocations);
    tokens = new TokenStore(database, revocations, clock,
        Duration.ofHours(1), Duration.ofDays(365), Duration.ofDays(400));
    users.create("alice", "hash-of-alice");
  }

  private static List<String> hashes(IssuedTokens... pairs) {
    List<String> hashes = new ArrayList<>();
    for (IssuedTokens pair : pairs) {
      hashes.add(SecretTokens.hash(pair.accessToken()));
      hashes.add(SecretTokens.hash(pair.refreshToken()));
    }
    return hashes;
  }

  @AfterEach
  void close() {
    database.close();
  }

  private Path file() {
    return folder.resolve("stores.db");
  }

  @Test
  void creatingTheSchemaAgainKeepsTheData() throws SQLException {
    try (Database again = TestSettings.database(file(), 1)) {
      assertEquals(Optional.of("hash-of-alice"),
          new UserStore(again, TestSettings.revocations(again)).passwordHash("alice"));
    }
  }

  @Test
  void aTakenNameIsNotCreatedTwice() {
    assertFalse(users.create("alice", "other hash"));
    assertEquals(Optional.of("hash-of-alice"), users.passwordHash("alice"));
  }

  @Test
  void issuedTokensAreFoundByTheirType() {
    IssuedTokens issued = tokens.issue("alice");

    Token access = tokens.find(issued.accessToken(), TokenStore.ACCESS).orElseThrow();
    Token refresh = tokens.find(issued.refreshToken(), TokenStore.REFRESH).orElseThrow();

    assertEquals("alice", access.username());
    assertEquals(access.pairId(), refresh.pairId());
    assertFalse(access.expired());
    assertEquals(3600, issued.expiry());
  }

  @Test
  void aTokenIsNotFoundAsTheOtherTypeNorAsAnUnknownType() {
    IssuedTokens issued = tokens.issue("alice");

    assertTrue(tokens.find(issued.accessToken(), TokenStore.REFRESH).isEmpty());
    assertTrue(tokens.find(issued.refreshToken(), TokenStore.ACCESS).isEmpty());
    assertTrue(tokens.find(issued.accessToken(), "id").isEmpty());
  }

  @Test
  void onlyHashesOfTokensAreStored() {
    IssuedTokens issued = tokens.issue("alice");

    String table = database.run(connection -> {
      StringBuilder all = new StringBuilder();
      try (Statement select = connection.createStatement();
          ResultSet rows = select.executeQuery("SELECT * FROM token_pairs")) {
        while (rows.next()) {
          for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
            all.append(rows.getString(column)).append('|');
          }
        }
      }
      return all.toString();
    });

    assertFalse(table.contains(issued.accessToken()));
    assertFalse(table.contains(issued.refreshToken()));
    assertTrue(table.contains(SecretTokens.hash(issued.accessToken())));
  }

  @Test
  void tokensExpireAtTheEndOfTheirLifetime() {
    IssuedTokens issued = tokens.issue("alice");

    clock.advance(Duration.ofSeconds(3599));
    assertFalse(tokens.find(issued.accessToken(), TokenStore.ACCESS).orElseThrow().expired());
    clock.advance(Duration.ofSeconds(1));
    assertTrue(tokens.find(issued.accessToken(), TokenStore.ACCESS).orElseThrow().expired());
    assertFalse(tokens.find(issued.refreshToken(), TokenStore.REFRESH).orElseThrow().expired());
  }

  @Test
  void eachLoginGetsItsOwnPair() {
    IssuedTokens phone = tokens.issue("alice");
    IssuedTokens laptop = tokens.issue("alice");

    assertNotEquals(phone.accessToken(), laptop.accessToken());
    assertTrue(tokens.find(phone.accessToken(), TokenStore.ACCESS).isPresent());
    assertTrue(tokens.find(laptop.accessToken(), TokenStore.ACCESS).isPresent());
  }

  @Test
  void loginDropsTheUsersPairsWhoseRefreshTokenExpired() {
    IssuedTokens old = tokens.issue("alice");
    clock.advance(Duration.ofDays(365));

    tokens.issue("alice");

    assertTrue(tokens.find(old.refreshToken(), TokenStore.REFRESH).isEmpty());
  }

  @Test
  void rotationReplacesTheWholePair() {
    IssuedTokens old = tokens.issue("alice");
    Token refresh = tokens.find(old.refreshToken(), TokenStore.REFRESH).orElseThrow();

    IssuedTokens rotated = tokens.rotate(refresh).orElseThrow();

    assertTrue(tokens.find(old.accessToken(), TokenStore.ACCESS).isEmpty());
    assertTrue(tokens.find(old.refreshToken(), TokenStore.REFRESH).isEmpty());
    assertEquals("alice",
        tokens.find(rotated.accessToken(), TokenStore.ACCESS).orElseThrow().username());
    assertTrue(tokens.rotate(refresh).isEmpty(), "the old pair rotates only once");
  }

  @Test
  void concurrentRotationsOfOnePairIssueOnePair() throws Exception {
    Token refresh = tokens.find(tokens.issue("alice").refreshToken(), TokenStore.REFRESH)
        .orElseThrow();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Optional<IssuedTokens>>> rotations = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        rotations.add(() -> tokens.rotate(refresh));
      }
      long issued = 0;
      for (Future<Optional<IssuedTokens>> result : pool.invokeAll(rotations)) {
        issued += result.get().isPresent() ? 1 : 0;
      }
      assertEquals(1, issued);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void revocationEndsBothTokensOfThePairOnly() {
    IssuedTokens revoked = tokens.issue("alice");
    IssuedTokens kept = tokens.issue("alice");

    assertTrue(tokens.revoke(tokens.find(revoked.accessToken(), TokenStore.ACCESS).orElseThrow()));

    assertTrue(tokens.find(revoked.accessToken(), TokenStore.ACCESS).isEmpty());
    assertTrue(tokens.find(revoked.refreshToken(), TokenStore.REFRESH).isEmpty());
    assertTrue(tokens.find(kept.accessToken(), TokenStore.ACCESS).isPresent());
  }

  @Test
  void eachRevocationMakesTheCacheForgetExactlyTheTokensItRevoked() {
    IssuedTokens phone = tokens.issue("alice");
    IssuedTokens laptop = tokens.issue("alice");

    tokens.revoke(tokens.find(phone.accessToken(), TokenStore.ACCESS).orElseThrow());
    assertEquals(hashes(phone), forgotten, "logout: the pair");

    forgotten.clear();
    IssuedTokens rotated = tokens.rotate(
        tokens.find(laptop.refreshToken(), TokenStore.REFRESH).orElseThrow()).orElseThrow();
    assertEquals(hashes(laptop), forgotten, "rotation: the old pair");

    forgotten.clear();
    assertTrue(tokens.revokeFamilyIfReplayed(laptop.refreshToken()));
    assertEquals(hashes(rotated), forgotten, "a replay: the family's pairs");
  }

  @Test
  void deletingAUserMakesTheCacheForgetEveryPairOfTheirs() {
    IssuedTokens phone = tokens.issue("alice");
    IssuedTokens laptop = tokens.issue("alice");

    tokens.deleteUser("alice");

    assertEquals(Set.copyOf(hashes(phone, laptop)), Set.copyOf(forgotten));
    assertEquals(4, forgotten.size());
  }

  @Test
  void anEleventhLoginEndsTheOldestSessionAndTheCacheForgetsIt() {
    List<IssuedTokens> logins = new ArrayList<>();
    for (int i = 0; i < TokenStore.MAX_SESSIONS; i++) {
      clock.advance(Duration.ofSeconds(1));
      logins.add(tokens.issue("alice"));
    }
    assertEquals(List.of(), forgotten);

    clock.advance(Duration.ofSeconds(1));
    IssuedTokens eleventh = tokens.issue("alice");

    assertEquals(hashes(logins.get(0)), forgotten, "the oldest session, and only it");
    assertTrue(tokens.find(logins.get(0).accessToken(), TokenStore.ACCESS).isEmpty());
    assertTrue(tokens.find(logins.get(1).refreshToken(), TokenStore.REFRESH).isPresent());
    assertTrue(tokens.find(eleventh.accessToken(), TokenStore.ACCESS).isPresent());
  }

  @Test
  void aRotatedSessionCountsOnceAndKeepsItsPlaceByItsLogin() {
    IssuedTokens oldest = tokens.issue("alice");
    for (int i = 0; i < TokenStore.MAX_SESSIONS - 1; i++) {
      clock.advance(Duration.ofSeconds(1));
      tokens.issue("alice");
    }
    clock.advance(Duration.ofSeconds(1));
    IssuedTokens rotated = tokens.rotate(
        tokens.find(oldest.refreshToken(), TokenStore.REFRESH).orElseThrow()).orElseThrow();
    forgotten.clear();

    tokens.issue("alice");

    assertTrue(tokens.find(rotated.accessToken(), TokenStore.ACCESS).isEmpty(),
        "the session of the first login is the oldest, however recently it rotated");
  }

  @Test
  void deletingAUserWithManyPairsRevokesThemInTransactionsOfABatchEach() throws SQLException {
    int pairs = 2 * TokenStore.BATCH + 500;
    seedPairs("alice", pairs);
    List<Integer> remainingWhenForgotten = new CopyOnWriteArrayList<>();
    CacheInvalidator cache = new CacheInvalidator();
    List<String> seen = new ArrayList<>();
    cache.bind(hash -> {
      if (seen.size() % (2 * TokenStore.BATCH) == 0) {
        remainingWhenForgotten.add(pairsOf("alice"));
      }
      seen.add(hash);
    }, () -> { }, () -> { });
    TokenStore batched = new TokenStore(database, new Revocations(database, cache), clock,
        Duration.ofHours(1), Duration.ofDays(365), Duration.ofDays(400));

    assertTrue(batched.deleteUser("alice"));

    assertEquals(2 * pairs, seen.size(), "every token forgotten");
    assertEquals(List.of(pairs - TokenStore.BATCH, pairs - 2 * TokenStore.BATCH, 0),
        remainingWhenForgotten, "each batch committed (and forgotten) before the next began");
    assertTrue(users.find("alice").isEmpty());
  }

  private void seedPairs(String username, int count) {
    database.transaction(connection -> {
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO token_pairs (id, username, access_hash, refresh_hash, access_expires_at,"
              + " refresh_expires_at, family_id, session_expires_at)"
              + " VALUES (?, ?, ?, ?, 4102444800, 4102444800, ?, 4102444800)")) {
        for (int i = 0; i < count; i++) {
          insert.setString(1, "seeded-" + i);
          insert.setString(2, username);
          insert.setString(3, "access-" + i);
          insert.setString(4, "refresh-" + i);
          insert.setString(5, "family-" + i);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      return null;
    });
  }

  private int pairsOf(String username) {
    return database.run(connection -> {
      try (PreparedStatement count = connection.prepareStatement(
          "SELECT COUNT(*) FROM token_pairs WHERE username = ?")) {
        count.setString(1, username);
        try (ResultSet row = count.executeQuery()) {
          row.next();
          return row.getInt(1);
        }
      }
    });
  }

  @Test
  void aRoleChangeMakesTheCacheForgetTheUsersTokensAndNoChangeForgetsNothing() {
    IssuedTokens issued = tokens.issue("alice");

    assertEquals(UserStore.RoleChange.CHANGED, users.setRole("alice", User.ADMIN, true));
    assertEquals(hashes(issued), forgotten);
    assertEquals(Set.of(User.ADMIN), users.find("alice").orElseThrow().roles());

    forgotten.clear();
    assertEquals(UserStore.RoleChange.UNCHANGED, users.setRole("alice", User.ADMIN, true));
    assertEquals(UserStore.RoleChange.NO_SUCH_USER, users.setRole("bob", User.ADMIN, true));
    assertEquals(List.of(), forgotten);

    assertEquals(UserStore.RoleChange.CHANGED, users.setRole("alice", User.ADMIN, false));
    assertEquals(hashes(issued), forgotten);
    assertEquals(Set.of(), users.find("alice").orElseThrow().roles());
  }

  @Test
  void aRevocationThatFindsNothingForgetsNothing() {
    IssuedTokens issued = tokens.issue("alice");
    Token access = tokens.find(issued.accessToken(), TokenStore.ACCESS).orElseThrow();
    tokens.revoke(access);
    forgotten.clear();

    assertFalse(tokens.revoke(access));
    assertEquals(List.of(), forgotten);
  }

  @Test
  void deletingAUserDeletesTheirTokensThroughTheForeignKey() {
    IssuedTokens issued = tokens.issue("alice");

    assertTrue(tokens.deleteUser("alice"));

    assertTrue(users.find("alice").isEmpty());
    assertTrue(tokens.find(issued.accessToken(), TokenStore.ACCESS).isEmpty());
  }
}
