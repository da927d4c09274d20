package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.Headers;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How a route of several schemes finds the one field that presents credentials, on header sets the
 * JDK's server may never hand over (empty values, empty field lists), so that the reader stands on
 * its own; the end-to-end rows are in {@link SeveralSchemesTest}.
 */
class SeveralSchemesParserTest {
  private final StatelessAuthConfig config =
      StatelessAuthConfig.builder().credentialHeader("X-API-Key", "ApiKey").build();
  private final AuthRoute route = TestManager.builder().config(config).build().route()
      .authType("Bearer", "ApiKey").build();
  private final RouteRefusals[] schemes = {
      new RouteRefusals(config, route, "Bearer"), new RouteRefusals(config, route, "ApiKey")};
  private final Refusal several = RouteRefusals.severalOf(schemes);

  /**
   * The scheme and the token {@code headers} present, read as the manager reads them ({@code
   * "1:k"}: the key {@code k}), or {@code null} for none.
   */
  private String presented(Headers headers) {
    return presented(headers, 4096);
  }

  private String presented(Headers headers, int maxTokenLength) {
    int scheme = Credentials.presentedScheme(headers, schemes, several);
    String token = scheme < 0 ? null : Credentials.token(headers, maxTokenLength, true, schemes[scheme]);
    return token == null ? null : scheme + ":" + token;
  }

  private static Headers headers(String... namesAndValues) {
    Headers headers = new Headers();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t", " \t "})
  void aBlankValueOfEitherSourcePresentsNothing(String blank) {
    assertNull(presented(headers("X-API-Key", blank)));
    assertNull(presented(headers("Authorization", blank)));
    assertNull(presented(headers("Authorization", blank, "X-API-Key", blank)));
  }

  @Test
  void aFieldWithNoValueAtAllPresentsNothing() {
    Headers headers = new Headers();
    headers.put("X-API-Key", new ArrayList<>());

    assertNull(presented(headers));
  }

  @ParameterizedTest
  @ValueSource(strings = {"X-API-Key-Old", "X-API-Ke", "X-API", "Authorization2", "Authorizatio", "XAPI-Key"})
  void aHeaderWhoseNameOnlyBeginsOrEndsLikeARouteHeaderIsNotRead(String name) {
    assertNull(presented(headers(name, "Bearer alice-token")));
    assertNull(presented(headers(name, "alice-key")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearerx alice-token", "Beare alice-token", "Bearer-alice-token", "ApiKey alice-key"})
  void anAuthorizationValueWithAnotherSchemePresentsNothing(String value) {
    assertNull(presented(headers("Authorization", value)));
  }

  @Test
  void theFieldThatPresentsASchemeIsFoundWithWhichSchemeAndItsToken() {
    assertEquals("0:t", presented(headers("Accept", "*/*", "Authorization", "bearer   t ")));
    assertEquals("1:k", presented(headers("X-API-Key", " k ", "Accept", "*/*")));
    assertEquals("1:k", presented(headers("x-api-key", "k")));
    assertEquals("0:t", presented(headers("Authorization", "Bearer t", "X-API-Key", " ")));
    assertEquals("1:k", presented(headers("Authorization", "Basic dXNlcg==", "X-API-Key", "k")));
  }

  @Test
  void theFieldThatPresentsASchemeIsCheckedAsTheSchemeReadsIt() {
    assertSame(schemes[0].malformedCredentials,
        assertThrows(StatelessAuthError.class, () -> presented(headers("Authorization", "Bearer a b"))));
    assertSame(schemes[1].malformedCredentials,
        assertThrows(StatelessAuthError.class, () -> presented(headers("X-API-Key", "a b"))));
    assertSame(schemes[1].tokenTooLong,
        assertThrows(StatelessAuthError.class, () -> presented(headers("X-API-Key", "k".repeat(9)), 8)));
  }

  @Test
  void aMalformedFieldBesideAnotherSchemeIsRefusedAsSeveralSchemes() {
    assertSame(several, assertThrows(StatelessAuthError.class,
        () -> presented(headers("Authorization", "Bearer a b", "X-API-Key", "k"))));
  }

  @Test
  void aRepeatedFieldOfEitherSourceIsRefusedAsThatSchemeReadsIt() {
    Headers bearer = headers("Authorization", "Bearer t", "Authorization", "Bearer u");
    Headers key = headers("X-API-Key", "k", "X-API-Key", "l");
    Headers keyBesideBearer = headers("Authorization", "Bearer t", "X-API-Key", "k", "X-API-Key", "l");

    assertSame(schemes[0].multipleHeaders, assertThrows(StatelessAuthError.class, () -> presented(bearer)));
    assertSame(schemes[1].multipleHeaders, assertThrows(StatelessAuthError.class, () -> presented(key)));
    assertSame(schemes[1].multipleHeaders,
        assertThrows(StatelessAuthError.class, () -> presented(keyBesideBearer)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"X-API-Key", "x-api-key", "X-API-KEY", "authorization", "AZaz-zZ_09", "a", "Z", "zeta-AZ"})
  void aHeaderIsLookedUpUnderTheSpellingHeadersKeeps(String name) {
    Headers headers = new Headers();
    headers.add(name, "v");

    assertEquals(headers.keySet().iterator().next(), RouteRefusals.normalized(name));
  }

  @Test
  void aRouteOfThreeHeadersReadsEachFieldWhenTwoAreThere() {
    StatelessAuthConfig three =
        StatelessAuthConfig.builder().credentialHeader("X-API-Key", "ApiKey").credentialHeader("X-Other", "Other").build();
    AuthRoute route = TestManager.builder().config(three).build().route().authType("Bearer", "ApiKey", "Other").build();
    RouteRefusals[] threeSchemes = {new RouteRefusals(three, route, "Bearer"),
        new RouteRefusals(three, route, "ApiKey"), new RouteRefusals(three, route, "Other")};
    Refusal severalOfThree = RouteRefusals.severalOf(threeSchemes);

    assertEquals(2, Credentials.presentedScheme(headers("X-API-Key", " ", "X-Other", "o"), threeSchemes, severalOfThree));
    assertEquals(1, Credentials.presentedScheme(headers("X-API-Key", "k", "Authorization", "Basic x"), threeSchemes,
        severalOfThree));
    assertEquals(-1, Credentials.presentedScheme(headers("X-API-Key", "", "X-Other", " "), threeSchemes, severalOfThree));
    assertSame(severalOfThree, assertThrows(StatelessAuthError.class, () -> Credentials.presentedScheme(
        headers("X-API-Key", "k", "X-Other", "o"), threeSchemes, severalOfThree)));
  }

  @Test
  void twoSchemesReadFromOneHeaderAreToldApartByTheField() {
    AuthRoute shared = TestManager.builder().config(config).build().route().authType("Bearer", "Token").build();
    RouteRefusals[] sharing = {new RouteRefusals(config, shared, "Bearer"), new RouteRefusals(config, shared, "Token")};
    Refusal severalSharing = RouteRefusals.severalOf(sharing);

    assertEquals(1, Credentials.presentedScheme(headers("Authorization", "Token t"), sharing, severalSharing));
    assertEquals(0, Credentials.presentedScheme(headers("Authorization", "bearer t"), sharing, severalSharing));
    assertEquals(-1, Credentials.presentedScheme(headers("Authorization", "Basic t"), sharing, severalSharing));
    assertSame(sharing[0].multipleHeaders, assertThrows(StatelessAuthError.class, () -> Credentials.presentedScheme(
        headers("Authorization", "Token t", "Authorization", "Bearer u"), sharing, severalSharing)));
  }

  @Test
  void twoPresentedSchemesAreRefusedWhicheverComesFirst() {
    assertSame(several, assertThrows(StatelessAuthError.class,
        () -> presented(headers("X-API-Key", "k", "Authorization", "Bearer t"))));
    assertSame(several, assertThrows(StatelessAuthError.class,
        () -> presented(headers("Authorization", "Bearer t", "X-API-Key", "k"))));
  }
}
