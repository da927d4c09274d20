package io.statelessauth.example.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statelessauth.example.ExampleServer;
import io.statelessauth.example.cli.Settings;
import io.statelessauth.example.cli.Settings.AdminChanges;
import io.statelessauth.example.testsupport.Eventually;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.ServiceClient.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two instances over one database, each with its authentication cache: whatever makes a token
 * invalid on one (logout, rotation, a replayed refresh token, the user's deletion, a role taken
 * away, an API key revoked) is refused at once on that instance and, within a bounded wait, on
 * the other, which held the token in its cache. The subclasses run these over PostgreSQL (notifications) and over one
 * SQLite file shared by two processes (the polled log).
 *
 * <p>{@link #one()} is an instance in the test's JVM, where users register and log in (hashing
 * passwords at the tests' low cost); {@link #two()} is the other one. The user {@value #OPS}, an
 * administrator on both, reads the caches' counters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CrossInstanceRevocationTests {

  static final String PASSWORD = "correct horse battery staple";
  /** The administrator who reads the caches' counters. */
  static final String OPS = "ops";
  /** What makes {@value #OPS} an administrator. */
  static final AdminChanges OPS_IS_ADMIN = new AdminChanges(Set.of(OPS), Set.of());

  private static final AtomicInteger USERS = new AtomicInteger();

  private ServiceClient one;
  private ServiceClient two;
  private String opsToken;

  /** Registers {@value #OPS} on a first instance over the database of {@code settings}. */
  static void registerOps(Settings settings) throws Exception {
    try (ExampleServer first = ExampleServer.start(settings)) {
      assertEquals(201, new ServiceClient(first.uri()).register(OPS, PASSWORD).status());
    }
  }

  /**
   * The two instances the tests use, both started with {@link #OPS_IS_ADMIN}: {@code one} in this
   * JVM, {@code two} another.
   */
  void serving(ServiceClient one, ServiceClient two) {
    this.one = one;
    this.two = two;
    this.opsToken = one.login(OPS, PASSWORD).access();
  }

  /** Starts a third instance over the same database with {@code admins}, then stops it. */
  abstract void startAndStopAnotherWith(AdminChanges admins) throws Exception;

  /** A client of the instance in the test's JVM. */
  ServiceClient one() {
    return one;
  }

  /** A client of the other instance. */
  ServiceClient two() {
    return two;
  }

  private String newUser() {
    String username = "user" + USERS.incrementAndGet() + "-" + getClass().getSimpleName();
    assertEquals(201, one().register(username, PASSWORD).status());
    return username;
  }

  /** Uses {@code token} on both instances, so that each caches it. */
  private void cacheOnBoth(String path, String token) {
    assertEquals(200, one().bearer("GET", path, token).status());
    assertEquals(200, two().bearer("GET", path, token).status());
  }

  private Response whoami(ServiceClient instance, String token) {
    return instance.bearer("GET", "/whoami", token);
  }

  @Test
  void aLogoutOnOneIsRefusedThereAtOnceAndOnTheOtherSoonAfter() {
    Pair pair = one().login(newUser(), PASSWORD);
    cacheOnBoth("/whoami", pair.access());

    assertEquals(200, two().bearer("DELETE", "/delete_token", pair.access()).status());

    assertEquals(401, whoami(two(), pair.access()).status(), "refused at once where revoked");
    Eventually.answers(401, () -> whoami(one(), pair.access()));
    assertEquals(401, one().refresh(pair.refresh()).status());
  }

  @Test
  void aRotationOnOneRetiresTheOldAccessTokenOnTheOther() {
    Pair old = one().login(newUser(), PASSWORD);
    cacheOnBoth("/whoami", old.access());

    Pair rotated = ServiceClient.pair(two().refresh(old.refresh()));

    assertEquals(401, whoami(two(), old.access()).status());
    Eventually.answers(401, () -> whoami(one(), old.access()));
    assertEquals(200, whoami(one(), rotated.access()).status());
    assertEquals(200, whoami(two(), rotated.access()).status());
  }

  @Test
  void aReplayedRefreshTokenRevokesTheFamilyOnBoth() {
    Pair old = one().login(newUser(), PASSWORD);
    Pair rotated = ServiceClient.pair(one().refresh(old.refresh()));
    cacheOnBoth("/secret", rotated.access());

    assertEquals(401, two().refresh(old.refresh()).status(), "a replay");

    assertEquals(401, two().bearer("GET", "/secret", rotated.access()).status());
    Eventually.answers(401, () -> one().bearer("GET", "/secret", rotated.access()));
  }

  @Test
  void aDeletedUsersTokensAreRefusedOnTheOther() {
    String username = newUser();
    Pair phone = one().login(username, PASSWORD);
    Pair laptop = one().login(username, PASSWORD);
    cacheOnBoth("/whoami", phone.access());
    cacheOnBoth("/whoami", laptop.access());

    assertEquals(200, one().bearer("DELETE", "/user", phone.access()).status());

    assertEquals(401, whoami(one(), laptop.access()).status());
    Eventually.answers(401, () -> whoami(two(), phone.access()));
    Eventually.answers(401, () -> whoami(two(), laptop.access()));
  }

  @Test
  void aRoleTakenAwayAtAnotherInstancesStartReachesTheRunningOnes() throws Exception {
    String username = newUser();
    startAndStopAnotherWith(new AdminChanges(Set.of(username), Set.of()));
    Pair pair = one().login(username, PASSWORD);
    cacheOnBoth("/admin/users", pair.access());

    startAndStopAnotherWith(new AdminChanges(Set.of(), Set.of(username)));

    Eventually.answers(403, () -> one().bearer("GET", "/admin/users", pair.access()));
    Eventually.answers(403, () -> two().bearer("GET", "/admin/users", pair.access()));
    assertEquals(200, whoami(two(), pair.access()).status(), "the token itself still works");
  }

  @Test
  void anApiKeyMadeOnOneWorksOnBothUntilItsRevocationOnTheOtherReachesBoth() {
    Pair pair = one().login(newUser(), PASSWORD);
    Response created = one().createKey(pair.access(), "ci");
    assertEquals(201, created.status(), created.body());
    String key = created.json().get("api_key").textValue();
    String id = created.json().get("id").textValue();
    assertEquals(200, one().apiKey("GET", "/whoami", key).status());
    assertEquals(200, two().apiKey("GET", "/secret", key).status());

    Response listed = two().bearer("GET", "/api_keys", pair.access());
    assertEquals(id, listed.json().get("api_keys").get(0).get("id").textValue(), listed.body());
    assertFalse(listed.body().contains(key));
    Pair stranger = one().login(newUser(), PASSWORD);
    assertEquals(404, two().bearer("DELETE", "/api_keys/" + id, stranger.access()).status());
    assertEquals(200, one().apiKey("GET", "/whoami", key).status(), "a stranger revokes nothing");

    assertEquals(200, two().bearer("DELETE", "/api_keys/" + id, pair.access()).status());

    assertEquals(401, two().apiKey("GET", "/secret", key).status(), "refused at once where revoked");
    Eventually.answers(401, () -> one().apiKey("GET", "/whoami", key));
    assertEquals(200, whoami(one(), pair.access()).status(), "the access token still works");
  }

  @Test
  void deletingAUserOnOneRefusesTheirApiKeyOnTheOther() {
    Pair pair = one().login(newUser(), PASSWORD);
    Response created = one().createKey(pair.access(), "ci");
    assertEquals(201, created.status(), created.body());
    String key = created.json().get("api_key").textValue();
    assertEquals(200, two().apiKey("GET", "/whoami", key).status());

    assertEquals(200, one().bearer("DELETE", "/user", pair.access()).status());

    Eventually.answers(401, () -> two().apiKey("GET", "/whoami", key));
  }

  @Test
  void unknownTokensAreNeverCached() {
    JsonNode before = cacheCounters(two());

    for (int i = 0; i < 20; i++) {
      assertEquals(401, whoami(two(), "unknown-token-" + i % 5).status());
    }

    JsonNode after = cacheCounters(two());
    assertEquals(before.get("token_lookups").longValue() + 20,
        after.get("token_lookups").longValue(), "every request asked the database");
    assertEquals(before.get("size").longValue(), after.get("size").longValue(),
        "nothing was kept");
  }

  @Test
  void aTokenIsLookedUpOnceAndThenServedFromTheCache() {
    Pair pair = one().login(newUser(), PASSWORD);
    JsonNode before = cacheCounters(two());

    for (int i = 0; i < 20; i++) {
      assertEquals(200, whoami(two(), pair.access()).status());
    }

    JsonNode after = cacheCounters(two());
    // The counters request itself is a hit too (ops's token is cached).
    assertEquals(before.get("token_lookups").longValue() + 1,
        after.get("token_lookups").longValue());
    assertTrue(after.get("hits").longValue() >= before.get("hits").longValue() + 19);
  }

  /** The counters of {@code instance}'s cache, read with {@value #OPS}'s token. */
  JsonNode cacheCounters(ServiceClient instance) {
    Response response = instance.bearer("GET", "/admin/auth-cache", opsToken);
    assertEquals(200, response.status(), response.body());
    assertTrue(response.json().get("enabled").booleanValue());
    return response.json();
  }

  /**
   * Eight clients send {@code GET /whoami} with 40 tokens to both instances at random while the
   * tokens are revoked one by one, half on each instance. A stale acceptance is a 200 to a request
   * sent after the revoking instance had answered the revocation and on that instance, or sent on
   * the other instance after it had already refused the token once: none may happen. Every token
   * is refused by both instances in the end.
   */
  @Test
  void revokingUnderLoadOnTwoInstancesLeavesNoStaleAcceptance() throws Exception {
    long seed = System.nanoTime();
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String username = newUser();
      for (int j = 0; j < 5; j++) {
        pairs.add(one().login(username, PASSWORD));
      }
    }
    ServiceClient[] instances = {one(), two()};
    long[] revokedAt = new long[pairs.size()];
    int[] revokedOn = new int[pairs.size()];
    Arrays.fill(revokedAt, Long.MAX_VALUE);
    ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < 8; c++) {
      Random random = new Random(seed + c);
      Thread client = new Thread(() -> {
        while (running.get()) {
          int token = random.nextInt(pairs.size());
          int instance = random.nextInt(2);
          long start = System.nanoTime();
          int status = whoami(instances[instance], pairs.get(token).access()).status();
          sent.add(new Sent(token, instance, start, System.nanoTime(), status));
        }
      }, "load-" + c);
      client.setDaemon(true);
      clients.add(client);
      client.start();
    }
    try {
      Thread.sleep(300);
      for (int token = 0; token < pairs.size(); token++) {
        int instance = token % 2;
        Response revoked = instances[instance]
            .bearer("DELETE", "/delete_token", pairs.get(token).access());
        revokedAt[token] = System.nanoTime();
        revokedOn[token] = instance;
        assertEquals(200, revoked.status(), "seed " + seed);
        Thread.sleep(25);
      }
      Thread.sleep(500);
    } finally {
      running.set(false);
      for (Thread client : clients) {
        client.join(30_000);
      }
    }

    List<String> stale = new ArrayList<>();
    long[][] firstRefusalEnd = new long[pairs.size()][2];
    for (long[] ends : firstRefusalEnd) {
      Arrays.fill(ends, Long.MAX_VALUE);
    }
    for (Sent request : sent) {
      assertTrue(request.status == 200 || request.status == 401,
          "only 200 and 401 may come; got " + request.status + " (seed " + seed + ")");
      if (request.status == 401) {
        firstRefusalEnd[request.token][request.instance] =
            Math.min(firstRefusalEnd[request.token][request.instance], request.end);
      }
    }
    int accepted = 0;
    for (Sent request : sent) {
      if (request.status != 200) {
        continue;
      }
      accepted++;
      boolean afterRevocationThere = request.instance == revokedOn[request.token]
          && request.start > revokedAt[request.token];
      boolean afterARefusalThere = request.start > firstRefusalEnd[request.token][request.instance];
      if (afterRevocationThere || afterARefusalThere) {
        stale.add("token " + request.token + " on instance " + (request.instance + 1)
            + (afterRevocationThere ? " after its revocation there" : " after a refusal there"));
      }
    }
    assertTrue(accepted > 0 && sent.size() > accepted, "the load ran: " + sent.size() + " sent");
    assertEquals(List.of(), stale, "stale acceptances (seed " + seed + ")");
    for (Pair pair : pairs) {
      for (ServiceClient instance : instances) {
        Eventually.answers(401, () -> whoami(instance, pair.access()));
      }
    }
  }

  /** One request of the load: which token, where, when sent and answered, and the status. */
  private record Sent(int token, int instance, long start, long end, int status) {}
}
