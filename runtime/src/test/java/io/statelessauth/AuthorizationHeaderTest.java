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
  private final AuthRoute bearer = manager.route("", "");

  private static Headers header(String value) {
    return RawHeaders.of("Authorization", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {" Bearer abc", "Bearer abc ", "\tBearer abc\t", " \t Bearer   abc \t "})
  void parserTrimsSpacesAndTabsItself(String value) {
    assertEquals("abc", AuthorizationHeader.token(header(value), bearer));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer\tabc", "Bearer\r\n abc", "Bearer\rabc", "Bearer\nabc", "Bearer\u00a0abc", "Bearer\u3000abc"})
  void onlySpacesSeparateSchemeAndToken(String value) {
    assertSame(bearer.otherScheme, assertThrows(StatelessAuthError.class, () -> AuthorizationHeader.token(header(value), bearer)));
  }

  @Test
  void tabAfterTheSpacesIsNotPartOfAB64Token() {
    assertSame(bearer.malformedCredentials,
        assertThrows(StatelessAuthError.class, () -> AuthorizationHeader.token(header("Bearer \tabc"), bearer)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer abc\r", "Bearer abc\n", "Bearer a\u0000c", "Bearer \u00e9", "Bearer \u2028", "Bearer \ud83d\udd11"})
  void controlAndNonAsciiCharactersInTheTokenAreMalformed(String value) {
    assertSame(bearer.malformedCredentials,
        assertThrows(StatelessAuthError.class, () -> AuthorizationHeader.token(header(value), bearer)));
  }

  @Test
  void twoFieldsAreRefusedWhateverTheyHold() {
    assertSame(bearer.multipleHeaders, assertThrows(StatelessAuthError.class,
        () -> AuthorizationHeader.token(RawHeaders.of("Authorization", "Bearer abc", ""), bearer)));
  }

  @Test
  void emptyFieldListIsMissingCredentials() {
    Headers headers = RawHeaders.of("Authorization");

    assertSame(bearer.missingCredentials, assertThrows(StatelessAuthError.class, () -> AuthorizationHeader.token(headers, bearer)));
  }

  @Test
  void lengthIsCheckedBeforeSyntax() {
    AuthRoute shortTokens = new TestManager(StatelessAuthConfig.builder().maxTokenLength(3).build()).route("", "");

    assertEquals("abc", AuthorizationHeader.token(header("Bearer abc"), shortTokens));
    assertSame(shortTokens.tokenTooLong,
        assertThrows(StatelessAuthError.class, () -> AuthorizationHeader.token(header("Bearer a b c"), shortTokens)));
  }

  /**
   * RFC 9110 compares schemes case-insensitively over ASCII; Java's {@code regionMatches(true, ...)}
   * also folds non-ASCII letters onto ASCII ones (U+017F LATIN SMALL LETTER LONG S to 's', U+0131
   * DOTLESS I to 'i', U+212A KELVIN SIGN to 'k'), so a scheme spelled with them must still be refused.
   */
  @ParameterizedTest
  @ValueSource(strings = {"Ba\u017fic abc", "Bas\u0131c abc", "BAS\u0130C abc"})
  void schemeWithNonAsciiLookalikeLettersIsAnotherScheme(String value) {
    AuthRoute basic = manager.route("", "Basic");

    assertSame(basic.otherScheme, assertThrows(StatelessAuthError.class, () -> AuthorizationHeader.token(header(value), basic)));
  }

  @Test
  void kelvinSignIsNotTheLetterK() {
    AuthRoute key = manager.route("", "Key");

    assertSame(key.otherScheme,
        assertThrows(StatelessAuthError.class, () -> AuthorizationHeader.token(header("\u212aey abc"), key)));
  }
}
