package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.statistics.StatisticsReport.StatisticsReportMode;

/**
 * For any header value, {@link AuthorizationHeader#token} returns exactly the credentials when
 * they are one valid {@code b64token} under the route's scheme, and otherwise throws a {@link
 * StatelessAuthError} with 400 or 401 — never anything else. The expected outcome comes from an
 * independent reading of DESIGN step 2 ({@link #expected}). The values reach the parser through
 * {@link RawHeaders}, unfiltered by the JDK's own header checks, which differ between JDK versions.
 */
class AuthorizationHeaderPropertyTest {
  private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
  private static final String B64_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";

  private static final BoundRoute SHORT = BoundRoute.defaults(StatelessAuthConfig.builder().maxTokenLength(64).build());
  private static final BoundRoute DEFAULT = BoundRoute.defaults(StatelessAuthConfig.defaults());

  @Property
  @StatisticsReport(StatisticsReportMode.OFF)
  void anyValueGivesItsCredentialsOrA400Or401(@ForAll("headerValues") String value) {
    String outcome = check(SHORT, value);

    Statistics.label("outcome").collect(outcome);
    Statistics.label("outcome").coverage(checker -> {
      checker.check("token").percentage(p -> p > 10);
      checker.check("400").percentage(p -> p > 10);
      checker.check("401").percentage(p -> p > 10);
    });
  }

  @Property
  @StatisticsReport(StatisticsReportMode.OFF)
  void veryLongValuesAreMeasuredAgainstMaxTokenLength(@ForAll("longValues") String value) {
    String outcome = check(DEFAULT, value);

    Statistics.label("outcome").collect(outcome);
    Statistics.label("outcome").coverage(checker -> {
      checker.check("token").percentage(p -> p > 10);
      checker.check("400").percentage(p -> p > 10);
    });
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

  /** The token DESIGN step 2 accepts in {@code value}, if any. */
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

  @Provide
  Arbitrary<String> headerValues() {
    Arbitrary<String> structured = Combinators.combine(ows(), schemes(), separators(), credentials(), ows())
        .as((lead, scheme, separator, credentials, trail) -> lead + scheme + separator + credentials + trail);
    return Arbitraries.frequencyOf(
            Tuple.of(4, structured),
            Tuple.of(1, Arbitraries.strings().all().ofMaxLength(100)),
            Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(100)));
  }

  @Provide
  Arbitrary<String> longValues() {
    Arbitrary<String> nearTheLimit = Arbitraries.integers().between(4000, 4200)
        .flatMap(length -> Arbitraries.strings().withChars(B64_CHARS).ofLength(length));
    Arbitrary<String> long7Bit = Arbitraries.strings().withCharRange('\u0000', '\u007f').ofMinLength(1000).ofMaxLength(10_000);
    Arbitrary<String> longAny = Arbitraries.strings().all().ofMinLength(1000).ofMaxLength(10_000);
    Arbitrary<String> credentials = Arbitraries.frequencyOf(
        Tuple.of(6, nearTheLimit), Tuple.of(1, long7Bit), Tuple.of(1, longAny));
    return Combinators.combine(schemes(), separators(), credentials)
        .as((scheme, separator, token) -> scheme + separator + token);
  }

  private static Arbitrary<String> ows() {
    return Arbitraries.strings().withChars(" \t").ofMaxLength(3);
  }

  private static Arbitrary<String> schemes() {
    Arbitrary<String> anyCase = Arbitraries.integers().between(0, 63).map(mask -> {
      StringBuilder scheme = new StringBuilder();
      String bearer = "bearer";
      for (int i = 0; i < bearer.length(); i++) {
        char c = bearer.charAt(i);
        scheme.append((mask & (1 << i)) != 0 ? Character.toUpperCase(c) : c);
      }
      return scheme.toString();
    });
    Arbitrary<String> others = Arbitraries.of("", "Basic", "Token", "Bear", "Bearerx", "Bearer,", "Bearer\u0000",
        "B\u00e9arer", "Bearer=", "\u0000Bearer", "Bearer\r\n", "Bearer\r", "\nBearer");
    return Arbitraries.frequencyOf(Tuple.of(6, anyCase), Tuple.of(2, others),
        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(8)));
  }

  private static Arbitrary<String> separators() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.strings().withChars(' ').ofMinLength(1).ofMaxLength(6)),
        Tuple.of(1, Arbitraries.strings().withChars(" \t\u000b\u00a0").ofMaxLength(3)),
        Tuple.of(1, Arbitraries.just("")));
  }

  private static Arbitrary<String> credentials() {
    Arbitrary<String> b64 = Combinators.combine(
            Arbitraries.strings().withChars(B64_CHARS).ofMinLength(1).ofMaxLength(80),
            Arbitraries.strings().withChars('=').ofMaxLength(3))
        .as((body, padding) -> body + padding);
    Arbitrary<String> b64WithOneOddChar = Combinators.combine(b64, Arbitraries.integers().between(0, 80),
            Arbitraries.chars().with('=', ' ', '\t', '\r', '\n', '"', ',', ';', ':', '\u0000', '\u001f', '\u007f', '\u00e9', '\u2028', '\ud800'))
        .as((token, at, odd) -> {
          int i = Math.min(at, token.length());
          return token.substring(0, i) + odd + token.substring(i);
        });
    return Arbitraries.frequencyOf(
        Tuple.of(5, b64),
        Tuple.of(3, b64WithOneOddChar),
        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(30)),
        Tuple.of(1, Arbitraries.just("")));
  }
}
