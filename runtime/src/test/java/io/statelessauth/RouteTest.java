package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code manager.route(...)}: defaults and argument checks. */
class RouteTest {
  private final TestManager manager = new TestManager();

  /** A manager whose token model does not implement {@link TokenMixin}, as the processor would generate it. */
  private static final class PlainManager extends AbstractStatelessAuthManager<String, String> {
    PlainManager() {
      super(null, null, null);
    }

    @Override
    protected String loadToken(String token, String tokenType, String authType) {
      return token;
    }

    @Override
    protected String loadUser(String token) {
      return token;
    }
  }

  @Test
  void emptyTokenTypeAndSchemeMeanTheConfiguredDefaults() {
    AuthRoute route = manager.route("", "");

    assertEquals("access", route.tokenType());
    assertEquals("Bearer", route.authType());
    assertEquals(Set.of(), route.scopes());
  }

  @Test
  void defaultsComeFromTheManagersConfig() {
    TestManager configured = new TestManager(StatelessAuthConfig.builder()
        .defaultTokenType("session").defaultAuthType("Token").authHeader("X-Auth").maxTokenLength(10).build());

    AuthRoute route = configured.route("", "");

    assertEquals("session", route.tokenType());
    assertEquals("Token", route.authType());
    assertEquals("X-Auth", route.authHeader());
    assertEquals(10, route.maxTokenLength());
  }

  @Test
  void explicitValuesAreKeptAndScopesKeepTheirOrder() {
    AuthRoute route = manager.route("refresh", "DPoP", "write", "read", "admin:all", "write");

    assertEquals("refresh", route.tokenType());
    assertEquals("DPoP", route.authType());
    assertEquals(List.of("write", "read", "admin:all"), List.copyOf(route.scopes()));
    assertThrows(UnsupportedOperationException.class, () -> route.scopes().add("more"));
    assertTrue(route.toString().contains("refresh") && route.toString().contains("DPoP"), route.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bad Scheme", "Bearer:", "Bearer\t", "B\u00e9arer", "Bea\"rer", "(Bearer)", "Bearer/1"})
  void schemeThatIsNotAnRfc9110TokenIsRejected(String authType) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> manager.route("", authType));
    assertTrue(e.getMessage().contains("authType"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"access token", " access", "access\t", "line\nbreak", "caf\u00e9", "\u007f"})
  void tokenTypeWithWhitespaceOrNonAsciiIsRejected(String tokenType) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> manager.route(tokenType, ""));
    assertTrue(e.getMessage().contains("tokenType"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "two words", "quo\"te", "back\\slash", "caf\u00e9", "tab\t", "\u007f"})
  void scopeThatIsNotAnRfc6749ScopeTokenIsRejected(String scope) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> manager.route("", "", "read", scope));
    assertTrue(e.getMessage().contains("scope"), e.getMessage());
  }

  @Test
  void nullScopeIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> manager.route("", "", (String) null));
  }

  @Test
  void nullArgumentsAreRejected() {
    assertThrows(NullPointerException.class, () -> manager.route(null, ""));
    assertThrows(NullPointerException.class, () -> manager.route("", null));
    assertThrows(NullPointerException.class, () -> manager.route("", "", (String[]) null));
    assertThrows(NullPointerException.class, () -> manager.handler(null, (exchange, token, user) -> {}));
    assertThrows(NullPointerException.class, () -> manager.handler(manager.route("", ""), null));
  }

  @Test
  void scopesOnAManagerThatCannotGrantThemAreRejected() {
    PlainManager plain = new PlainManager();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plain.route("", "", "read"));
    assertTrue(e.getMessage().contains("TokenMixin"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> plain.filter("", "", "read"));
    assertEquals(Set.of(), plain.route("", "").scopes());
  }

  @Test
  void managerWithoutCollaboratorsUsesTheDefaults() {
    assertEquals(StatelessAuthConfig.defaults(), new PlainManager().config());
  }
}
