package io.statelessauth.benchmarks.handwritten;

import com.sun.net.httpserver.Headers;
import java.util.List;

/**
 * Reads the bearer token from the {@code Authorization} header the way a careful engineer would
 * inline it: exactly one field, the scheme in any case, one or more spaces, one RFC 6750 {@code
 * b64token} no longer than the limit, surrounding white space ignored.
 */
public final class BearerToken {

  private BearerToken() {}

  /** The token in {@code headers}, or the route's refusal for missing or malformed credentials. */
  public static String from(Headers headers, Refusals refusals) throws Refusal {
    List<String> fields = headers.get("Authorization");
    if (fields == null || fields.isEmpty()) {
      throw refusals.missingCredentials;
    }
    if (fields.size() > 1) {
      throw refusals.multipleHeaders;
    }
    String value = fields.get(0);
    int start = 0;
    int end = value.length();
    while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
      end--;
    }
    if (start == end) {
      throw refusals.missingCredentials;
    }
    String scheme = refusals.scheme;
    int tokenStart = start + scheme.length();
    if (tokenStart > end
        || !equalsIgnoreAsciiCase(value, start, scheme)
        || (tokenStart < end && value.charAt(tokenStart) != ' ')) {
      throw refusals.otherScheme;
    }
    while (tokenStart < end && value.charAt(tokenStart) == ' ') {
      tokenStart++;
    }
    if (end - tokenStart > Refusals.MAX_TOKEN_LENGTH) {
      throw refusals.tokenTooLong;
    }
    if (!isB64Token(value, tokenStart, end)) {
      throw refusals.malformedCredentials;
    }
    return value.substring(tokenStart, end);
  }

  /** Whether {@code value} holds {@code scheme} at {@code from}, folding A-Z only (RFC 9110 compares over ASCII). */
  private static boolean equalsIgnoreAsciiCase(String value, int from, String scheme) {
    for (int i = 0; i < scheme.length(); i++) {
      char c = value.charAt(from + i);
      char expected = scheme.charAt(i);
      if (c != expected && !(isAsciiLetter(c) && (c | 0x20) == (expected | 0x20))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="} in {@code value[from, to)}. */
  private static boolean isB64Token(String value, int from, int to) {
    int i = from;
    while (i < to && isB64Char(value.charAt(i))) {
      i++;
    }
    if (i == from) {
      return false;
    }
    while (i < to && value.charAt(i) == '=') {
      i++;
    }
    return i == to;
  }

  private static boolean isB64Char(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
  }
}
