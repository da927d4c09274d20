package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The default error body's JSON string writer, against an independent strict reader. */
class JsonQuotePropertyTest {

  @Property
  void quotedTextReadsBackUnchanged(@ForAll("messages") String text) {
    String literal = JsonErrorHandler.quote(text);

    assertEquals(text, Json.string(literal));
    assertTrue(literal.chars().noneMatch(c -> c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029), literal);
  }

  @Provide
  Arbitrary<String> messages() {
    Arbitrary<Character> awkward = Arbitraries.of('"', '\\', '/', '\n', '\r', '\t', '\b', '\f', '\u0000',
        '\u007f', '\u0085', '\u00e9', '\u2028', '\u2029', '\ufeff');
    Arbitrary<Character> chars = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.chars().range(' ', '~')),
        Tuple.of(2, Arbitraries.chars().range('\u0000', '\u001f')),
        Tuple.of(2, awkward),
        Tuple.of(1, Arbitraries.chars()));
    return chars.list().ofMaxSize(40).map(list -> {
      StringBuilder text = new StringBuilder();
      list.forEach(text::append);
      return text.toString();
    });
  }
}
