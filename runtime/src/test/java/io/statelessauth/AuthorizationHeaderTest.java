package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser on its own, for what the JDK's server would normalise before it gets there (the
 * end-to-end rows are in {@link HeaderRulesTest}; the property in {@link AuthorizationHeaderPropertyTest}).
 */
class AuthorizationHeaderTest {
  private final TestManager manager = new TestManager();
  private final BoundRoute bearer = BoundRoute.defaults(StatelessAuthConfig.defaults());

  private static Headers header(String value) {
    return RawHeaders.of("Authorization", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {" Bearer abc", "Bearer abc ", "\tBearer abc\t", " \t Bearer   abc \t "})
  void parserTrimsSpacesAndTabsItself(String value) {
    assertEquals("abc", bearer.token(header(value)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer\tabc", "Bearer\r\n abc", "Bearer\rabc", "Bearer\nabc", "Bearer\u00a0abc", "Bearer\u3000abc"})
  void onlySpacesSeparateSchemeAndToken(String value) {
    assertSame(bearer.refusals().otherScheme, assertThrows(StatelessAuthError.class, () -> bearer.token(header(value))));
  }

  @Test
  void tabAfterTheSpacesIsNotPartOfAB64Token() {
    assertSame(bearer.refusals().malformedCredentials,
        assertThrows(StatelessAuthError.class, () -> bearer.token(header("Bearer \tabc"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer abc\r", "Bearer abc\n", "Bearer a\u0000c", "Bearer \u00e9", "Bearer \u2028", "Bearer \ud83d\udd11",
      "Bearer \u0080"})
  void controlAndNonAsciiCharactersInTheTokenAreMalformed(String value) {
    assertSame(bearer.refusals().malformedCredentials,
        assertThrows(StatelessAuthError.class, () -> bearer.token(header(value))));
  }

  @Test
  void twoFieldsAreRefusedWhateverTheyHold() {
    assertSame(bearer.refusals().multipleHeaders, assertThrows(StatelessAuthError.class,
        () -> bearer.token(RawHeaders.of("Authorization", "Bearer abc", ""))));
  }

  @Test
  void emptyFieldListIsMissingCredentials() {
    Headers headers = RawHeaders.of("Authorization");

    assertSame(bearer.refusals().missingCredentials, assertThrows(StatelessAuthError.class, () -> bearer.token(headers)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Authorization", "authorization", "AUTHORIZATION"})
  void anAuthHeaderSpelledAsAuthorizationInAnyCaseIsThatHeader(String authHeader) {
    BoundRoute route = BoundRoute.defaults(StatelessAuthConfig.builder().authHeader(authHeader).build());
    Headers headers = new Headers();
    headers.add("authorization", "Bearer abc");

    assertEquals("abc", route.token(headers));
  }

  @Test
  void anotherAuthHeaderIsReadInsteadOfAuthorization() {
    BoundRoute route = BoundRoute.defaults(StatelessAuthConfig.builder().authHeader("X-Api-Token").build());
    Headers both = new Headers();
    both.add("Authorization", "Bearer ignored");
    both.add("x-api-token", "Bearer abc");
    Headers authorizationOnly = new Headers();
    authorizationOnly.add("Authorization", "Bearer abc");

    assertEquals("abc", route.token(both));
    assertSame(route.refusals().missingCredentials,
        assertThrows(StatelessAuthError.class, () -> route.token(authorizationOnly)));
  }

  @Test
  void lengthIsCheckedBeforeSyntax() {
    BoundRoute shortTokens = BoundRoute.defaults(StatelessAuthConfig.builder().maxTokenLength(3).build());

    assertEquals("abc", shortTokens.token(header("Bearer abc")));
    assertSame(shortTokens.refusals().tokenTooLong,
        assertThrows(StatelessAuthError.class, () -> shortTokens.token(header("Bearer a b c"))));
  }

  /**
   * RFC 9110 compares schemes case-insensitively over ASCII; Java's {@code regionMatches(true, ...)}
   * also folds non-ASCII letters onto ASCII ones (U+017F LATIN SMALL LETTER LONG S to 's', U+0131
   * DOTLESS I to 'i', U+212A KELVIN SIGN to 'k'), so a scheme spelled with them must still be refused.
   */
  @ParameterizedTest
  @ValueSource(strings = {"Ba\u017fic abc", "Bas\u0131c abc", "BAS\u0130C abc"})
  void schemeWithNonAsciiLookalikeLettersIsAnotherScheme(String value) {
    BoundRoute basic = BoundRoute.of(manager.config(), manager.route().authType("Basic").build());

    assertSame(basic.refusals().otherScheme, assertThrows(StatelessAuthError.class, () -> basic.token(header(value))));
  }

  @Test
  void kelvinSignIsNotTheLetterK() {
    BoundRoute key = BoundRoute.of(manager.config(), manager.route().authType("Key").build());

    assertSame(key.refusals().otherScheme,
        assertThrows(StatelessAuthError.class, () -> key.token(header("\u212aey abc"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"B", "Bea", "Beare"})
  void valueShorterThanTheSchemeIsAnotherScheme(String value) {
    assertSame(bearer.refusals().otherScheme, assertThrows(StatelessAuthError.class, () -> bearer.token(header(value))));
  }

  /**
   * Case is folded for A to Z only: '?' lies as far below '_' as 'A' lies below 'a', so folding
   * anything but letters would let {@code Zulu?Auth} pass for {@code Zulu_Auth}.
   */
  @Test
  void schemeCaseIsFoldedForTheLettersAToZAndNothingElse() {
    BoundRoute zulu = BoundRoute.of(manager.config(), manager.route().authType("Zulu_Auth").build());

    assertEquals("abc", zulu.token(header("ZULU_AUTH abc")));
    assertEquals("abc", zulu.token(header("zulu_auth abc")));
    assertSame(zulu.refusals().otherScheme,
        assertThrows(StatelessAuthError.class, () -> zulu.token(header("Zulu?Auth abc"))));
  }
}
