package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.AuthListener;
import io.statelessauth.example.accounts.Accounts;
import io.statelessauth.example.accounts.Credentials;
import io.statelessauth.example.accounts.Passwords;
import io.statelessauth.example.cli.Settings;
import io.statelessauth.example.cli.Settings.Limits;
import io.statelessauth.example.protection.ClientAddress;
import io.statelessauth.example.protection.Throttle;
import io.statelessauth.example.routes.ApiError;
import io.statelessauth.example.storage.Database;
import io.statelessauth.example.storage.TokenStore;
import io.statelessauth.example.storage.UserStore;
import io.statelessauth.example.testsupport.InetAddresses;
import io.statelessauth.example.testsupport.MutableClock;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Response;
import io.statelessauth.example.testsupport.TestSettings;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What stops password guessing and CPU exhaustion: concurrent hashing bounded (503 beyond it),
 * failed logins throttled per name and per client address, registrations per client address
 * (429 with {@code Retry-After}), in memory that does not grow without bound. The routes run in
 * memory through the test kit; the busy service is tested over real concurrent connections.
 */
class ThrottleTest {

  private static final String PASSWORD = "correct horse battery staple";

  @TempDir Path folder;

  private final MutableClock clock = new MutableClock();
  private Database database;

  private Settings settings(Limits limits) {
    return TestSettings.sqlite(folder.resolve("throttle.db")).withLimits(limits);
  }

  /** The service in memory, its routes run through the test kit. */
  private ExampleServer.Service open(Limits limits) throws Exception {
    return ExampleServer.open(settings(limits), clock, AuthListener.NONE);
  }

  /** A running server, for what only concurrent connections show. */
  private ExampleServer start(Limits limits) throws Exception {
    return ExampleServer.start(settings(limits), clock);
  }

  private static void assertTooMany(Response response, String retryAfter) {
    assertEquals(429, response.status(), response.body());
    assertEquals(retryAfter, response.header("Retry-After"));
    assertEquals("Too many attempts, try again later", response.json().get("error").textValue());
  }

  @Test
  void aNameThatFailedTooOftenAnswers429UntilItRegainsAnAttemptEvenForTheRightPassword()
      throws Exception {
    try (ExampleServer.Service service = open(new Limits(4, 3, 0, 0, 0))) {
      ServiceClient client = new ServiceClient(service.router());
      assertEquals(201, client.register("alice", PASSWORD).status());
      for (int i = 0; i < 3; i++) {
        assertEquals(401, client.createToken("alice", "wrong password").status());
      }

      assertTooMany(client.createToken("alice", PASSWORD), "60");
      assertTooMany(client.createToken("alice", "wrong password"), "60");
      assertEquals(201, client.register("bob", PASSWORD).status());
      assertEquals(201, client.createToken("bob", PASSWORD).status(), "other names go on");

      clock.advance(Limits.NAME_REFILL);
      assertEquals(201, client.createToken("alice", PASSWORD).status());
      assertEquals(401, client.createToken("alice", "wrong password").status(),
          "a success forgives the name");
    }
  }

  @Test
  void unknownNamesAreThrottledLikeKnownOnesSoThe429RevealsNothing() throws Exception {
    try (ExampleServer.Service service = open(new Limits(4, 2, 0, 0, 0))) {
      ServiceClient client = new ServiceClient(service.router());
      for (int i = 0; i < 2; i++) {
        assertEquals(401, client.createToken("nobody", "wrong password").status());
      }

      assertTooMany(client.createToken("nobody", "wrong password"), "60");
    }
  }

  @Test
  void anAddressThatFailedTooOftenAnswers429ForEveryName() throws Exception {
    try (ExampleServer.Service service = open(new Limits(4, 0, 5, 0, 0))) {
      ServiceClient client = new ServiceClient(service.router());
      assertEquals(201, client.register("carol", PASSWORD).status());
      for (int i = 0; i < 5; i++) {
        assertEquals(401, client.createToken("guess" + i, "wrong password").status());
      }

      assertTooMany(client.createToken("carol", PASSWORD), "6");

      clock.advance(Limits.ADDRESS_REFILL);
      assertEquals(201, client.createToken("carol", PASSWORD).status());
    }
  }

  @Test
  void anAddressThatRegisteredTooOftenAnswers429AndTakenNamesCountToo() throws Exception {
    try (ExampleServer.Service service = open(new Limits(4, 0, 0, 3, 0))) {
      ServiceClient client = new ServiceClient(service.router());
      assertEquals(201, client.register("dave", PASSWORD).status());
      assertEquals(409, client.register("dave", PASSWORD).status());
      assertEquals(201, client.register("erin", PASSWORD).status());

      assertTooMany(client.register("frank", PASSWORD), "360");
      assertTooMany(client.register("dave", PASSWORD), "360");

      clock.advance(Limits.REGISTRATION_REFILL);
      assertEquals(201, client.register("frank", PASSWORD).status());
    }
  }

  @Test
  void aRefusedRequestNeitherHashesNorCountsAsAnotherFailure() throws Exception {
    try (ExampleServer.Service service = open(new Limits(4, 1, 0, 0, 0))) {
      ServiceClient client = new ServiceClient(service.router());
      assertEquals(401, client.createToken("gina", "wrong password").status());
      for (int i = 0; i < 10; i++) {
        assertEquals(429, client.createToken("gina", "wrong password").status());
      }

      clock.advance(Limits.NAME_REFILL);
      assertEquals(401, client.createToken("gina", "wrong password").status(),
          "the refused attempts did not push the next one further away");
    }
  }

  @Test
  void aLoginWaitsForAHashSlotAndAnotherNamesLoginGoesBeforeTheSameNamesNext(@TempDir Path own)
      throws Exception {
    List<String> hashed = Collections.synchronizedList(new ArrayList<>());
    Semaphore turns = new Semaphore(0);
    Passwords oneAtATurn = new Passwords(1_000, (password, salt, iterations) -> {
      hashed.add(password);
      await(turns);
      return Passwords.Pbkdf2.JDK.derive(password, salt, iterations);
    });
    Accounts accounts = accounts(own, oneAtATurn, new Limits(1, 0, 0, 0, 0), 4);
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      Future<ApiError> first = threads.submit(() -> assertThrows(ApiError.class,
          () -> accounts.login(new Credentials("henry", "henry's first"), address("192.0.2.1"))));
      Thread.sleep(200);
      Future<ApiError> again = threads.submit(() -> assertThrows(ApiError.class,
          () -> accounts.login(new Credentials("henry", "henry's second"), address("192.0.2.2"))));
      Thread.sleep(200);
      Future<ApiError> other = threads.submit(() -> assertThrows(ApiError.class,
          () -> accounts.login(new Credentials("ida", "ida's only"), address("192.0.2.3"))));
      Thread.sleep(200);
      turns.release(3);

      assertEquals(401, first.get(10, TimeUnit.SECONDS).status());
      assertEquals(401, other.get(10, TimeUnit.SECONDS).status(), "waited instead of a 503");
      assertEquals(401, again.get(10, TimeUnit.SECONDS).status());
      assertEquals(List.of("henry's first", "ida's only", "henry's second"), hashed,
          "one hash per name at a time, and the queue is first come, first served");
    } finally {
      turns.release(100);
      threads.shutdownNow();
    }
  }

  @Test
  void aNameThatCannotExistIs401BeforeAnyThrottleOrLookup(@TempDir Path own) throws Exception {
    AtomicInteger hashes = new AtomicInteger();
    Passwords counting = new Passwords(1_000, (password, salt, iterations) -> {
      hashes.incrementAndGet();
      return Passwords.Pbkdf2.JDK.derive(password, salt, iterations);
    });
    Accounts accounts = accounts(own, counting, new Limits(1, 1, 1, 0, 0), 1);
    database.close();
    for (String name : List.of("nul\u0000name", "", " alice", "alice\u00a0smith", "eve\ud800",
        "n".repeat(65), "tab\tname")) {
      for (int i = 0; i < 3; i++) {
        ApiError refused = assertThrows(ApiError.class,
            () -> accounts.login(new Credentials(name, PASSWORD), address("192.0.2.9")));
        assertEquals(401, refused.status(), name);
        assertEquals("Invalid username or password", refused.getMessage());
      }
    }
    assertEquals(0, hashes.get(), "nothing hashed, and the closed database never asked");
  }

  @Test
  void failuresFromOneIpv6NetworkAreCountedTogether() throws Exception {
    Accounts accounts = accounts(folder, new Passwords(1_000), new Limits(4, 0, 3, 2, 0), 4);
    for (String host : List.of("2001:db8:0:1::1", "2001:db8:0:1::2", "2001:db8:0:1:ffff::3")) {
      assertEquals(401, assertThrows(ApiError.class, () -> accounts.login(
          new Credentials("guess", "wrong password"), address(host))).status());
    }

    ApiError sameNetwork = assertThrows(ApiError.class, () -> accounts.login(
        new Credentials("guess", "wrong password"), address("2001:db8:0:1:abcd::4")));
    ApiError otherNetwork = assertThrows(ApiError.class, () -> accounts.login(
        new Credentials("guess", "wrong password"), address("2001:db8:0:2::1")));

    assertEquals(429, sameNetwork.status());
    assertEquals(401, otherNetwork.status());
    accounts.register(new Credentials("kim", PASSWORD), address("2001:db8:0:3::1"));
    accounts.register(new Credentials("lee", PASSWORD), address("2001:db8:0:3::2"));
    assertEquals(429, assertThrows(ApiError.class, () -> accounts.register(
        new Credentials("max", PASSWORD), address("2001:db8:0:3::3"))).status(),
        "registrations too");
  }

  @Test
  void anIpv6ClientIsKeyedOnItsSlash64AndAnIpv4ClientOnItsAddress() {
    assertEquals("2001:db8:0:1:0:0:0:0/64", ClientAddress.key(address("2001:db8:0:1:2:3:4:5")));
    assertEquals(ClientAddress.key(address("2001:db8:0:1::1")),
        ClientAddress.key(address("2001:db8:0:1:ffff:ffff:ffff:ffff")));
    assertEquals("192.0.2.1", ClientAddress.key(address("192.0.2.1")));
    assertEquals("192.0.2.1", ClientAddress.key(address("::ffff:192.0.2.1")));
    assertNotEquals(ClientAddress.key(address("2001:db8:0:1::1")),
        ClientAddress.key(address("2001:db8:0:2::1")));
  }

  @Test
  void successfulLoginsPerNameAreThrottledToo() throws Exception {
    try (ExampleServer.Service service = open(new Limits(4, 0, 0, 0, 2))) {
      ServiceClient client = new ServiceClient(service.router());
      assertEquals(201, client.register("nina", PASSWORD).status());
      assertEquals(201, client.register("olga", PASSWORD).status());
      assertEquals(201, client.createToken("nina", PASSWORD).status());
      assertEquals(201, client.createToken("nina", PASSWORD).status());

      assertTooMany(client.createToken("nina", PASSWORD), "60");
      assertEquals(201, client.createToken("olga", PASSWORD).status(), "other names go on");

      clock.advance(Limits.LOGIN_REFILL);
      assertEquals(201, client.createToken("nina", PASSWORD).status());
    }
  }

  @Test
  void aKeyWhoseEventsAreAllRegainedIsDropped() {
    Throttle throttle = new Throttle(2, Duration.ofSeconds(10), 100, clock);
    throttle.record("k");
    throttle.record("k");
    throttle.record("j");
    assertEquals(2, throttle.size());

    clock.advance(Duration.ofSeconds(20));
    throttle.record("new");

    assertEquals(1, throttle.size(), "k and j regained everything and were dropped");
    clock.advance(Duration.ofSeconds(10));
    assertEquals(Optional.empty(), throttle.retryAfter("new"));
    assertEquals(0, throttle.size());
  }

  @Test
  void aBusyServiceAnswers503AsJsonWithRetryAfterOverHttp() throws Exception {
    Response response;
    try (ExampleServer server = start(new Limits(1, 0, 0, 0, 0))) {
      ServiceClient client = new ServiceClient(server.uri());
      assertEquals(201, client.register("jack", PASSWORD).status());
      response = null;
      // One login hashes, eight wait (half the handler slots), and the others find the queue full.
      ExecutorService threads = Executors.newFixedThreadPool(16);
      try {
        for (int round = 0; round < 50 && response == null; round++) {
          List<Callable<Response>> logins =
              Collections.nCopies(16, () -> client.createToken("jack", PASSWORD));
          List<Future<Response>> answers = threads.invokeAll(logins);
          for (Future<Response> answer : answers) {
            if (answer.get().status() == 503) {
              response = answer.get();
            }
          }
        }
      } finally {
        threads.shutdownNow();
      }
    }
    assertNotNull(response, "sixteen logins at once never met a full queue");
    assertEquals("1", response.header("Retry-After"));
    assertEquals("Server busy, try again later", response.json().get("error").textValue());
  }

  @Test
  void theThrottleForgetsTheLeastRecentlyUsedKeysBeyondItsBound() {
    Throttle throttle = new Throttle(1, Duration.ofHours(1), 3, clock);
    throttle.record("a");
    throttle.record("b");
    throttle.record("c");
    throttle.retryAfter("a");

    throttle.record("d");

    assertTrue(throttle.retryAfter("a").isPresent(), "a was used recently");
    assertEquals(Optional.empty(), throttle.retryAfter("b"), "b was forgotten");
    assertTrue(throttle.retryAfter("d").isPresent());
  }

  @Test
  void aThrottleRegainsOneEventPerRefillUpToItsBurst() {
    Throttle throttle = new Throttle(2, Duration.ofSeconds(10), 100, clock);
    throttle.record("k");
    throttle.record("k");
    assertEquals(Optional.of(Duration.ofSeconds(10)), throttle.retryAfter("k"));

    clock.advance(Duration.ofSeconds(4));
    assertEquals(Optional.of(Duration.ofSeconds(6)), throttle.retryAfter("k"));
    clock.advance(Duration.ofSeconds(6));
    assertEquals(Optional.empty(), throttle.retryAfter("k"));
    throttle.record("k");
    assertTrue(throttle.retryAfter("k").isPresent(), "one regained, one used");
    clock.advance(Duration.ofDays(1));
    throttle.record("k");
    assertEquals(Optional.empty(), throttle.retryAfter("k"), "never more than the burst regained");
  }

  private Accounts accounts(Path own, Passwords passwords, Limits limits, int hashQueue)
      throws SQLException {
    database = TestSettings.database(own.resolve("accounts.db"), 2);
    UserStore users = new UserStore(database, TestSettings.revocations(database));
    TokenStore tokens = new TokenStore(database, TestSettings.revocations(database), clock,
        Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(30));
    return new Accounts(users, tokens, passwords, limits, hashQueue, clock);
  }

  @AfterEach
  void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  private static InetAddress address(String literal) {
    return InetAddresses.of(literal);
  }

  private static void await(Semaphore turns) {
    try {
      turns.tryAcquire(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
