package io.statelessauth;

import static io.statelessauth.Responses.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Models that implement no mixin, and mixins left at their defaults (README, "Quick start": the
 * mixins are opt-in): the manager runs only the checks a model opted in to, with and without a
 * cache.
 */
class PlainModelsTest {
  /** A token model that implements no mixin: it cannot expire nor grant scopes. */
  record Grant(String userName) {}

  /** A user that implements no mixin: always active, no roles. */
  record Person(String name) {}

  /** A token model that opts in to the checks and keeps every default. */
  record DefaultToken(String userName) implements TokenMixin {}

  /** A user that opts in to the checks and keeps every default. */
  record DefaultUser(String name) implements UserMixin {}

  private TestServer server;

  @BeforeEach
  void start() throws IOException {
    server = TestServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void modelsWithoutMixinsReachTheHandlerWithNoCheckToRun() {
    Manager<Grant, Person> manager = new Manager<>(ModelMixins.NONE, null, Grant::new, grant -> new Person(grant.userName()));
    server.context("/plain", manager.handler(manager.route().build(),
        (exchange, token, user) -> TestServer.respond(exchange, 200, token + " " + user)));

    assertOk(server.getWith("/plain", "Bearer carol"), "Grant[userName=carol] Person[name=carol]");
  }

  @Test
  void modelsWithoutMixinsAreServedFromTheCache() {
    AuthCache cache = AuthCache.builder().maximumSize(10).expireAfterWrite(Duration.ofMinutes(5)).build();
    Manager<Grant, Person> manager = new Manager<>(ModelMixins.NONE, cache, Grant::new, grant -> new Person(grant.userName()));
    server.context("/plain", manager.handler(manager.route().build(),
        (exchange, token, user) -> TestServer.respond(exchange, 200, "hello " + user.name())));

    assertOk(server.getWith("/plain", "Bearer carol"), "hello carol");
    assertOk(server.getWith("/plain", "Bearer carol"), "hello carol");
    assertEquals(List.of("carol"), manager.tokenLoads);
  }

  @Test
  void mixinsLeftAtTheirDefaultsNeverExpireAndKeepTheUserActive() {
    Manager<DefaultToken, DefaultUser> manager = new Manager<>(ModelMixins.TOKEN_AND_USER, null, DefaultToken::new,
        token -> new DefaultUser(token.userName()));
    server.context("/defaults", manager.handler(manager.route().build(),
        (exchange, token, user) -> TestServer.respond(exchange, 200, "hello " + user.name())));

    assertOk(server.getWith("/defaults", "Bearer dave"), "hello dave");
  }

  /** A manager whose loaders are functions: every token is known, as the token model {@code tokens} makes. */
  private static final class Manager<T, U> extends AbstractStatelessAuthManager<T, U> {
    final List<String> tokenLoads = new CopyOnWriteArrayList<>();
    private final Function<String, T> tokens;
    private final Function<T, U> users;

    Manager(ModelMixins mixins, AuthCache cache, Function<String, T> tokens, Function<T, U> users) {
      super(mixins, cache == null ? new ManagerSettings() : new ManagerSettings().cache(cache));
      this.tokens = tokens;
      this.users = users;
    }

    @Override
    protected T loadToken(String token, String tokenType, String authType) {
      tokenLoads.add(token);
      return tokens.apply(token);
    }

    @Override
    protected U loadUser(T token) {
      return users.apply(token);
    }
  }
}
