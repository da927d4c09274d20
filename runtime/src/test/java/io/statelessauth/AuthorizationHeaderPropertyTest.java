package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import io.statelessauth.testsupport.Draw;
import io.statelessauth.testsupport.Property;
import io.statelessauth.testsupport.Statistics;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * For any header value, {@link AuthorizationHeader#token} returns exactly the credentials when
 * they are one valid {@code b64token} under the route's scheme, and otherwise throws a {@link
 * StatelessAuthError} with 400 or 401 — never anything else. The expected outcome comes from an
 * independent reading of the README's "One request, step by step" ({@link #expected}). The values reach the parser through
 * {@link RawHeaders}, unfiltered by the JDK's own header checks, which differ between JDK versions.
 * Each property runs 1 000 seeded tries; a failure names its seed, and {@code -Dheader.seed=} or
 * {@code -DlongHeader.seed=} replays it.
 */
class AuthorizationHeaderPropertyTest {
  private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
  private static final String B64_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";

  private static final BoundRoute SHORT = BoundRoute.defaults(StatelessAuthConfig.builder().maxTokenLength(64).build());
  private static final BoundRoute DEFAULT = BoundRoute.defaults(StatelessAuthConfig.defaults());

  @Test
  void anyValueGivesItsCredentialsOrA400Or401() {
    Statistics outcomes = Property.named("header").tries(1000).forAll(AuthorizationHeaderPropertyTest::headerValue,
        (value, statistics) -> statistics.collect("outcome", check(SHORT, value)));

    assertTrue(outcomes.percentage("outcome", "token") > 10, outcomes::toString);
    assertTrue(outcomes.percentage("outcome", "400") > 10, outcomes::toString);
    assertTrue(outcomes.percentage("outcome", "401") > 10, outcomes::toString);
  }

  @Test
  void veryLongValuesAreMeasuredAgainstMaxTokenLength() {
    Statistics outcomes = Property.named("longHeader").tries(1000).forAll(AuthorizationHeaderPropertyTest::longValue,
        (value, statistics) -> statistics.collect("outcome", check(DEFAULT, value)));

    assertTrue(outcomes.percentage("outcome", "token") > 10, outcomes::toString);
    assertTrue(outcomes.percentage("outcome", "400") > 10, outcomes::toString);
  }

  /** Parses {@code value} and checks the outcome; returns {@code token}, {@code 400} or {@code 401}. */
  private static String check(BoundRoute route, String value) {
    Headers headers = RawHeaders.of("Authorization", value);
    Optional<String> expected = expected(route, value);
    int expectedStatus = expected.isPresent() ? 200 : expectedRefusal(route, value);
    try {
      String token = route.token(headers);
      assertEquals(200, expectedStatus, () -> "accepted " + token);
      assertEquals(expected.get(), token);
      assertTrue(B64TOKEN.matcher(token).matches(), token);
      assertTrue(token.length() <= route.maxTokenLength());
      return "token";
    } catch (StatelessAuthError refused) {
      assertTrue(refused.code() == 400 || refused.code() == 401, () -> "status " + refused.code());
      assertEquals(expectedStatus, refused.code(), refused::fullMsg);
      assertEquals(refused.code() == 400 ? Optional.of("invalid_request") : Optional.empty(), refused.errorCode());
      return String.valueOf(refused.code());
    }
  }

  /** The token that the README's steps accept in {@code value}, if any. */
  static Optional<String> expected(BoundRoute route, String value) {
    String credentials = credentials(route, value);
    if (credentials == null || credentials.length() > route.maxTokenLength() || !B64TOKEN.matcher(credentials).matches()) {
      return Optional.empty();
    }
    return Optional.of(credentials);
  }

  private static int expectedRefusal(BoundRoute route, String value) {
    return credentials(route, value) == null ? 401 : 400;
  }

  /** What follows the route's scheme and its spaces, or {@code null} when the value names no such scheme. */
  private static String credentials(BoundRoute route, String value) {
    String trimmed = stripOws(value);
    String scheme = route.authType();
    if (trimmed.length() < scheme.length() || !asciiEqualsIgnoreCase(trimmed.substring(0, scheme.length()), scheme)) {
      return null;
    }
    String rest = trimmed.substring(scheme.length());
    if (!rest.isEmpty() && rest.charAt(0) != ' ') {
      return null;
    }
    return rest.replaceFirst("^ +", "");
  }

  private static String stripOws(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
      end--;
    }
    return value.substring(start, end);
  }

  private static boolean asciiEqualsIgnoreCase(String a, String b) {
    for (int i = 0; i < a.length(); i++) {
      if (asciiLower(a.charAt(i)) != asciiLower(b.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  // Generators

  /** A near-valid value (4 in 6), any string (1) or any Latin-1 string (1), up to 100 characters. */
  private static String headerValue(Draw draw) {
    switch (draw.weighted(4, 1, 1)) {
      case 0:
        return ows(draw) + scheme(draw) + separator(draw) + anyCredentials(draw) + ows(draw);
      case 1:
        return draw.string('\u0000', '\uffff', 0, 100);
      default:
        return draw.string('\u0000', '\u00ff', 0, 100);
    }
  }

  /** A scheme, a separator and long credentials: near the 4 096 limit (6 in 8), long 7-bit (1) or long any (1). */
  private static String longValue(Draw draw) {
    String scheme = scheme(draw);
    String separator = separator(draw);
    String credentials;
    switch (draw.weighted(6, 1, 1)) {
      case 0:
        credentials = draw.string(B64_CHARS, 4000, 4200);
        break;
      case 1:
        credentials = draw.string('\u0000', '\u007f', 1000, 10_000);
        break;
      default:
        credentials = draw.string('\u0000', '\uffff', 1000, 10_000);
        break;
    }
    return scheme + separator + credentials;
  }

  private static String ows(Draw draw) {
    return draw.string(" \t", 0, 3);
  }

  /** "bearer" in any case (6 in 9), a near miss (2), or any string up to 8 characters (1). */
  private static String scheme(Draw draw) {
    switch (draw.weighted(6, 2, 1)) {
      case 0:
        return draw.inAnyCase("bearer");
      case 1:
        return draw.of("", "Basic", "Token", "Bear", "Bearerx", "Bearer,", "Bearer\u0000",
            "B\u00e9arer", "Bearer=", "\u0000Bearer", "Bearer\r\n", "Bearer\r", "\nBearer");
      default:
        return draw.string('\u0000', '\uffff', 0, 8);
    }
  }

  /** One to six spaces (6 in 8), up to three of space, tab, VT and NBSP (1), or nothing (1). */
  private static String separator(Draw draw) {
    switch (draw.weighted(6, 1, 1)) {
      case 0:
        return draw.string(" ", 1, 6);
      case 1:
        return draw.string(" \t\u000b\u00a0", 0, 3);
      default:
        return "";
    }
  }

  /** A b64token (5 in 10), one with an odd character put in (3), any string up to 30 (1), or nothing (1). */
  private static String anyCredentials(Draw draw) {
    switch (draw.weighted(5, 3, 1, 1)) {
      case 0:
        return b64(draw);
      case 1:
        String token = b64(draw);
        int at = Math.min(draw.between(0, 80), token.length());
        char odd = draw.of('=', ' ', '\t', '\r', '\n', '"', ',', ';', ':', '\u0000', '\u001f', '\u007f', '\u00e9', '\u2028', '\ud800');
        return token.substring(0, at) + odd + token.substring(at);
      case 2:
        return draw.string('\u0000', '\uffff', 0, 30);
      default:
        return "";
    }
  }

  private static String b64(Draw draw) {
    return draw.string(B64_CHARS, 1, 80) + draw.string("=", 0, 3);
  }
}
