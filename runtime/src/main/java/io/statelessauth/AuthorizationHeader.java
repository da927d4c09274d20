package io.statelessauth;

import com.sun.net.httpserver.Headers;
import java.util.List;

/**
 * Reads the token from the request's credentials header by RFC 6750 §2.1 and RFC 9110 §11: one
 * field, the route's scheme (any case), one or more spaces, one {@code b64token} no longer than
 * the configured maximum; white space around the value is ignored.
 */
final class AuthorizationHeader {

  private AuthorizationHeader() {}

  /**
   * The token the request presents for {@code route}.
   *
   * @throws StatelessAuthError 401 without an error code when there are no credentials for the
   *     route's scheme, 400 {@code invalid_request} when they are malformed
   */
  static String token(Headers headers, AuthRoute route) {
    List<String> fields = headers.get(route.authHeader());
    if (fields == null || fields.isEmpty()) {
      throw route.missingCredentials;
    }
    if (fields.size() > 1) {
      throw route.multipleHeaders;
    }
    String value = fields.get(0);
    int start = 0;
    int end = value.length();
    while (start < end && isWhitespace(value.charAt(start))) {
      start++;
    }
    while (end > start && isWhitespace(value.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      throw route.missingCredentials;
    }
    String scheme = route.authType();
    int schemeEnd = start + scheme.length();
    if (schemeEnd > end
        || !Syntax.equalsIgnoreAsciiCase(value, start, scheme)
        || (schemeEnd < end && value.charAt(schemeEnd) != ' ')) {
      throw route.otherScheme;
    }
    int tokenStart = schemeEnd;
    while (tokenStart < end && value.charAt(tokenStart) == ' ') {
      tokenStart++;
    }
    if (end - tokenStart > route.maxTokenLength()) {
      throw route.tokenTooLong;
    }
    if (!Syntax.isB64Token(value, tokenStart, end)) {
      throw route.malformedCredentials;
    }
    return value.substring(tokenStart, end);
  }

  /** RFC 9110 {@code OWS}: space and horizontal tab. */
  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t';
  }
}
