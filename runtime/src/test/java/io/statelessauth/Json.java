package io.statelessauth;

/** A strict reader of the default error body, to check its escaping independently of the writer. */
final class Json {
  private static final String PREFIX = "{\"error\": ";

  private Json() {}

  /** The text of {@code {"error": "<text>"}}; fails on anything that is not exactly that shape. */
  static String errorText(String body) {
    if (!body.startsWith(PREFIX) || !body.endsWith("}")) {
      throw new AssertionError("Not an error body: " + body);
    }
    return string(body.substring(PREFIX.length(), body.length() - 1));
  }

  /** The value of one JSON string literal (RFC 8259 §7), strictly. */
  static String string(String literal) {
    if (literal.length() < 2 || literal.charAt(0) != '"' || literal.charAt(literal.length() - 1) != '"') {
      throw new AssertionError("Not a JSON string: " + literal);
    }
    StringBuilder text = new StringBuilder();
    for (int i = 1; i < literal.length() - 1; i++) {
      char c = literal.charAt(i);
      if (c < 0x20) {
        throw new AssertionError("Unescaped control character U+" + Integer.toHexString(c) + " in " + literal);
      }
      if (c == '"') {
        throw new AssertionError("Unescaped quote in " + literal);
      }
      if (c != '\\') {
        text.append(c);
        continue;
      }
      char escape = literal.charAt(++i);
      switch (escape) {
        case '"': text.append('"'); break;
        case '\\': text.append('\\'); break;
        case '/': text.append('/'); break;
        case 'b': text.append('\b'); break;
        case 'f': text.append('\f'); break;
        case 'n': text.append('\n'); break;
        case 'r': text.append('\r'); break;
        case 't': text.append('\t'); break;
        case 'u':
          text.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
          i += 4;
          break;
        default:
          throw new AssertionError("Bad escape \\" + escape + " in " + literal);
      }
    }
    return text.toString();
  }
}
