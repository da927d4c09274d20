package io.statelessauth;

import java.nio.charset.StandardCharsets;

/** The default error body, {@code {"error": "<fullMsg>"}}, encoded as UTF-8 JSON. */
final class JsonBody {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonBody() {}

  /** The body for an error whose {@link StatelessAuthError#fullMsg()} is {@code fullMsg}. */
  static byte[] of(String fullMsg) {
    return ("{\"error\": " + quote(fullMsg) + "}").getBytes(StandardCharsets.UTF_8);
  }

  /** {@code text} as a JSON string (RFC 8259 §7), escaping quotes, backslashes and control characters. */
  static String quote(String text) {
    StringBuilder json = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"':
          json.append("\\\"");
          break;
        case '\\':
          json.append("\\\\");
          break;
        case '\n':
          json.append("\\n");
          break;
        case '\r':
          json.append("\\r");
          break;
        case '\t':
          json.append("\\t");
          break;
        default:
          if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029') {
            json.append("\\u")
                .append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
          } else {
            json.append(c);
          }
      }
    }
    return json.append('"').toString();
  }
}
