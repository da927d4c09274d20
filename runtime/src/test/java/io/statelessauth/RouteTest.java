package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code manager.route()}: defaults, the values a route keeps, and argument checks. */
class RouteTest {
  private final TestManager manager = new TestManager();

  /** A manager whose models implement no mixin, as the processor would generate it. */
  private static final class PlainManager extends AbstractStatelessAuthManager<String, String> {
    PlainManager() {
      super(ModelMixins.NONE, new ManagerSettings());
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
  void aRouteLeftAloneHasTheConfiguredDefaultsAndNoRequirement() {
    AuthRoute route = manager.route().build();

    assertEquals("access", route.tokenType());
    assertEquals("Bearer", route.authType());
    assertEquals(Set.of(), route.scopes());
    assertEquals(Set.of(), route.roles());
    assertFalse(route.optional());
  }

  @Test
  void defaultsComeFromTheManagersConfig() {
    TestManager configured = TestManager.builder().config(StatelessAuthConfig.builder()
        .defaultTokenType("session").defaultAuthType("Token").build()).build();

    AuthRoute route = configured.route().build();

    assertEquals("session", route.tokenType());
    assertEquals("Token", route.authType());
  }

  @Test
  void explicitValuesAreKeptAndScopesAndRolesKeepTheirOrderWithoutRepeats() {
    AuthRoute route = manager.route().tokenType("refresh").authType("DPoP")
        .scopes("write", "read", "admin:all", "write").roles("editor", "admin", "editor").optional().build();

    assertEquals("refresh", route.tokenType());
    assertEquals("DPoP", route.authType());
    assertEquals(List.of("write", "read", "admin:all"), List.copyOf(route.scopes()));
    assertEquals(List.of("editor", "admin"), List.copyOf(route.roles()));
    assertTrue(route.optional());
    assertThrows(UnsupportedOperationException.class, () -> route.scopes().add("more"));
    assertThrows(UnsupportedOperationException.class, () -> route.roles().add("more"));
    assertEquals("AuthRoute{tokenType=refresh, authTypes=[DPoP], scopes=[write, read, admin:all],"
        + " roles=[editor, admin], optional=true}", route.toString());
  }

  @Test
  void routesWithTheSameRequirementsAreEqual() {
    AuthRoute route = manager.route().scopes("read").roles("admin").build();

    assertEquals(route, manager.route().scopes("read").roles("admin").build());
    assertEquals(route.hashCode(), manager.route().scopes("read").roles("admin").build().hashCode());
    assertNotEquals(route, manager.route().scopes("read").build());
    assertNotEquals(route, manager.route().scopes("read").roles("admin").optional().build());
    assertNotEquals(route, manager.route().tokenType("refresh").scopes("read").roles("admin").build());
  }

  @Test
  void aRouteIsNeverEqualToARouteWithAnotherSchemeOrOtherScopesNorToAnythingElse() {
    AuthRoute route = manager.route().scopes("read").build();

    assertNotEquals(route, manager.route().authType("DPoP").scopes("read").build());
    assertNotEquals(route, manager.route().scopes("write").build());
    assertNotEquals(route, manager.route().scopes("read", "write").build());
    assertFalse(route.equals(null));
    assertNotEquals(route, (Object) route.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bad Scheme", "Bearer:", "Bearer\t", "B\u00e9arer", "B\u0080arer", "Bea\"rer", "(Bearer)", "Bearer/1", ""})
  void schemeThatIsNotAnRfc9110TokenIsRejected(String authType) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> manager.route().authType(authType));
    assertTrue(e.getMessage().contains("authType"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"access token", " access", "access\t", "line\nbreak", "caf\u00e9", "\u007f", ""})
  void tokenTypeWithWhitespaceOrNonAsciiIsRejected(String tokenType) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> manager.route().tokenType(tokenType));
    assertTrue(e.getMessage().contains("tokenType"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "two words", "quo\"te", "back\\slash", "caf\u00e9", "tab\t", "\u007f"})
  void scopeThatIsNotAnRfc6749ScopeTokenIsRejected(String scope) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> manager.route().scopes("read", scope));
    assertTrue(e.getMessage().contains("scope"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t", "\u2003"})
  void blankRoleIsRejected(String role) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> manager.route().roles("admin", role));
    assertTrue(e.getMessage().contains("roles"), e.getMessage());
  }

  @Test
  void severalSchemesAreKeptInTheirOrderAndTheFirstIsTheAuthType() {
    AuthRoute route = manager.route().authType("Bearer", "ApiKey", "DPoP").build();

    assertEquals(List.of("Bearer", "ApiKey", "DPoP"), route.authTypes());
    assertEquals("Bearer", route.authType());
    assertThrows(UnsupportedOperationException.class, () -> route.authTypes().add("More"));
    assertEquals(List.of("Bearer"), manager.route().build().authTypes());
  }

  @Test
  void routesWithTheSameSchemesInAnotherOrderDiffer() {
    AuthRoute bearerFirst = manager.route().authType("Bearer", "ApiKey").build();

    assertEquals(bearerFirst, manager.route().authType("Bearer", "ApiKey").build());
    assertEquals(bearerFirst.hashCode(), manager.route().authType("Bearer", "ApiKey").build().hashCode());
    assertNotEquals(bearerFirst, manager.route().authType("ApiKey", "Bearer").build());
    assertNotEquals(bearerFirst.hashCode(), manager.route().authType("ApiKey", "Bearer").build().hashCode());
    assertNotEquals(bearerFirst, manager.route().build());
  }

  @Test
  void aSchemeListedTwiceInAnyCaseIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> manager.route().authType("Bearer", "ApiKey", "bearer"));

    assertEquals("authType lists the scheme bearer twice (schemes are compared without regard to case)", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "Api Key", "K\u00e9y"})
  void aBlankOrNonTokenSchemeAmongSeveralIsRejected(String scheme) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> manager.route().authType("Bearer", scheme));

    assertTrue(e.getMessage().startsWith("authType must be an RFC 9110 token"), e.getMessage());
  }

  @Test
  void noSchemeAtAllIsRejected() {
    assertEquals("authType needs at least one scheme",
        assertThrows(IllegalArgumentException.class, () -> manager.route().authType()).getMessage());
    assertEquals("authType", assertThrows(NullPointerException.class,
        () -> manager.route().authType("Bearer", null)).getMessage());
  }

  @Test
  void nullValuesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> manager.route().scopes((String) null));
    assertThrows(IllegalArgumentException.class, () -> manager.route().roles((String) null));
    assertThrows(NullPointerException.class, () -> manager.route().tokenType(null));
    assertThrows(NullPointerException.class, () -> manager.route().authType((String) null));
    assertThrows(NullPointerException.class, () -> manager.route().authType((String[]) null));
    assertThrows(NullPointerException.class, () -> manager.route().scopes((String[]) null));
    assertThrows(NullPointerException.class, () -> manager.route().roles((String[]) null));
    assertThrows(NullPointerException.class, () -> manager.handler(null, (exchange, token, user) -> {}));
    assertThrows(NullPointerException.class, () -> manager.handler(manager.route().build(), null));
    assertThrows(NullPointerException.class, () -> manager.filter(null));
  }

  @Test
  void scopesOnAManagerWhoseTokensCannotGrantThemAreRejected() {
    PlainManager plain = new PlainManager();
    AuthRoute scoped = plain.route().scopes("read").build();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> plain.handler(scoped, (exchange, token, user) -> {}));
    assertTrue(e.getMessage().contains("TokenMixin"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> plain.filter(scoped));
  }

  @Test
  void rolesOnAManagerWhoseUsersCannotHoldThemAreRejected() {
    PlainManager plain = new PlainManager();
    AuthRoute withRole = plain.route().roles("admin").build();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> plain.handler(withRole, (exchange, token, user) -> {}));
    assertTrue(e.getMessage().contains("UserMixin"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> plain.filter(withRole));
  }

  @Test
  void eachModelMixinsConstantSaysWhichModelIsChecked() {
    assertFalse(ModelMixins.NONE.token() || ModelMixins.NONE.user());
    assertTrue(ModelMixins.TOKEN.token() && !ModelMixins.TOKEN.user());
    assertTrue(!ModelMixins.USER.token() && ModelMixins.USER.user());
    assertTrue(ModelMixins.TOKEN_AND_USER.token() && ModelMixins.TOKEN_AND_USER.user());
  }

  @Test
  void managerWithoutCollaboratorsUsesTheDefaults() {
    assertEquals(StatelessAuthConfig.defaults(), new PlainManager().config());
  }
}
