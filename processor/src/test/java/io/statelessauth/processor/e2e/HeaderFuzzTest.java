package io.statelessauth.processor.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.SecretTokens;
import io.statelessauth.processor.e2e.HeaderOracle.Expected;
import io.statelessauth.processor.e2e.HeaderOracle.Kind;
import io.statelessauth.processor.e2e.ProbeServer.Outcome;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.statistics.Statistics;

/**
 * Arbitrary {@code Authorization} bytes, sent over raw keep-alive sockets to a real server through
 * the generated wrapper: control characters, NUL, CR and LF, non-ASCII, empty values, 100 kB
 * values, several fields, schemes in any case, valid tokens embedded. Each request gets exactly the
 * answer {@link HeaderOracle} works out on its own (so never a 5xx, and the handler is called only
 * for one field holding the scheme and a known valid token), a complete response (a hang or a
 * close fails), nothing escapes the wrapper or stays bound to the worker, and nothing is logged.
 *
 * <p>10 000 tries in the normal build. The long run:
 * {@code mvn -B -o -pl processor -am verify -Dtest=HeaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.tries=1000000}
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
  private static final List<String> REFUSED = List.of("alice-refresh", "alice-expired", "gone-access", Tokens.REVOKED);
  private static final List<String> KNOWN = concat(VALID, REFUSED);

  private static ProbeServer server;
  private static RawConnection connection;
  private static LogCapture logs;
  private static HeaderOracle oracle;
  /** The request before, for failures that only a sequence of requests on one connection shows. */
  private static FuzzRequest previous;

  @BeforeContainer
  static void start() throws IOException {
    Map<String, Kind> known = new HashMap<>();
    for (String token : VALID) {
      if (!token.startsWith("alice-")) {
        Faults.issue(token);
      }
      known.put(token, Kind.HANDLED);
    }
    REFUSED.forEach(token -> known.put(token, Kind.INVALID_TOKEN));
    oracle = new HeaderOracle(known, MAX_TOKEN_LENGTH);
    logs = new LogCapture(Level.INFO);
    server = new ProbeServer(2);
    connection = new RawConnection(server.port());
  }

  @AfterContainer
  static void stop() throws Exception {
    connection.close();
    server.close();
    logs.close();
  }

  // jqwik's mixed-in edge cases would make most tries near-duplicates of the first known token and
  // an empty scheme; the generators below name their edge values (empty, NUL, the length limit) themselves.
  @Property(edgeCases = EdgeCasesMode.NONE)
  @AddLifecycleHook(FuzzTries.class)
  void anyAuthorizationBytesGetTheAnswerWorkedOutIndependently(@ForAll("requests") FuzzRequest request)
      throws Exception {
    Expected expected = oracle.expect(request.section());
    long calls = FaultyApi.CALLS.get();

    FuzzRequest before = previous;
    RawConnection.Response response;
    try {
      response = connection.exchange(request.bytes());
    } catch (IOException closedOrHung) {
      previous = null;
      throw new AssertionError("no complete response; after this request on the same connection: " + before,
          closedOrHung);
    }
    previous = connection.isOpen() ? request : null;
    Supplier<String> failure = () -> response + "\nafter this request on the same connection: " + before;

    String challenge = response.headers().containsKey("www-authenticate") ? response.header("WWW-Authenticate") : null;
    String realm = "Bearer realm=\"" + ProbeServer.REALM + "\"";
    switch (expected.kind()) {
      case SERVER_REJECTS:
        assertEquals(400, response.status(), failure);
        assertNull(challenge, failure);
        break;
      case NO_CREDENTIALS:
        assertEquals(401, response.status(), failure);
        assertEquals(realm, challenge, failure);
        break;
      case INVALID_REQUEST:
        assertEquals(400, response.status(), failure);
        assertTrue(challenge != null && challenge.startsWith(realm + ", error=\"invalid_request\""),
            failure);
        break;
      case INVALID_TOKEN:
        assertEquals(401, response.status(), failure);
        assertTrue(challenge != null && challenge.startsWith(realm + ", error=\"invalid_token\""),
            failure);
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
    assertTrue(logs.fromServer().isEmpty(), () -> LogCapture.printed(logs.fromServer()));

    Statistics.label("fields").collect(request.fields().size() >= 2 ? "2 to 5" : String.valueOf(request.fields().size()));
    Statistics.label("huge").collect(request.fields().stream().anyMatch(f -> f.length >= 90_000));
    Statistics.label("CR or LF inside").collect(request.fields().stream().anyMatch(HeaderFuzzTest::hasLineBreak));
    Statistics.label("answer").collect(expected.kind());
    Statistics.label("answer").coverage(checker -> {
      checker.check(Kind.HANDLED).percentage(p -> p >= 8);
      checker.check(Kind.INVALID_TOKEN).percentage(p -> p >= 8);
      checker.check(Kind.INVALID_REQUEST).percentage(p -> p >= 8);
      checker.check(Kind.NO_CREDENTIALS).percentage(p -> p >= 8);
      checker.check(Kind.SERVER_REJECTS).percentage(p -> p >= 3);
    });
  }

  /** Sets the tries from the system property {@code fuzz.tries} (default 10 000). */
  static final class FuzzTries implements AroundPropertyHook {
    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
      context.attributes().setTries(Integer.getInteger("fuzz.tries", 10_000));
      return property.execute();
    }
  }

  /** The {@code Authorization} fields of one request (each a whole line without its CRLF), shown byte by byte when it fails. */
  record FuzzRequest(List<byte[]> fields) {

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
      request.writeBytes(REQUEST_LINE);
      request.writeBytes(section());
      return request.toByteArray();
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder("FuzzRequest[");
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

  @Provide
  Arbitrary<FuzzRequest> requests() {
    Arbitrary<byte[]> field = field(value());
    Arbitrary<List<byte[]>> small = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(List.<byte[]>of())),
        Tuple.of(14, field.list().ofSize(1)),
        Tuple.of(3, field.list().ofMinSize(2).ofMaxSize(4)));
    Arbitrary<byte[]> huge = field(hugeValue()).injectNull(0.95);
    return Combinators.combine(small, huge, Arbitraries.integers().between(0, 4))
        .as((fields, big, at) -> {
          List<byte[]> all = new ArrayList<>(fields);
          if (big != null) {
            all.add(Math.min(at, all.size()), big);
          }
          return new FuzzRequest(all);
        });
  }

  /** One line: a name (mostly {@code Authorization} in some case), a colon, maybe white space, the value. */
  private static Arbitrary<byte[]> field(Arbitrary<byte[]> value) {
    Arbitrary<String> name = Arbitraries.frequencyOf(
        Tuple.of(20, Arbitraries.integers().between(0, (1 << 13) - 1).map(HeaderFuzzTest::authorizationInCase)),
        Tuple.of(1, Arbitraries.of("X-Other", "Authorization ", "Autho rization", "Authorization\u0000", "Authorizati\u00f3n", "")));
    Arbitrary<String> afterColon = Arbitraries.of("", " ", " ", " ", "\t", "  ", "\u0000 ");
    return Combinators.combine(name, afterColon, value)
        .as((n, gap, v) -> concat(latin1(n + ":" + gap), v));
  }

  private static String authorizationInCase(int mask) {
    String name = "authorization";
    StringBuilder cased = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      cased.append((mask & (1 << i)) != 0 ? Character.toUpperCase(c) : c);
    }
    return cased.toString();
  }

  private static Arbitrary<byte[]> value() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, structured()),
        Tuple.of(1, rawBytes()),
        Tuple.of(2, withLineBreaks(Arbitraries.oneOf(structured(), rawBytes()))));
  }

  /** White space, a scheme, a separator, credentials, white space: mostly near-valid. */
  private static Arbitrary<byte[]> structured() {
    return Combinators.combine(ows(), scheme(), separator(), credentials(), ows())
        .as((lead, scheme, separator, credentials, trail) -> concat(lead, scheme, separator, credentials, trail));
  }

  private static Arbitrary<byte[]> ows() {
    return Arbitraries.of((byte) ' ', (byte) '\t', (byte) 0, (byte) 1, (byte) 0x0b, (byte) 0x1f)
        .array(byte[].class).ofMaxSize(3);
  }

  private static Arbitrary<byte[]> scheme() {
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
        "B\u00e9arer", "Bearer=", "\u0000Bearer", "BEARER\u00a0", "Be\u00e1rer", "bearer:");
    return Arbitraries.frequencyOf(
            Tuple.of(12, anyCase.map(HeaderFuzzTest::latin1)),
            Tuple.of(2, others.map(HeaderFuzzTest::latin1)),
            Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(HeaderFuzzTest::withoutLineBreaks)));
  }

  private static Arbitrary<byte[]> separator() {
    return Arbitraries.frequencyOf(
        Tuple.of(12, Arbitraries.strings().withChars(' ').ofMinLength(1).ofMaxLength(6).map(HeaderFuzzTest::latin1)),
        Tuple.of(1, Arbitraries.of((byte) ' ', (byte) '\t', (byte) 0, (byte) 0xa0, (byte) 0x0b)
            .array(byte[].class).ofMaxSize(3)),
        Tuple.of(1, Arbitraries.just(new byte[0])));
  }

  private static Arbitrary<byte[]> credentials() {
    Arbitrary<String> known = Arbitraries.of(KNOWN);
    Arbitrary<String> b64 = Combinators.combine(
            Arbitraries.strings().withChars(B64_CHARS).ofMinLength(1).ofMaxLength(60),
            Arbitraries.strings().withChars('=').ofMaxLength(3))
        .as((body, padding) -> body + padding);
    Arbitrary<byte[]> oneOddByte = Combinators.combine(
            Arbitraries.oneOf(known, b64), Arbitraries.integers().between(0, 60),
            Arbitraries.of((byte) '=', (byte) ' ', (byte) '\t', (byte) '"', (byte) ',', (byte) ';', (byte) ':',
                (byte) 0, (byte) 0x1f, (byte) 0x7f, (byte) 0x80, (byte) 0xe9, (byte) 0xff))
        .as((token, at, odd) -> {
          int i = Math.min(at, token.length());
          return concat(latin1(token.substring(0, i)), new byte[] {odd}, latin1(token.substring(i)));
        });
    Arbitrary<String> nearTheLimit = Arbitraries.integers().between(MAX_TOKEN_LENGTH - 3, MAX_TOKEN_LENGTH + 3)
        .map(length -> "y".repeat(length));
    return Arbitraries.frequencyOf(
        Tuple.of(14, known.map(HeaderFuzzTest::latin1)),
        Tuple.of(3, b64.map(HeaderFuzzTest::latin1)),
        Tuple.of(3, oneOddByte),
        Tuple.of(1, nearTheLimit.map(HeaderFuzzTest::latin1)),
        Tuple.of(1, rawBytes()),
        Tuple.of(1, Arbitraries.just(new byte[0])));
  }

  /** Any bytes but CR and LF. */
  private static Arbitrary<byte[]> rawBytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(60).map(HeaderFuzzTest::withoutLineBreaks);
  }

  /**
   * {@code value} with one or two line breaks put in: a bare CR, a bare LF or a CRLF, each followed
   * by what folds the line (space, tab, NUL, another control) or starts a new field (an injected
   * one, a second {@code Authorization}, any other byte). Never a break followed by a break, which
   * would end the header section early.
   */
  private static Arbitrary<byte[]> withLineBreaks(Arbitrary<byte[]> value) {
    Arbitrary<String> lineBreak = Arbitraries.of("\r", "\n", "\r\n");
    Arbitrary<byte[]> follower = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(" ", "\t", "\u0000", "\u0001", "  ").map(HeaderFuzzTest::latin1)),
        Tuple.of(2, Arbitraries.of(KNOWN).map(token -> latin1("Authorization: Bearer " + token))),
        Tuple.of(1, Arbitraries.just(latin1("X-Injected: yes"))),
        Tuple.of(2, Arbitraries.bytes().filter(b -> b != '\r' && b != '\n').map(b -> new byte[] {b})));
    Arbitrary<byte[]> inserted = Combinators.combine(lineBreak, follower).as((br, f) -> concat(latin1(br), f));
    return Combinators.combine(value, inserted.list().ofMinSize(1).ofMaxSize(2), Arbitraries.integers().between(0, 80).list().ofSize(2))
        .as((bytes, breaks, positions) -> {
          // Positions in the original value, filled from the back: no break lands inside another.
          List<Integer> at = new ArrayList<>(positions.subList(0, breaks.size()));
          at.replaceAll(p -> Math.min(p, bytes.length));
          at.sort(Comparator.reverseOrder());
          byte[] result = bytes;
          for (int i = 0; i < at.size(); i++) {
            int p = at.get(i);
            result = concat(Arrays.copyOfRange(result, 0, p), breaks.get(i), Arrays.copyOfRange(result, p, result.length));
          }
          return result;
        });
  }

  /** About 100 kB: a too-long token, random bytes, or a valid token padded with white space the server trims or the parser skips. */
  private static Arbitrary<byte[]> hugeValue() {
    Arbitrary<Integer> size = Arbitraries.integers().between(90_000, 100_000);
    Arbitrary<String> known = Arbitraries.of(KNOWN);
    return Arbitraries.oneOf(
        size.map(n -> latin1("Bearer " + "t".repeat(n))),
        Combinators.combine(size, Arbitraries.longs()).as((n, seed) -> randomBytes(n, seed)),
        Combinators.combine(size, known).as((n, token) -> latin1(" \t".repeat(n / 2) + "Bearer " + token)),
        Combinators.combine(size, known).as((n, token) -> latin1("Bearer " + " ".repeat(n) + token)),
        Combinators.combine(size, known).as((n, token) -> latin1("Bearer " + token + "\u0000\t\u001f ".repeat(n / 4))));
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
