package io.statelessauth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.SecretTokens;
import io.statelessauth.tests.HeaderOracle.Expected;
import io.statelessauth.tests.HeaderOracle.Kind;
import io.statelessauth.tests.ProbeServer.Outcome;
import io.statelessauth.testsupport.Draw;
import io.statelessauth.testsupport.LogCapture;
import io.statelessauth.testsupport.Property;
import io.statelessauth.testsupport.RawHttp;
import io.statelessauth.testsupport.Statistics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Arbitrary {@code Authorization} bytes, sent over raw keep-alive sockets to a real server through
 * the generated wrapper: control characters, NUL, CR and LF, non-ASCII, empty values, 100 kB
 * values, several fields, schemes in any case, valid tokens embedded. Each request gets exactly the
 * answer {@link HeaderOracle} works out on its own (so never a 5xx, and the handler is called only
 * for one field holding the scheme and a known valid token), a complete response (a hang or a
 * close fails), nothing escapes the wrapper or stays bound to the worker, and nothing is logged.
 *
 * <p>10 000 seeded tries in the normal build; a failure names its seed, and {@code -Dfuzz.seed=}
 * replays it. The long run:
 * {@code mvn -B -o -pl tests -am verify -Dtest=HeaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.tries=1000000}
 * (the Maven property {@code fuzz.tries} reaches this JVM through surefire's {@code systemPropertyVariables}).
 */
class HeaderFuzzTest {
  private static final int MAX_TOKEN_LENGTH = 4096;
  private static final String B64_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";
  private static final byte[] REQUEST_LINE = "GET /faulty/echo HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HOST = "Host: fuzz\r\n".getBytes(StandardCharsets.US_ASCII);

  /** Valid tokens for the echo route: the handler must get them. Fixed, so that a seed replays a failure. */
  private static final List<String> VALID = List.of(
      "6iiH8WUDAOJckx2V51bLlQI1hy2uT6I8gZCbxLFuP78",
      "x-nOd_1zuVBr6Uq3D3ed2n40YoFZ8VO003jRQmljzNI",
      "tok.~+/-_NYto-w0qDuAz3pqKs4_kj9QKAOGHLc6oQiLyau9fcns==",
      "Z",
      "x".repeat(MAX_TOKEN_LENGTH),
      "alice-access",
      "alice-admin");
  /** Tokens the loaders know but refuse on this route: refresh type, expired, inactive user, revoked. */
  private static final List<String> REFUSED = List.of("alice-refresh", "alice-expired", "gone-access", StoreTokens.REVOKED);
  private static final List<String> KNOWN = concat(VALID, REFUSED);
  /** API keys the loaders know under {@code ApiKey} (and no bearer token is one of them). */
  private static final List<String> VALID_KEYS = List.of(
      "k3y9HJpm1FyT2iD0oQ4wXbZc5Ve7Ra8Ns6Lu0Gt3Ej1Kq", "alice-key", "alice-admin-key", "K");
  /** Keys the loaders know but refuse: expired, of an inactive user. */
  private static final List<String> REFUSED_KEYS = List.of("alice-expired-key", "gone-key");
  private static final List<String> KNOWN_KEYS = concat(VALID_KEYS, REFUSED_KEYS);
  /** Known tokens and keys alike: either may be presented under either scheme. */
  private static final List<String> KNOWN_EITHER = concat(KNOWN, KNOWN_KEYS);
  private static final byte[] TWO_SCHEMES_REQUEST_LINE =
      "GET /faulty/echoEither HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);

  private static ProbeServer server;
  /** Whether this JDK's server refuses control characters in header values itself (17.0.21 does). */
  private static boolean strictServer;
  private static RawHttp connection;
  private static LogCapture logs;
  private static HeaderOracle oracle;
  /** The request before, for failures that only a sequence of requests on one connection shows. */
  private static FuzzRequest previous;

  @BeforeAll
  static void start() throws IOException {
    Map<String, Kind> known = new HashMap<>();
    for (String token : VALID) {
      if (!token.startsWith("alice-")) {
        Faults.issue(token);
      }
      known.put(token, Kind.HANDLED);
    }
    REFUSED.forEach(token -> known.put(token, Kind.INVALID_TOKEN));
    Map<String, Kind> knownKeys = new HashMap<>();
    for (String key : VALID_KEYS) {
      if (!key.startsWith("alice-")) {
        Faults.issueKey(key);
      }
      knownKeys.put(key, Kind.HANDLED);
    }
    REFUSED_KEYS.forEach(key -> knownKeys.put(key, Kind.INVALID_TOKEN));
    logs = LogCapture.everything(Level.INFO);
    server = new ProbeServer(2);
    strictServer = server.refusesControlCharactersInValues();
    oracle = new HeaderOracle(known, knownKeys, ProbeServer.KEY_HEADER, MAX_TOKEN_LENGTH, strictServer);
    connection = new RawHttp(server.port());
  }

  @AfterAll
  static void stop() throws Exception {
    connection.close();
    server.close();
    logs.close();
  }

  // The generators name their edge values (empty, NUL, the length limit) themselves: edge cases
  // drawn at every level would make most tries near-duplicates of the first known token.
  @Test
  void anyAuthorizationBytesGetTheAnswerWorkedOutIndependently() {
    Statistics statistics = Property.named("fuzz").tries(10_000).withoutEdgeCases()
        .forAll(HeaderFuzzTest::request, HeaderFuzzTest::exchangeAndCheck);

    System.out.println(statistics);
    assertTrue(statistics.percentage("answer", Kind.HANDLED) >= 8, statistics::toString);
    assertTrue(statistics.percentage("answer", Kind.INVALID_TOKEN) >= 8, statistics::toString);
    assertTrue(statistics.percentage("answer", Kind.INVALID_REQUEST) >= 8, statistics::toString);
    assertTrue(statistics.percentage("answer", Kind.NO_CREDENTIALS) >= 8, statistics::toString);
    assertTrue(statistics.percentage("answer", Kind.SERVER_REJECTS) >= 3, statistics::toString);
  }

  /**
   * The same on the route of two schemes: {@code Authorization} and {@code X-API-Key} fields in any
   * number and order, each holding a bearer credential or a bare key, known under either scheme or
   * not; each request gets exactly the answer and the challenges the oracle works out.
   */
  @Test
  void anyCredentialBytesOnARouteOfTwoSchemesGetTheAnswerWorkedOutIndependently() {
    Statistics statistics = Property.named("fuzz-two-schemes").tries(5_000).withoutEdgeCases()
        .forAll(HeaderFuzzTest::twoSchemeRequest, HeaderFuzzTest::exchangeAndCheck);

    System.out.println(statistics);
    for (Kind kind : List.of(Kind.HANDLED, Kind.INVALID_TOKEN, Kind.INVALID_REQUEST, Kind.NO_CREDENTIALS)) {
      assertTrue(statistics.percentage("answer", kind) >= 5, statistics::toString);
    }
    assertTrue(statistics.percentage("challenged", HeaderOracle.API_KEY) >= 5, statistics::toString);
    assertTrue(statistics.percentage("challenged", HeaderOracle.EVERY_SCHEME) >= 5, statistics::toString);
  }

  /** Sends {@code request} on the keep-alive connection (a new one once the server closed it) and checks the answer. */
  private static void exchangeAndCheck(FuzzRequest request, Statistics statistics) throws Exception {
    Expected expected = request.twoSchemes() ? oracle.expectTwoSchemes(request.section()) : oracle.expect(request.section());
    long calls = FaultyApi.CALLS.get();

    FuzzRequest before = previous;
    if (!connection.isOpen()) {
      connection = new RawHttp(server.port());
    }
    RawHttp.Response response;
    try {
      response = connection.exchange(request.bytes());
    } catch (IOException closedOrHung) {
      previous = null;
      throw new AssertionError("no complete response; after this request on the same connection: " + before,
          closedOrHung);
    }
    previous = connection.isOpen() ? request : null;
    Supplier<String> failure = () -> response + "\nafter this request on the same connection: " + before;

    List<String> challenges = response.headers().getOrDefault("www-authenticate", List.of());
    switch (expected.kind()) {
      case SERVER_REJECTS:
        assertEquals(400, response.status(), failure);
        assertEquals(List.of(), challenges, failure);
        break;
      case NO_CREDENTIALS:
        assertEquals(401, response.status(), failure);
        assertChallenges(expected.scheme(), null, challenges, failure);
        break;
      case INVALID_REQUEST:
        assertEquals(400, response.status(), failure);
        assertChallenges(expected.scheme(), "invalid_request", challenges, failure);
        break;
      case INVALID_TOKEN:
        assertEquals(401, response.status(), failure);
        assertChallenges(expected.scheme(), "invalid_token", challenges, failure);
        break;
      case HANDLED:
        assertEquals(200, response.status(), failure);
        assertEquals("token " + SecretTokens.hash(expected.token()), response.body(), failure);
        break;
      default:
        throw new AssertionError(expected);
    }
    if (expected.kind() != Kind.SERVER_REJECTS) {
      Outcome outcome = server.nextOutcome();
      assertNull(outcome.escaped(), () -> "escaped the generated handler: " + outcome.escaped());
      assertNull(outcome.userAfter(), "a user stayed bound to the worker");
      assertEquals(expected.kind() == Kind.HANDLED ? calls + 1 : calls, FaultyApi.CALLS.get(), "handler calls");
    }
    assertTrue(server.uncaught().isEmpty(), () -> server.uncaught().toString());
    List<LogRecord> fromServer = logs.from(LogCapture.RUNTIME, LogCapture.JDK_SERVER);
    assertTrue(fromServer.isEmpty(), () -> LogCapture.printed(fromServer));

    if (expected.kind() != Kind.SERVER_REJECTS && expected.kind() != Kind.HANDLED) {
      statistics.collect("challenged", expected.scheme());
    }
    statistics.collect("fields", request.fields().size() >= 2 ? "2 to 5" : String.valueOf(request.fields().size()));
    statistics.collect("huge", request.fields().stream().anyMatch(f -> f.length >= 90_000));
    statistics.collect("CR or LF inside", request.fields().stream().anyMatch(HeaderFuzzTest::hasLineBreak));
    statistics.collect("answer", expected.kind());
  }

  /**
   * The challenges of an answer: {@code scheme}'s alone, or for {@link HeaderOracle#EVERY_SCHEME}
   * one per scheme in the route's order, or for {@link HeaderOracle#EITHER_SCHEME} one of either;
   * each bare when {@code error} is {@code null}, else naming it.
   */
  private static void assertChallenges(String scheme, String error, List<String> challenges, Supplier<String> failure) {
    List<String> schemes = switch (scheme) {
      case HeaderOracle.EVERY_SCHEME -> List.of(HeaderOracle.BEARER, HeaderOracle.API_KEY);
      case HeaderOracle.EITHER_SCHEME -> List.of(challenges.isEmpty() || !challenges.get(0).startsWith("ApiKey ")
          ? HeaderOracle.BEARER : HeaderOracle.API_KEY);
      default -> List.of(scheme);
    };
    assertEquals(schemes.size(), challenges.size(), failure);
    for (int i = 0; i < schemes.size(); i++) {
      String realm = schemes.get(i) + " realm=\"" + ProbeServer.REALM + "\"";
      if (error == null) {
        assertEquals(realm, challenges.get(i), failure);
      } else {
        assertTrue(challenges.get(i).startsWith(realm + ", error=\"" + error + "\""), failure);
      }
    }
  }

  /**
   * The credential fields of one request (each a whole line without its CRLF), shown byte by byte
   * when it fails, for the route of one scheme or of two.
   */
  record FuzzRequest(List<byte[]> fields, boolean twoSchemes) {

    FuzzRequest(List<byte[]> fields) {
      this(fields, false);
    }

    /** The header section: Host, the fields, the empty line. */
    byte[] section() {
      ByteArrayOutputStream section = new ByteArrayOutputStream();
      section.writeBytes(HOST);
      for (byte[] field : fields) {
        section.writeBytes(field);
        section.writeBytes(new byte[] {'\r', '\n'});
      }
      section.writeBytes(new byte[] {'\r', '\n'});
      return section.toByteArray();
    }

    byte[] bytes() {
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.writeBytes(twoSchemes ? TWO_SCHEMES_REQUEST_LINE : REQUEST_LINE);
      request.writeBytes(section());
      return request.toByteArray();
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder(twoSchemes ? "FuzzRequest[two schemes" : "FuzzRequest[");
      for (byte[] field : fields) {
        text.append("\n  \"");
        int shown = Math.min(field.length, 300);
        for (int i = 0; i < shown; i++) {
          int b = field[i] & 0xFF;
          text.append(b >= 0x20 && b < 0x7F && b != '"' && b != '\\' ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        text.append(field.length > shown ? "\"... (" + field.length + " bytes)" : "\"");
      }
      return text.append("]").toString();
    }
  }

  // Generators

  /** Mostly one field (14 in 18), else none (1) or two to four (3); one in twenty requests also gets a huge field. */
  private static FuzzRequest request(Draw draw) {
    List<byte[]> fields = new ArrayList<>();
    int count = fieldCount(draw, 1, 14, 3);
    for (int i = 0; i < count; i++) {
      fields.add(field(draw, value(draw)));
    }
    if (draw.chance(0.05)) {
      byte[] huge = field(draw, hugeValue(draw));
      fields.add(Math.min(draw.between(0, 4), fields.size()), huge);
    }
    return new FuzzRequest(fields);
  }

  /** How many fields a request gets: none, one, or two to four, drawn by these weights. */
  private static int fieldCount(Draw draw, int none, int one, int several) {
    switch (draw.weighted(none, one, several)) {
      case 0:
        return 0;
      case 1:
        return 1;
      default:
        return draw.length(2, 4);
    }
  }

  /**
   * For the route of two schemes: none (1 in 12), one (8) or two to four (3) fields, each an
   * {@code Authorization} field with a bearer credential or an {@code X-API-Key} field with a bare
   * key (any case, the key header a little more often), or another header; one in twenty requests
   * also gets a huge field.
   */
  private static FuzzRequest twoSchemeRequest(Draw draw) {
    List<byte[]> fields = new ArrayList<>();
    int count = fieldCount(draw, 1, 8, 3);
    for (int i = 0; i < count; i++) {
      fields.add(draw.weighted(5, 6, 1) == 0 ? field(draw, twoSchemeValue(draw, true))
          : keyField(draw, twoSchemeValue(draw, false)));
    }
    if (draw.chance(0.05)) {
      byte[] huge = draw.chance(0.5) ? field(draw, hugeValue(draw))
          : keyField(draw, latin1(draw.chance(0.5) ? "k".repeat(draw.between(90_000, 100_000))
              : " ".repeat(draw.between(90_000, 100_000)) + draw.of(KNOWN_EITHER)));
      fields.add(Math.min(draw.between(0, 4), fields.size()), huge);
    }
    return new FuzzRequest(fields, true);
  }

  /**
   * A value for the route of two schemes: for {@code Authorization} mostly a bearer credential,
   * for the key header mostly white space around a key; either known under either scheme, near
   * valid, raw bytes, or with line breaks put in.
   */
  private static byte[] twoSchemeValue(Draw draw, boolean authorization) {
    byte[] value;
    if (draw.weighted(10, 1) == 1) {
      value = rawBytes(draw);
    } else if (authorization) {
      value = concat(ows(draw), draw.weighted(6, 1) == 0 ? scheme(draw) : latin1(draw.of("ApiKey", "apikey")),
          separator(draw), keyOrToken(draw), ows(draw));
    } else {
      value = concat(ows(draw), keyOrToken(draw), ows(draw));
    }
    return draw.chance(0.1) ? withLineBreaks(draw, value) : value;
  }

  /** A known key or token (14 in 20), else what {@link #credentials} makes. */
  private static byte[] keyOrToken(Draw draw) {
    return draw.weighted(14, 6) == 0 ? latin1(draw.of(KNOWN_EITHER)) : credentials(draw);
  }

  /** One {@code X-API-Key} line in any case (or, rarely, a near miss), a colon, maybe white space, the value. */
  private static byte[] keyField(Draw draw, byte[] value) {
    String name = draw.weighted(20, 1) == 0 ? draw.inAnyCase(ProbeServer.KEY_HEADER)
        : draw.of("X-API-Keys", "X-API Key", "X_API_Key", "API-Key");
    String afterColon = strictServer && !draw.chance(0.1)
        ? draw.of("", " ", " ", "\t")
        : draw.of("", " ", " ", "\t", "\u0000 ");
    return concat(latin1(name + ":" + afterColon), value);
  }

  /** One line: a name (mostly {@code Authorization} in some case), a colon, maybe white space, the value. */
  private static byte[] field(Draw draw, byte[] value) {
    String name = draw.weighted(20, 1) == 0
        ? draw.inAnyCase("authorization")
        : draw.of("X-Other", "Authorization ", "Autho rization", "Authorization\u0000", "Authorizati\u00f3n", "");
    String afterColon = strictServer && !draw.chance(0.1)
        ? draw.of("", " ", " ", " ", "\t", "  ")
        : draw.of("", " ", " ", " ", "\t", "  ", "\u0000 ");
    return concat(latin1(name + ":" + afterColon), value);
  }

  /** Structured (8 in 11), raw bytes (1), or either with line breaks put in (2). */
  private static byte[] value(Draw draw) {
    switch (draw.weighted(8, 1, 2)) {
      case 0:
        return structured(draw);
      case 1:
        return rawBytes(draw);
      default:
        return withLineBreaks(draw, draw.chance(0.5) ? structured(draw) : rawBytes(draw));
    }
  }

  /** White space, a scheme, a separator, credentials, white space: mostly near-valid. */
  private static byte[] structured(Draw draw) {
    return concat(ows(draw), scheme(draw), separator(draw), credentials(draw), ows(draw));
  }

  /**
   * Up to three bytes of white space, or of control characters the JDK trims. A server that refuses
   * control characters itself gets them one time in ten only, so that most tries still reach the
   * parser.
   */
  private static byte[] ows(Draw draw) {
    if (strictServer && !draw.chance(0.1)) {
      return draw.bytes(3, (byte) ' ', (byte) '\t');
    }
    return draw.bytes(3, (byte) ' ', (byte) '\t', (byte) 0, (byte) 1, (byte) 0x0b, (byte) 0x1f);
  }

  /** "bearer" in any case (12 in 15), a near miss (2), or up to 8 bytes but CR and LF (1). */
  private static byte[] scheme(Draw draw) {
    switch (draw.weighted(12, 2, 1)) {
      case 0:
        return latin1(draw.inAnyCase("bearer"));
      case 1:
        return latin1(draw.of("", "Basic", "Token", "Bear", "Bearerx", "Bearer,", "Bearer\u0000",
            "B\u00e9arer", "Bearer=", "\u0000Bearer", "BEARER\u00a0", "Be\u00e1rer", "bearer:"));
      default:
        return withoutLineBreaks(draw.bytes(8));
    }
  }

  /** One to six spaces (12 in 14), up to three of space, tab, NUL, NBSP and VT (1), or nothing (1). */
  private static byte[] separator(Draw draw) {
    switch (draw.weighted(12, 1, 1)) {
      case 0:
        return latin1(draw.string(" ", 1, 6));
      case 1:
        return draw.bytes(3, (byte) ' ', (byte) '\t', (byte) 0, (byte) 0xa0, (byte) 0x0b);
      default:
        return new byte[0];
    }
  }

  /**
   * A known token (14 in 23), a b64token (3), either with one odd byte put in (3), a token around
   * the length limit (1), raw bytes (1), or nothing (1).
   */
  private static byte[] credentials(Draw draw) {
    switch (draw.weighted(14, 3, 3, 1, 1, 1)) {
      case 0:
        return latin1(draw.of(KNOWN));
      case 1:
        return latin1(b64(draw));
      case 2:
        String token = draw.chance(0.5) ? draw.of(KNOWN) : b64(draw);
        int at = Math.min(draw.between(0, 60), token.length());
        byte odd = draw.of((byte) '=', (byte) ' ', (byte) '\t', (byte) '"', (byte) ',', (byte) ';', (byte) ':',
            (byte) 0, (byte) 0x1f, (byte) 0x7f, (byte) 0x80, (byte) 0xe9, (byte) 0xff);
        return concat(latin1(token.substring(0, at)), new byte[] {odd}, latin1(token.substring(at)));
      case 3:
        return latin1("y".repeat(draw.between(MAX_TOKEN_LENGTH - 3, MAX_TOKEN_LENGTH + 3)));
      case 4:
        return rawBytes(draw);
      default:
        return new byte[0];
    }
  }

  private static String b64(Draw draw) {
    return draw.string(B64_CHARS, 1, 60) + draw.string("=", 0, 3);
  }

  /** Up to 60 bytes of any value but CR and LF. */
  private static byte[] rawBytes(Draw draw) {
    return withoutLineBreaks(draw.bytes(60));
  }

  /**
   * {@code value} with one or two line breaks put in: a bare CR, a bare LF or a CRLF, each followed
   * by what folds the line (space, tab, NUL, another control) or starts a new field (an injected
   * one, a second {@code Authorization}, any other byte). Never a break followed by a break, which
   * would end the header section early.
   */
  private static byte[] withLineBreaks(Draw draw, byte[] value) {
    List<byte[]> breaks = new ArrayList<>();
    int count = draw.length(1, 2);
    for (int i = 0; i < count; i++) {
      breaks.add(concat(latin1(draw.of("\r", "\n", "\r\n")), follower(draw)));
    }
    // Positions in the original value, filled from the back: no break lands inside another.
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      at.add(Math.min(draw.between(0, 80), value.length));
    }
    at.sort(Comparator.reverseOrder());
    byte[] result = value;
    for (int i = 0; i < at.size(); i++) {
      int p = at.get(i);
      result = concat(Arrays.copyOfRange(result, 0, p), breaks.get(i), Arrays.copyOfRange(result, p, result.length));
    }
    return result;
  }

  /** What follows a line break: folding white space or a control (4 in 9), a second field (2), an injected one (1), any other byte (2). */
  private static byte[] follower(Draw draw) {
    switch (draw.weighted(4, 2, 1, 2)) {
      case 0:
        return latin1(draw.of(" ", "\t", "\u0000", "\u0001", "  "));
      case 1:
        return latin1("Authorization: Bearer " + draw.of(KNOWN));
      case 2:
        return latin1("X-Injected: yes");
      default:
        byte b;
        do {
          b = draw.anyByte();
        } while (b == '\r' || b == '\n');
        return new byte[] {b};
    }
  }

  /** About 100 kB: a too-long token, random bytes, or a valid token padded with white space the server trims or the parser skips. */
  private static byte[] hugeValue(Draw draw) {
    int size = draw.between(90_000, 100_000);
    switch (draw.between(0, 4)) {
      case 0:
        return latin1("Bearer " + "t".repeat(size));
      case 1:
        return randomBytes(size, draw.anyLong());
      case 2:
        return latin1(" \t".repeat(size / 2) + "Bearer " + draw.of(KNOWN));
      case 3:
        return latin1("Bearer " + " ".repeat(size) + draw.of(KNOWN));
      default:
        return latin1("Bearer " + draw.of(KNOWN) + "\u0000\t\u001f ".repeat(size / 4));
    }
  }

  private static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return withoutLineBreaks(bytes);
  }

  private static boolean hasLineBreak(byte[] bytes) {
    for (byte b : bytes) {
      if (b == '\r' || b == '\n') {
        return true;
      }
    }
    return false;
  }

  private static byte[] withoutLineBreaks(byte[] bytes) {
    byte[] clean = bytes.clone();
    for (int i = 0; i < clean.length; i++) {
      if (clean[i] == '\r' || clean[i] == '\n') {
        clean[i] = ' ';
      }
    }
    return clean;
  }

  private static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
