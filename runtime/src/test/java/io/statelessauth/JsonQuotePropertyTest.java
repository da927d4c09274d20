package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.testsupport.Draw;
import io.statelessauth.testsupport.Property;
import org.junit.jupiter.api.Test;

/**
 * The default error body's JSON string writer, against an independent strict reader: 1 000 seeded
 * texts ({@code -DjsonQuote.seed=} replays a failure), mostly printable ASCII, control characters
 * and the characters JSON or JavaScript treat specially.
 */
class JsonQuotePropertyTest {
  private static final String AWKWARD = "\"\\/\n\r\t\b\f\u0000\u007f\u0085\u00e9\u2028\u2029\ufeff";

  @Test
  void quotedTextReadsBackUnchanged() {
    Property.named("jsonQuote").tries(1000).forAll(JsonQuotePropertyTest::message, (text, statistics) -> {
      String literal = JsonBody.quote(text);

      assertEquals(text, Json.string(literal));
      assertTrue(literal.chars().noneMatch(c -> c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029), literal);
    });
  }

  /** Up to 40 characters, each printable ASCII (3 in 8), a C0 control (2), awkward (2) or any (1). */
  private static String message(Draw draw) {
    int length = draw.length(0, 40);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      switch (draw.weighted(3, 2, 2, 1)) {
        case 0 -> text.append(draw.character(' ', '~'));
        case 1 -> text.append(draw.character('\u0000', '\u001f'));
        case 2 -> text.append(draw.character(AWKWARD));
        default -> text.append(draw.character('\u0000', '\uffff'));
      }
    }
    return text.toString();
  }
}
