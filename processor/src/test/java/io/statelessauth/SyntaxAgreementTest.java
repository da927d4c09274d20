package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The processor checks {@code @TokenRequired}'s values at compile time and the runtime checks a
 * route's values again when it is built by hand: both must accept exactly the same characters.
 * Runs both over every ASCII character (this test sits in the runtime's package to reach its
 * package-private {@code Syntax}).
 */
class SyntaxAgreementTest {
  @Test
  void schemesAreRfc9110TokensInBoth() {
    for (char c = 0; c < 128; c++) {
      assertEquals(Syntax.isToken(String.valueOf(c)), io.statelessauth.processor.validation.Syntax.isTchar(c),
          "character " + (int) c);
    }
  }

  @Test
  void tokenTypesAreVisibleAsciiInBoth() {
    for (char c = 0; c < 128; c++) {
      assertEquals(Syntax.isVisibleAscii(String.valueOf(c)),
          io.statelessauth.processor.validation.Syntax.isVisibleAscii(c), "character " + (int) c);
    }
  }

  @Test
  void scopesAreRfc6749ScopeTokensInBoth() {
    for (char c = 0; c < 128; c++) {
      assertEquals(Syntax.isScopeToken(String.valueOf(c)),
          io.statelessauth.processor.validation.Syntax.isScopeChar(c), "character " + (int) c);
    }
  }
}
