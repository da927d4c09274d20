package io.statelessauth;

import static io.statelessauth.Responses.BARE_CHALLENGE;
import static io.statelessauth.Responses.assertOk;
import static io.statelessauth.Responses.assertRefused;
import static io.statelessauth.Responses.challenge;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Roles (README, "One request, step by step"): the user must hold at least one of the route's
 * roles, checked after the active-user check; otherwise 403 {@code Role} with an {@code
 * insufficient_scope} challenge that names no scope.
 */
class RoleTest {
  private static final String ROLE_CHALLENGE = challenge("insufficient_scope", "Insufficient role");

  private final List<StatelessAuthError> refused = new CopyOnWriteArrayList<>();
  private TestServer server;
  private TestManager manager;

  @BeforeEach
  void start() throws IOException {
    server = TestServer.start();
    manager = TestManager.builder().listener(new AuthListener() {
      @Override
      public void onUnauthorized(com.sun.net.httpserver.HttpExchange exchange, StatelessAuthError error) {
        refused.add(error);
      }
    }).build();
    manager.token("admin-token", TestToken.of("ada", "read")).user(new TestUser("ada", true, Set.of("admin")));
    manager.token("support-token", TestToken.of("sam", "read")).user(new TestUser("sam", true, Set.of("support", "billing")));
    manager.token("former-admin", TestToken.of("fay")).user(new TestUser("fay", false, Set.of("admin")));
    server.context("/admin", manager.handler(manager.route().roles("admin", "support").build(),
        (exchange, token, user) -> TestServer.respond(exchange, 200, "hello " + user.name())));
    server.context("/admin-read", manager.handler(manager.route().scopes("read").roles("admin").build(),
        (exchange, token, user) -> TestServer.respond(exchange, 200, "hello " + user.name())));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aUserWithAnyOfTheRolesGetsIn() {
    assertOk(server.getWith("/admin", "Bearer admin-token"), "hello ada");
    assertOk(server.getWith("/admin", "Bearer support-token"), "hello sam");
  }

  @Test
  void aUserWithNoneOfTheRolesIsRefusedWith403RoleAndAChallengeWithoutScope() {
    assertRefused(server.getWith("/admin", "Bearer alice-token"), 403, ROLE_CHALLENGE, "Role error: Insufficient role");
    assertEquals("Role", refused.get(0).type());
    assertEquals(403, refused.get(0).code());
  }

  @Test
  void theRoleChallengeNamesNoScopeEvenWhenTheRouteRequiresScopes() {
    assertRefused(server.getWith("/admin-read", "Bearer support-token"), 403, ROLE_CHALLENGE,
        "Role error: Insufficient role");
  }

  @Test
  void anInactiveUserIsRefusedAsInactiveBeforeTheRolesAreLookedAt() {
    assertRefused(server.getWith("/admin", "Bearer former-admin"), 401, challenge("invalid_token", "Invalid User"),
        "Token error: Invalid User");
  }

  @Test
  void aUserWhoseRolesAreNullHoldsNone() {
    manager.token("null-roles", TestToken.of("nia")).user(new TestUser("nia", true, null));

    assertRefused(server.getWith("/admin", "Bearer null-roles"), 403, ROLE_CHALLENGE, "Role error: Insufficient role");
  }

  @Test
  void noCredentialsOnARoleRouteGetTheBareChallenge() {
    assertRefused(server.get("/admin"), 401, BARE_CHALLENGE, "Request error: Missing Authorization header");
  }
}
