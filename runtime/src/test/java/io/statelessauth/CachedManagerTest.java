package io.statelessauth;

import static io.statelessauth.Responses.challenge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.testsupport.LogCapture;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A manager with an {@link AuthCache} (README, "Authentication cache"): known tokens are answered
 * without the loaders, the cache keeps the token model and the user as they were loaded, the
 * expiry, active and role checks still run on every request against those models, only whole
 * authentications are kept, and invalidation (of a token or of users) takes effect at once. The
 * models are immutable records, as a careful application's are: what the store says after the load
 * reaches a request only through an invalidation or the entry's expiry.
 */
class CachedManagerTest {
  /** The test's clock, in seconds, against which tokens expire. */
  private final AtomicLong now = new AtomicLong();
  /** The token store: token to its user and expiry (in seconds on {@link #now}). */
  private final Map<String, Token> tokens =
      new ConcurrentHashMap<>(Map.of("alice-token", new Token("alice", Long.MAX_VALUE, now::get)));
  /** The user store. */
  private final Map<String, User> users = new ConcurrentHashMap<>(Map.of(
      "alice", new User("alice", true, Set.of("admin")), "bob", new User("bob", true, Set.of())));
  private final AtomicInteger tokenLoads = new AtomicInteger();
  private final AtomicInteger userLoads = new AtomicInteger();
  private volatile CountDownLatch loaderGate = new CountDownLatch(0);
  private AuthCache cache;
  private Manager manager;
  private TestServer server;

  /** The token model, immutable: it expires when the clock reaches {@code expiresAt}. */
  private record Token(String user, long expiresAt, LongSupplier clock) implements TokenMixin {
    @Override
    public boolean tokenExpired(String tokenType, String authType) {
      return clock.getAsLong() >= expiresAt;
    }
  }

  /** The user, immutable: as the store held it when it was loaded. */
  private record User(String name, boolean active, Set<String> roles) implements UserMixin {
    @Override
    public boolean isActive() {
      return active;
    }
  }

  /** A manager as the processor generates it, over the maps above, counting loader calls. */
  private final class Manager extends AbstractStatelessAuthManager<Token, User> {
    Manager(AuthCache cache) {
      super(ModelMixins.TOKEN_AND_USER, cache == null ? new ManagerSettings() : new ManagerSettings().cache(cache));
    }

    @Override
    protected Token loadToken(String token, String tokenType, String authType) {
      tokenLoads.incrementAndGet();
      await(loaderGate);
      return tokens.get(token);
    }

    @Override
    protected User loadUser(Token token) {
      userLoads.incrementAndGet();
      return users.get(token.user());
    }
  }

  @BeforeEach
  void start() throws IOException {
    cache = AuthCache.builder().maximumSize(100).expireAfterWrite(Duration.ofMinutes(5)).build();
    manager = new Manager(cache);
    server = TestServer.start(4);
    server.context("/secure", manager.handler(manager.route().build(),
        (exchange, token, user) -> TestServer.respond(exchange, 200, "hello " + user.name())));
    server.context("/admin", manager.handler(manager.route().roles("admin").build(),
        (exchange, token, user) -> TestServer.respond(exchange, 200, "admin " + user.name())));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path, String token) {
    return server.getWith(path, "Bearer " + token);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never opened the loader gate");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aKnownTokenIsLoadedOnceAndThenAnsweredFromTheCache() {
    for (int i = 0; i < 5; i++) {
      assertEquals("hello alice", get("/secure", "alice-token").body());
    }
    assertEquals("admin alice", get("/admin", "alice-token").body());

    assertEquals(1, tokenLoads.get());
    assertEquals(1, userLoads.get());
    assertEquals(5, cache.stats().hits());
  }

  @Test
  void theExpiryCheckRunsOnTheCachedTokenOnEveryRequest() {
    tokens.put("alice-token", new Token("alice", 10, now::get));
    assertEquals(200, get("/secure", "alice-token").statusCode());

    now.set(10);

    assertEquals(List.of(challenge("invalid_token", "access token expired")),
        get("/secure", "alice-token").headers().allValues("WWW-Authenticate"));
    assertEquals(1, tokenLoads.get());
  }

  @Test
  void theCacheKeepsTheUserAsLoadedUntilItsEntryIsInvalidated() {
    assertEquals(200, get("/admin", "alice-token").statusCode());

    users.put("alice", new User("alice", false, Set.of()));

    assertEquals(200, get("/admin", "alice-token").statusCode(), "the cached user is the one loaded");
    assertEquals(1, manager.invalidateUsers(user -> user.name().equals("alice")));
    assertEquals(List.of(challenge("invalid_token", "Invalid User")),
        get("/secure", "alice-token").headers().allValues("WWW-Authenticate"));
    assertEquals(2, userLoads.get());
  }

  @Test
  void theRoleCheckRunsOnTheCachedUserAndSeesARoleTakenAwayOnceInvalidated() {
    assertEquals(200, get("/admin", "alice-token").statusCode());
    users.put("alice", new User("alice", true, Set.of()));
    assertEquals(200, get("/admin", "alice-token").statusCode());

    manager.invalidateUsers(user -> user.name().equals("alice"));

    assertEquals(403, get("/admin", "alice-token").statusCode());
    assertEquals(200, get("/secure", "alice-token").statusCode(), "refreshed once, then cached again");
    assertEquals(2, userLoads.get());
  }

  @Test
  void invalidateUsersForgetsEveryMatchingEntryAcrossTokensAndRoutesAndKeepsTheRest() throws IOException {
    server.context("/refresh", manager.handler(manager.route().tokenType("refresh").build(),
        (exchange, token, user) -> TestServer.respond(exchange, 200, "refresh " + user.name())));
    tokens.put("alice-phone", new Token("alice", Long.MAX_VALUE, now::get));
    tokens.put("bob-token", new Token("bob", Long.MAX_VALUE, now::get));
    for (String token : List.of("alice-token", "alice-phone", "bob-token")) {
      assertEquals(200, get("/secure", token).statusCode());
    }
    assertEquals(200, get("/refresh", "alice-token").statusCode());
    assertEquals(4, cache.stats().size());

    assertEquals(0, manager.invalidateUsers(user -> user.name().equals("carol")));
    assertEquals(3, manager.invalidateUsers(user -> user.name().equals("alice")));

    assertEquals(1, cache.stats().size());
    assertEquals(3, cache.stats().invalidations());
    int loadsBefore = tokenLoads.get();
    get("/secure", "bob-token");
    assertEquals(loadsBefore, tokenLoads.get(), "bob's entry is kept");
    get("/secure", "alice-phone");
    assertEquals(loadsBefore + 1, tokenLoads.get(), "alice's entries are gone");
    assertThrows(NullPointerException.class, () -> manager.invalidateUsers(null));
  }

  @Test
  void invalidateUsersKeepsALoadThatIsStillRunningOutOfTheCache() throws Exception {
    loaderGate = new CountDownLatch(1);
    CompletableFuture<HttpResponse<String>> loading =
        server.sendAsync(server.request("/secure", "Authorization", "Bearer alice-token"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (tokenLoads.get() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }

    assertEquals(0, manager.invalidateUsers(user -> false), "a running load is no entry yet");
    loaderGate.countDown();

    assertEquals(200, loading.get(30, TimeUnit.SECONDS).statusCode());
    assertEquals(0, cache.stats().size(), "its user may be the one just changed: not kept");
    get("/secure", "alice-token");
    assertEquals(2, tokenLoads.get());
  }

  @Test
  void anUnknownTokenIsNeverCached() {
    for (int i = 0; i < 3; i++) {
      assertEquals(401, get("/secure", "mallory-token").statusCode());
    }

    assertEquals(3, tokenLoads.get());
    assertEquals(0, cache.stats().size());
  }

  @Test
  void aTokenWithoutAUserIsNeverCachedAndAnswers500() {
    tokens.put("ghost-token", new Token("ghost", Long.MAX_VALUE, now::get));
    LogCapture log = LogCapture.of(LogCapture.RUNTIME, Level.ALL);
    try {
      assertEquals(500, get("/secure", "ghost-token").statusCode());
      assertEquals(500, get("/secure", "ghost-token").statusCode());
      assertTrue(LogCapture.printed(log.records()).contains("no user for a valid token on a route of token type access"),
          LogCapture.printed(log.records()));
    } finally {
      log.close();
    }

    assertEquals(2, userLoads.get());
    assertEquals(0, cache.stats().size());
  }

  @Test
  void anExpiredTokenIsRefusedBeforeItsUserIsLoadedAndIsNotCached() {
    now.set(Long.MAX_VALUE);

    assertEquals(401, get("/secure", "alice-token").statusCode());
    assertEquals(0, userLoads.get());
    assertEquals(0, cache.stats().size());
  }

  @Test
  void invalidatingTheTokenRefusesItAtOnceOnceItIsRevoked() {
    assertEquals(200, get("/secure", "alice-token").statusCode());
    tokens.remove("alice-token");
    assertEquals(200, get("/secure", "alice-token").statusCode(), "still cached until invalidated");

    manager.invalidate("alice-token");

    assertEquals(401, get("/secure", "alice-token").statusCode());
  }

  @Test
  void invalidatingByHashWorksWithoutTheToken() {
    assertEquals(200, get("/secure", "alice-token").statusCode());
    tokens.remove("alice-token");

    manager.invalidateHash(SecretTokens.hash("alice-token"));

    assertEquals(401, get("/secure", "alice-token").statusCode());
    assertThrows(IllegalArgumentException.class, () -> manager.invalidateHash("not-a-hash"));
  }

  @Test
  void invalidatingEverythingForgetsEveryToken() {
    tokens.put("bob-token", new Token("bob", Long.MAX_VALUE, now::get));
    get("/secure", "alice-token");
    get("/secure", "bob-token");
    tokens.clear();

    manager.invalidateAll();

    assertEquals(401, get("/secure", "alice-token").statusCode());
    assertEquals(401, get("/secure", "bob-token").statusCode());
    assertEquals(2, cache.stats().invalidations());
  }

  @Test
  void concurrentRequestsWithOneUncachedTokenLoadItOnce() throws Exception {
    loaderGate = new CountDownLatch(1);
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      responses.add(server.sendAsync(server.request("/secure", "Authorization", "Bearer alice-token")));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (cache.stats().misses() < 4 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    loaderGate.countDown();

    for (CompletableFuture<HttpResponse<String>> response : responses) {
      assertEquals("hello alice", response.get(30, TimeUnit.SECONDS).body());
    }
    assertEquals(1, tokenLoads.get());
  }

  @Test
  void aCacheServesOneManagerOnly() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Manager(cache));
    assertTrue(e.getMessage().contains("another manager"), e.getMessage());
  }

  @Test
  void withoutACacheInvalidationDoesNothingAndEveryRequestLoads() throws IOException {
    Manager uncached = new Manager(null);
    server.context("/uncached", uncached.handler(uncached.route().build(),
        (exchange, token, user) -> TestServer.respond(exchange, 200, "hello " + user.name())));

    uncached.invalidate("alice-token");
    assertEquals(0, uncached.invalidateUsers(user -> true));
    uncached.invalidateHash(SecretTokens.hash("alice-token"));
    uncached.invalidateAll();
    get("/uncached", "alice-token");
    get("/uncached", "alice-token");

    assertEquals(2, tokenLoads.get());
  }
}
