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
   * The token the request presents for {@code route}, or {@code null} when the route is optional
   * and the request presents no credentials for its scheme (no field, a blank one, or another
   * scheme).
   *
   * @throws StatelessAuthError 401 without an error code when a required route gets no
   *     credentials for its scheme, 400 {@code invalid_request} when they are malformed or the
   *     header is repeated
   */
  static String token(Headers headers, StatelessAuthConfig config, AuthRoute route, RouteRefusals refusals) {
    List<String> fields = headers.get(config.authHeader());
    if (fields == null || fields.isEmpty()) {
      return noCredentials(route, refusals.missingCredentials);
    }
    if (fields.size() > 1) {
      throw refusals.multipleHeaders;
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
      return noCredentials(route, refusals.missingCredentials);
    }
    String scheme = route.authType();
    int schemeEnd = start + scheme.length();
    if (schemeEnd > end
        || !Syntax.equalsIgnoreAsciiCase(value, start, scheme)
        || (schemeEnd < end && value.charAt(schemeEnd) != ' ')) {
      return noCredentials(route, refusals.otherScheme);
    }
    int tokenStart = schemeEnd;
    while (tokenStart < end && value.charAt(tokenStart) == ' ') {
      tokenStart++;
    }
    if (end - tokenStart > config.maxTokenLength()) {
      throw refusals.tokenTooLong;
    }
    if (!Syntax.isB64Token(value, tokenStart, end)) {
      throw refusals.malformedCredentials;
    }
    return value.substring(tokenStart, end);
  }

  /** Nothing for an optional route: its request is anonymous; {@code refusal} for a required one. */
  private static String noCredentials(AuthRoute route, Refusal refusal) {
    if (route.optional()) {
      return null;
    }
    throw refusal;
  }

  /** RFC 9110 {@code OWS}: space and horizontal tab. */
  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t';
  }
}
