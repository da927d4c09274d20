package io.statelessauth;

import com.sun.net.httpserver.Headers;
import java.util.List;
import java.util.Set;

/**
 * Reads the token a request presents by RFC 6750 §2.1 and RFC 9110 §11. From the {@code
 * authHeader}: one field, a scheme of the route (any case), one or more spaces, one {@code b64token}.
 * From a scheme's own header: one field whose whole value is one {@code b64token}. Either way no
 * longer than the configured maximum, white space around the value ignored.
 */
final class Credentials {
  /** RFC 9110 §11.6.2: the header every scheme is read from unless configured otherwise. */
  static final String AUTHORIZATION = "Authorization";

  private Credentials() {}

  /**
   * The token the request presents for a route of one scheme, read from that scheme's header, or
   * {@code null} when the route is {@code optional} and the request presents none (no field, a
   * blank one, or another scheme).
   *
   * @throws StatelessAuthError 401 without an error code when a required route gets no
   *     credentials for its scheme, 400 {@code invalid_request} when they are malformed or the
   *     header is repeated
   */
  static String token(Headers headers, int maxTokenLength, boolean optional, RouteRefusals scheme) {
    List<String> fields = fieldsOf(headers, scheme);
    if (fields == null || fields.isEmpty()) {
      return noCredentials(optional, scheme.missingCredentials);
    }
    if (fields.size() > 1) {
      throw scheme.multipleHeaders;
    }
    return token(fields.get(0), maxTokenLength, optional, scheme);
  }

  /**
   * Which of a route's several schemes the request may present credentials for: its index in
   * {@code schemes}, or -1 for none. A request that has no other scheme's header gets the first
   * scheme, and one that has one scheme's header only gets that scheme, without reading the field:
   * the route then reads it as a route of that scheme alone would ({@link #token(Headers, int,
   * boolean, RouteRefusals) token}), a missing or blank field counting as no credentials. A request
   * that has the headers of two or more has each field read.
   *
   * <p>Copies nothing for a header the request does not have: {@link Headers} keeps each name as
   * it normalises it ({@code X-api-key}), and that spelling is looked up in {@code keySet()},
   * whereas {@code get} copies the name it is given.
   *
   * @throws StatelessAuthError 400 {@code invalid_request}: {@code several} when the request presents
   *     two or more of the schemes, a scheme's own refusal when its header is repeated
   */
  static int presentedScheme(Headers headers, RouteRefusals[] schemes, Refusal several) {
    Set<String> names = headers.keySet();
    int other = -1;
    for (int i = 1; i < schemes.length; i++) {
      if (names.contains(schemes[i].normalizedHeader)) {
        if (other >= 0) {
          return presentedAmong(headers, schemes, several);
        }
        other = i;
      }
    }
    if (other < 0) {
      return 0;
    }
    return names.contains(schemes[0].normalizedHeader) ? presentedAmong(headers, schemes, several) : other;
  }

  /** {@link #presentedScheme} for a request that has the headers of two or more schemes. */
  private static int presentedAmong(Headers headers, RouteRefusals[] schemes, Refusal several) {
    int presented = -1;
    for (int i = 0; i < schemes.length; i++) {
      RouteRefusals scheme = schemes[i];
      List<String> fields = fieldsOf(headers, scheme);
      if (fields == null || fields.isEmpty()) {
        continue;
      }
      if (fields.size() > 1) {
        throw scheme.multipleHeaders;
      }
      if (presents(fields.get(0), scheme)) {
        if (presented >= 0) {
          throw several;
        }
        presented = i;
      }
    }
    return presented;
  }

  /**
   * The fields of {@code scheme}'s header, {@code null} when the request has none. {@code
   * Authorization} is looked up by a constant: {@code Headers.get} copies and normalises the name
   * it is given on every call, and for a constant the JIT does most of that work once, when it
   * compiles the route (about 15 ns of a request in {@code AuthOverhead}).
   */
  private static List<String> fieldsOf(Headers headers, RouteRefusals scheme) {
    return scheme.readsAuthorization ? headers.get(AUTHORIZATION) : headers.get(scheme.header);
  }

  /**
   * The token in {@code value}, one field of {@code scheme}'s header, or {@code null} when the
   * route is {@code optional} and the field presents no credentials for the scheme.
   */
  private static String token(String value, int maxTokenLength, boolean optional, RouteRefusals scheme) {
    int start = start(value);
    int end = end(value, start);
    if (start == end) {
      return noCredentials(optional, scheme.missingCredentials);
    }
    int tokenStart = tokenStart(value, start, end, scheme);
    if (tokenStart < 0) {
      return noCredentials(optional, scheme.otherScheme);
    }
    return checkedToken(value, tokenStart, end, maxTokenLength, scheme);
  }

  /** Whether {@code value}, a field of {@code scheme}'s header, presents credentials for it. */
  private static boolean presents(String value, RouteRefusals scheme) {
    int start = start(value);
    int end = end(value, start);
    return start < end && tokenStart(value, start, end, scheme) >= 0;
  }

  /**
   * Where the token begins in {@code value[start, end)}, a non-blank field of {@code scheme}'s
   * header: at {@code start} for the scheme's own header, after the scheme and the spaces that
   * follow it for {@code authHeader}; -1 when the field names another scheme.
   */
  private static int tokenStart(String value, int start, int end, RouteRefusals scheme) {
    if (scheme.ownHeader) {
      return start;
    }
    int tokenStart = schemeEnd(value, start, end, scheme.scheme);
    if (tokenStart < 0) {
      return -1;
    }
    while (tokenStart < end && value.charAt(tokenStart) == ' ') {
      tokenStart++;
    }
    return tokenStart;
  }

  /** {@code value[tokenStart, tokenEnd)}, once it is known to be one {@code b64token} short enough. */
  private static String checkedToken(String value, int tokenStart, int tokenEnd, int maxTokenLength,
      RouteRefusals scheme) {
    if (tokenEnd - tokenStart > maxTokenLength) {
      throw scheme.tokenTooLong;
    }
    if (!Syntax.isB64Token(value, tokenStart, tokenEnd)) {
      throw scheme.malformedCredentials;
    }
    return value.substring(tokenStart, tokenEnd);
  }

  /**
   * Where {@code scheme} ends when {@code value[start, end)} begins with it (any case), followed by
   * a space or nothing; -1 when it names another scheme.
   */
  private static int schemeEnd(String value, int start, int end, String scheme) {
    int schemeEnd = start + scheme.length();
    if (schemeEnd > end
        || !(value.startsWith(scheme, start) || Syntax.equalsIgnoreAsciiCase(value, start, scheme))
        || (schemeEnd < end && value.charAt(schemeEnd) != ' ')) {
      return -1;
    }
    return schemeEnd;
  }

  /** Where {@code value} starts once the white space before it is skipped. */
  private static int start(String value) {
    int start = 0;
    while (start < value.length() && isWhitespace(value.charAt(start))) {
      start++;
    }
    return start;
  }

  /** Where {@code value} ends once the white space after it is cut, not before {@code start}. */
  private static int end(String value, int start) {
    int end = value.length();
    while (end > start && isWhitespace(value.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  /** Nothing for an optional route: its request is anonymous; {@code refusal} for a required one. */
  private static String noCredentials(boolean optional, Refusal refusal) {
    if (optional) {
      return null;
    }
    throw refusal;
  }

  /** RFC 9110 {@code OWS}: space and horizontal tab. */
  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t';
  }
}
