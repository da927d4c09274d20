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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A manager with an {@link AuthCache} (README, "Authentication cache"): known tokens are answered
 * without the loaders, the expiry, active and role checks still run on every request against the
 * cached models, only whole authentications are kept, and invalidation takes effect at once.
 */
class CachedManagerTest {
  private final AtomicBoolean expired = new AtomicBoolean();
  private final AtomicBoolean active = new AtomicBoolean(true);
  private final Map<String, String> tokens = new ConcurrentHashMap<>(Map.of("alice-token", "alice"));
  private final Map<String, Set<String>> roles = new ConcurrentHashMap<>(Map.of("alice", Set.of("admin")));
  private final AtomicInteger tokenLoads = new AtomicInteger();
  private final AtomicInteger userLoads = new AtomicInteger();
  private volatile CountDownLatch loaderGate = new CountDownLatch(0);
  private AuthCache cache;
  private Manager manager;
  private TestServer server;

  /** The token model: its expiry answers from a switch the test flips, on every request. */
  private final class Token implements TokenMixin {
    final String user;

    Token(String user) {
      this.user = user;
    }

    @Override
    public boolean tokenExpired(String tokenType, String authType) {
      return expired.get();
    }
  }

  /** The user: active and its roles answer from what the test sets, on every request. */
  private final class User implements UserMixin {
    final String name;

    User(String name) {
      this.name = name;
    }

    @Override
    public boolean isActive() {
      return active.get();
    }

    @Override
    public Set<String> roles() {
      return roles.getOrDefault(name, Set.of());
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
      String user = tokens.get(token);
      return user == null ? null : new Token(user);
    }

    @Override
    protected User loadUser(Token token) {
      userLoads.incrementAndGet();
      return token.user.equals("ghost") ? null : new User(token.user);
    }
  }

  @BeforeEach
  void start() throws IOException {
    cache = AuthCache.builder().maximumSize(100).expireAfterWrite(Duration.ofMinutes(5)).build();
    manager = new Manager(cache);
    server = TestServer.start(4);
    server.context("/secure", manager.handler(manager.route().build(),
        (exchange, token, user) -> TestServer.respond(exchange, 200, "hello " + user.name)));
    server.context("/admin", manager.handler(manager.route().roles("admin").build(),
        (exchange, token, user) -> TestServer.respond(exchange, 200, "admin " + user.name)));
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
  void theChecksRunOnTheCachedModelsOnEveryRequest() {
    assertEquals(200, get("/admin", "alice-token").statusCode());

    roles.put("alice", Set.of());
    assertEquals(403, get("/admin", "alice-token").statusCode());
    active.set(false);
    assertEquals(List.of(challenge("invalid_token", "Invalid User")),
        get("/secure", "alice-token").headers().allValues("WWW-Authenticate"));
    active.set(true);
    expired.set(true);
    assertEquals(List.of(challenge("invalid_token", "access token expired")),
        get("/secure", "alice-token").headers().allValues("WWW-Authenticate"));

    assertEquals(1, tokenLoads.get());
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
    tokens.put("ghost-token", "ghost");
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
    expired.set(true);

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
    tokens.put("bob-token", "bob");
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
        (exchange, token, user) -> TestServer.respond(exchange, 200, "hello " + user.name)));

    uncached.invalidate("alice-token");
    uncached.invalidateHash(SecretTokens.hash("alice-token"));
    uncached.invalidateAll();
    get("/uncached", "alice-token");
    get("/uncached", "alice-token");

    assertEquals(2, tokenLoads.get());
  }
}
