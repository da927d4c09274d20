package io.statelessauth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.AuthCache;
import io.statelessauth.SecretTokens;
import io.statelessauth.StatelessAuthError;
import io.statelessauth.testsupport.LogCapture;
import io.statelessauth.testsupport.RawHttp;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * No token and no {@code Authorization} value ever appears in what the server logs or sends. Every
 * refusal of the README's request table and every failure path of {@link FaultInjectionTest} is run with
 * distinctive secrets ({@code tok-SECRET-<uuid>}, valid and malformed); everything logged is
 * captured (every java.util.logging record of every logger, down to ALL, with messages,
 * parameters and stack traces, plus what ended a worker thread) and every byte of every response is read off the socket, and neither may hold a secret.
 * Every case runs twice: on a server without a cache and on one whose manager answers from an
 * {@link AuthCache}; the cases include an optional route, a role refusal, a CORS preflight, and
 * API keys in {@code X-API-Key} (the second source) on routes of two schemes.
 * Also: a loader's error message never reaches {@code WWW-Authenticate} unless it is plain
 * challenge text, so it cannot inject a header; and {@link SecretTokens} compares and hashes right.
 */
class SecretsTest {
  private static final String REALM_CHALLENGE = "Bearer realm=\"" + ProbeServer.REALM + "\"";
  /** How a case's list of {@code Authorization} values holds a whole {@code X-API-Key} line instead. */
  private static final String KEY_LINE = ProbeServer.KEY_HEADER + ": ";

  private static ProbeServer server;
  /** The same server, its manager answering from a cache. */
  private static ProbeServer cached;
  private static LogCapture logs;
  private static String valid;

  @BeforeAll
  static void start() throws IOException {
    logs = LogCapture.everything(Level.ALL);
    server = new ProbeServer(2);
    cached = new ProbeServer(2,
        AuthCache.builder().maximumSize(1_000).expireAfterWrite(Duration.ofMinutes(1)).build());
    valid = Faults.issue(secret()).secret();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    server.close();
    cached.close();
    logs.close();
  }

  /**
   * One request: its method, where it goes, its {@code Authorization} values, an optional {@link
   * HeaderFaults} fault, the statuses it may get. An {@code OPTIONS} request is a CORS preflight.
   */
  private record Case(String name, String method, String path, List<String> authorization, String fault,
      Set<Integer> statuses) {
    Case(String name, String path, List<String> authorization, String fault, Set<Integer> statuses) {
      this(name, "GET", path, authorization, fault, statuses);
    }
  }

  @TestFactory
  Stream<DynamicTest> noPathLogsOrAnswersASecret() {
    List<Case> cases = new ArrayList<>();
    // The README's request table ("One request, step by step")
    cases.add(new Case("missing header", "/secret", List.of(), null, Set.of(401)));
    cases.add(new Case("two fields", "/secret", List.of("Bearer " + secret(), "Bearer " + secret()), null, Set.of(400)));
    cases.add(new Case("other scheme", "/secret",
        List.of("Basic " + Base64.getEncoder().encodeToString(("alice:" + secret()).getBytes(StandardCharsets.UTF_8))),
        null, Set.of(401)));
    cases.add(new Case("scheme without a space", "/secret", List.of("Bearer" + secret()), null, Set.of(401)));
    for (String tail : List.of(" extra", "\"", ",x", "\u00e9", "\u0000x", ";x=\"y\"")) {
      cases.add(new Case("malformed " + describe(tail), "/secret", List.of("Bearer " + secret() + tail), null, Set.of(400)));
    }
    cases.add(new Case("too long", "/secret", List.of("Bearer " + secret() + "A".repeat(5000)), null, Set.of(400)));
    cases.add(new Case("unknown", "/secret", List.of("Bearer " + secret()), null, Set.of(401)));
    cases.add(new Case("expired", "/secret", List.of("Bearer " + stored(true, 1)), null, Set.of(401)));
    cases.add(new Case("of another type", "/secret", List.of("Bearer " + refreshToken()), null, Set.of(401)));
    cases.add(new Case("missing scope", "/admin", List.of("Bearer " + Faults.issue(secret()).secret()), null, Set.of(403)));
    cases.add(new Case("no user", "/secret", List.of("Bearer " + stored(false, 99)), null, Set.of(500)));
    cases.add(new Case("inactive user", "/secret", List.of("Bearer " + stored(false, 2)), null, Set.of(401)));
    // Loader faults
    cases.add(new Case("loader's own error", "/secret", List.of("Bearer " + armed(type -> {
      throw new StatelessAuthError("Token revoked", 401, "Token");
    })), null, Set.of(401)));
    cases.add(new Case("loader throws", "/secret", List.of("Bearer " + armed(type -> {
      throw new IllegalStateException("database down");
    })), null, Set.of(500)));
    cases.add(new Case("loader throws an Error", "/secret", List.of("Bearer " + armed(type -> {
      throw new AssertionError("invariant broken");
    })), null, Set.of(500)));
    cases.add(new Case("loader overflows its stack", "/secret", List.of("Bearer " + armed(type -> {
      recurse(0);
      return null;
    })), null, Set.of(500)));
    cases.add(new Case("loader returns null", "/secret", List.of("Bearer " + armed(type -> null)), null, Set.of(401)));
    cases.add(new Case("user loader throws", "/secret", List.of("Bearer " + userArmed(true)), null, Set.of(500)));
    cases.add(new Case("user loader returns null", "/secret", List.of("Bearer " + userArmed(false)), null, Set.of(500)));
    // Handler, error handler and listener faults (-1: the connection closed without a status line)
    String bearer = "Bearer " + valid;
    cases.add(new Case("handler throws", "/faulty/failBeforeResponse", List.of(bearer), null, Set.of(500)));
    cases.add(new Case("handler throws after its headers", "/faulty/failAfterHeaders", List.of(bearer), null, Set.of(200)));
    cases.add(new Case("handler throws mid chunked body", "/faulty/failMidChunkedBody", List.of(bearer), null, Set.of(200)));
    cases.add(new Case("handler refuses", "/faulty/refuse", List.of(bearer), null, Set.of(403)));
    cases.add(new Case("handler throws IOException", "/faulty/failWithIOException", List.of(bearer), null, Set.of(-1)));
    cases.add(new Case("error handler throws", "/secret", List.of("Bearer " + secret()),
        HeaderFaults.ERROR_HANDLER_THROWS, Set.of(500)));
    cases.add(new Case("error handler throws IOException", "/secret", List.of("Bearer " + secret()),
        HeaderFaults.ERROR_HANDLER_THROWS_IO, Set.of(500, -1)));
    cases.add(new Case("listener throws in onAuthorized", "/secret", List.of(bearer),
        HeaderFaults.ON_AUTHORIZED_THROWS, Set.of(500)));
    cases.add(new Case("listener refuses in onAuthorized", "/secret", List.of(bearer),
        HeaderFaults.ON_AUTHORIZED_REFUSES, Set.of(429)));
    cases.add(new Case("listener throws in onUnauthorized", "/secret", List.of("Bearer " + secret()),
        HeaderFaults.ON_UNAUTHORIZED_THROWS, Set.of(401)));
    cases.add(new Case("authorized", "/secret", List.of(bearer), null, Set.of(200)));
    // An optional route, a role refusal and a preflight
    cases.add(new Case("optional route, unknown token", "/greet", List.of("Bearer " + secret()), null, Set.of(401)));
    cases.add(new Case("optional route, valid token", "/greet", List.of(bearer), null, Set.of(200)));
    cases.add(new Case("role refused", "/staff", List.of("Bearer " + stored(false, 3)), null, Set.of(403)));
    cases.add(new Case("preflight", "OPTIONS", "/secret", List.of("Bearer " + secret()), null, Set.of(204)));
    // The second source: API keys in their own header, on routes of two schemes
    String validKey = Faults.issueKey(secret()).secret();
    cases.add(new Case("key: missing", "/either", List.of(), null, Set.of(401)));
    cases.add(new Case("key: valid", "/either", List.of(key(validKey)), null, Set.of(200)));
    cases.add(new Case("key: valid, optional route", "/either-optional", List.of(key(validKey)), null, Set.of(200)));
    cases.add(new Case("key: two fields", "/either", List.of(key(secret()), key(secret())), null, Set.of(400)));
    cases.add(new Case("key: beside a bearer token", "/either", List.of(key(secret()), "Bearer " + secret()), null,
        Set.of(400)));
    for (String tail : List.of(" extra", "\"", ",x", "\u00e9", "\u0000x", ";x=\"y\"")) {
      cases.add(new Case("key: malformed " + describe(tail), "/either", List.of(key(secret() + tail)), null,
          Set.of(400)));
    }
    cases.add(new Case("key: too long", "/either", List.of(key(secret() + "A".repeat(5000))), null, Set.of(400)));
    cases.add(new Case("key: unknown", "/either", List.of(key(secret())), null, Set.of(401)));
    cases.add(new Case("key: unknown, optional route", "/either-optional", List.of(key(secret())), null, Set.of(401)));
    cases.add(new Case("key: a bearer token presented as a key", "/either", List.of(key(valid)), null, Set.of(401)));
    cases.add(new Case("key: presented as a bearer token", "/either", List.of("Bearer " + validKey), null,
        Set.of(401)));
    cases.add(new Case("key: expired", "/either", List.of(key(storedKey(true, 1))), null, Set.of(401)));
    cases.add(new Case("key: missing scope", "/either-admin", List.of(key(validKey)), null, Set.of(403)));
    cases.add(new Case("key: role refused", "/either-staff", List.of(key(storedKey(false, 3))), null, Set.of(403)));
    cases.add(new Case("key: inactive user", "/either", List.of(key(storedKey(false, 2))), null, Set.of(401)));
    cases.add(new Case("key: loader throws", "/either", List.of(key(armed(type -> {
      throw new IllegalStateException("database down");
    }))), null, Set.of(500)));
    cases.add(new Case("key: beside a bearer token on a route of one scheme, whose handler throws",
        "/faulty/failBeforeResponse", List.of("Bearer " + valid, key(validKey)), null, Set.of(500)));
    cases.add(new Case("key: on a route of bearer tokens only", "/secret", List.of(key(validKey)), null, Set.of(401)));
    logs.clear();
    // Each case once on the plain server, then again on the cached one (answering from the cache
    // for the tokens loaded before).
    return Stream.concat(
        Stream.concat(
            cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> assertNoSecretIn(server, c))),
            cases.stream().map(c -> DynamicTest.dynamicTest(c.name() + " (cached)", () -> assertNoSecretIn(cached, c)))),
        Stream.of(DynamicTest.dynamicTest("nothing logged afterwards holds a secret", () -> {
          String logged = everythingLogged();
          for (Case c : cases) {
            for (String secret : secretsOf(c.authorization())) {
              assertFalse(logged.contains(secret), () -> c.name() + ": logged " + secret + ":\n" + logged);
            }
          }
        })));
  }

  /**
   * Sends the case's request to {@code probe}; neither its answer nor anything logged since the
   * first case may hold its secrets.
   */
  private static void assertNoSecretIn(ProbeServer probe, Case c) throws Exception {
    String response = exchange(probe, c.method(), c.path(), c.authorization(), c.fault());
    int status = response.startsWith("HTTP/1.1 ") ? Integer.parseInt(response.substring(9, 12)) : -1;
    assertTrue(c.statuses().contains(status), () -> "path not taken: " + response);

    List<String> secrets = secretsOf(c.authorization());
    String logged = everythingLogged();
    for (String secret : secrets) {
      assertFalse(logged.contains(secret), () -> "logged " + secret + ":\n" + logged);
      assertFalse(response.contains(secret), () -> "answered " + secret + ":\n" + response);
    }
  }

  @Test
  void loaderBlockedUntilTheClientGaveUpLogsNoSecret() throws Exception {
    String token = Faults.issue(secret()).secret();
    Faults.HeldLoad held = Faults.holdTokenLoad(token);
    logs.clear();

    String id = UUID.randomUUID().toString();
    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      client.getOutputStream().write(request(id, "/faulty/ok", List.of("Bearer " + token), null));
      assertTrue(held.awaitEntered());
    }
    held.release();
    server.outcomeOf(id);

    String logged = everythingLogged();
    for (String secret : secretsOf(List.of("Bearer " + token))) {
      assertFalse(logged.contains(secret), () -> "logged " + secret + ":\n" + logged);
    }
  }

  /**
   * README, "Security in short": the token is never logged. A loader's exception is logged with its
   * message, which may well name the token it was looking up (as {@link StoreTokens#EXPLODING}'s does).
   */
  @Test
  void loaderFailureNamingTheTokenIsLoggedWithoutTheToken() throws Exception {
    String token = secret();
    Faults.onTokenLoad(token, type -> {
      throw new IllegalStateException("no row for " + type + " token " + token);
    });
    logs.clear();

    String response = exchange("/secret", List.of("Bearer " + token), null);

    assertTrue(response.startsWith("HTTP/1.1 500 "), response);
    String logged = everythingLogged();
    assertTrue(logged.contains("IllegalStateException"), logged);
    assertFalse(logged.contains(token), () -> "logged the token:\n" + logged);
  }

  /** Shows that the capture sees System.Logger output at every level, so the checks above can fail. */
  @Test
  void captureSeesSystemLoggerOutputAtEveryLevel() {
    String secret = secret();
    logs.clear();

    System.getLogger(LogCapture.RUNTIME + ".control").log(System.Logger.Level.TRACE, "control {0}", secret);
    System.getLogger(LogCapture.JDK_SERVER).log(System.Logger.Level.DEBUG, "control " + secret);

    String logged = everythingLogged();
    assertEquals(2, logged.split(secret, -1).length - 1, logged);
  }

  @Test
  void loaderMessagesOutsideChallengeTextNeverReachWwwAuthenticate() throws Exception {
    List<String> messages = List.of("Revoked\r\nSet-Cookie: evil=1", "Revoked\nX-Evil: 1", "Revoked\rX-Evil: 1",
        "say \"hi\"", "back\\slash", "caf\u00e9", "line\u2028separator", "nul\u0000", "tab\there", "x".repeat(201), "");
    for (int code : new int[] {400, 401, 403}) {
      for (String message : messages) {
        String token = armed(type -> {
          throw new StatelessAuthError(message, code, "Token\r\nX-Evil: 1");
        });
        String response = exchange("/secret", List.of("Bearer " + token), null);

        String head = response.substring(0, response.indexOf("\r\n\r\n") + 2);
        String expected = REALM_CHALLENGE + ", error=\"" + (code == 400 ? "invalid_request" : code == 401 ? "invalid_token"
            : "insufficient_scope") + "\", error_description=\"" + (code == 400 ? "Invalid request" : code == 401
            ? "Invalid token" : "Insufficient scope") + "\"";
        assertTrue(head.startsWith("HTTP/1.1 " + code + " "), head);
        assertTrue(head.contains("\r\nWww-authenticate: " + expected + "\r\n"), () -> describe(message) + ":\n" + head);
        assertFalse(head.toLowerCase().contains("set-cookie") || head.toLowerCase().contains("x-evil"), head);
      }
    }
  }

  @Test
  void loaderMessageInChallengeTextIsTheDescription() throws Exception {
    String token = armed(type -> {
      throw new StatelessAuthError("Token revoked at 12:00 (ask an admin)", 401, "Token");
    });
    String response = exchange("/secret", List.of("Bearer " + token), null);

    assertTrue(response.contains("\r\nWww-authenticate: " + REALM_CHALLENGE
        + ", error=\"invalid_token\", error_description=\"Token revoked at 12:00 (ask an admin)\"\r\n"), response);
  }

  @Test
  void secretTokensEqualComparesWholeValues() {
    String token = SecretTokens.generate();
    assertTrue(SecretTokens.equal(token, new String(token.toCharArray())));
    assertTrue(SecretTokens.equal("", ""));
    assertTrue(SecretTokens.equal("caf\u00e9", "caf\u00e9"));
    assertFalse(SecretTokens.equal(token, token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A')));
    assertFalse(SecretTokens.equal(token, (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1)));
    assertFalse(SecretTokens.equal(token, token.substring(0, 42)), "a prefix");
    assertFalse(SecretTokens.equal(token, token + "A"), "longer");
    assertFalse(SecretTokens.equal("", token));
    assertFalse(SecretTokens.equal("caf\u00e9", "cafe"));
    assertThrows(NullPointerException.class, () -> SecretTokens.equal(null, token));
    assertThrows(NullPointerException.class, () -> SecretTokens.equal(token, null));
  }

  @Test
  void secretTokensAreRandomB64TokensStoredAsTheirSha256() {
    String token = SecretTokens.generate();
    assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
    assertFalse(token.equals(SecretTokens.generate()));
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SecretTokens.hash("abc"));
    assertFalse(SecretTokens.hash(token).contains(token));
  }

  // Helpers

  private static String secret() {
    return "tok-SECRET-" + UUID.randomUUID();
  }

  /** The credential line {@code X-API-Key: <key>}, in a case's list of {@code Authorization} values. */
  private static String key(String key) {
    return KEY_LINE + key;
  }

  /** What must never be seen: each whole value, and each distinctive secret (its UUID) in it. */
  private static List<String> secretsOf(List<String> authorization) {
    List<String> secrets = new ArrayList<>();
    for (String line : authorization) {
      String value = line.startsWith(KEY_LINE) ? line.substring(KEY_LINE.length()) : line;
      secrets.add(value);
      int at = value.indexOf("tok-SECRET-");
      if (at >= 0) {
        secrets.add(value.substring(at + "tok-SECRET-".length(), at + "tok-SECRET-".length() + 36));
      }
    }
    return secrets;
  }

  /** Every captured record as printed, and every throwable that ended a worker thread. */
  private static String everythingLogged() {
    StringBuilder text = new StringBuilder();
    for (LogRecord record : logs.records()) {
      text.append(LogCapture.printed(record)).append('\n');
    }
    for (Throwable thrown : Stream.concat(server.uncaught().stream(), cached.uncaught().stream()).toList()) {
      StringWriter trace = new StringWriter();
      thrown.printStackTrace(new PrintWriter(trace));
      text.append(trace).append('\n');
    }
    return text.toString();
  }

  /**
   * Sends a request on a connection of its own and returns every byte of the answer, once the
   * exchange has ended on the server (so that all it logs is in); a request that the JDK's server
   * refuses itself (a control character in a value, on JDKs that check) never reaches a handler.
   */
  private static String exchange(String path, List<String> authorization, String fault) throws Exception {
    return exchange(server, "GET", path, authorization, fault);
  }

  private static String exchange(ProbeServer probe, String method, String path, List<String> authorization,
      String fault) throws Exception {
    String id = UUID.randomUUID().toString();
    String response = RawHttp.everything(probe.port(), request(id, method, path, authorization, fault));
    boolean refusedByTheServer = probe.refusesControlCharactersInValues()
        && authorization.stream().anyMatch(HeaderOracle::hasControlCharacter);
    if (!refusedByTheServer) {
      probe.outcomeOf(id);
    }
    return response;
  }

  private static byte[] request(String id, String path, List<String> authorization, String fault) {
    return request(id, "GET", path, authorization, fault);
  }

  private static byte[] request(String id, String method, String path, List<String> authorization, String fault) {
    StringBuilder request = new StringBuilder(method).append(' ').append(path)
        .append(" HTTP/1.1\r\nHost: secrets\r\nConnection: close\r\n")
        .append(ProbeServer.ID_HEADER).append(": ").append(id).append("\r\n");
    if (method.equals("OPTIONS")) {
      request.append("Origin: https://app.example\r\nAccess-Control-Request-Method: DELETE\r\n");
    }
    for (String value : authorization) {
      request.append(value.startsWith(KEY_LINE) ? "" : "Authorization: ").append(value).append("\r\n");
    }
    if (fault != null) {
      request.append(HeaderFaults.HEADER).append(": ").append(fault).append("\r\n");
    }
    return request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String stored(boolean expired, long userId) {
    String token = secret();
    Faults.store(new Token(token, "access", userId, Set.of(), expired));
    return token;
  }

  private static String storedKey(boolean expired, long userId) {
    String key = secret();
    Store.addKey(new Token(key, "access", userId, Set.of(), expired));
    return key;
  }

  private static String refreshToken() {
    String token = secret();
    Faults.store(new Token(token, "refresh", 1, Set.of(), false));
    return token;
  }

  private static String armed(Faults.TokenLoad load) {
    String token = secret();
    Faults.onTokenLoad(token, load);
    return token;
  }

  private static String userArmed(boolean throwing) {
    String token = Faults.issue(secret()).secret();
    Faults.onUserLoad(token, t -> {
      if (throwing) {
        throw new IllegalStateException("user table gone");
      }
      return null;
    });
    return token;
  }

  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }

  private static String describe(String text) {
    StringBuilder shown = new StringBuilder();
    for (char c : text.toCharArray()) {
      shown.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return shown.length() > 40 ? shown.substring(0, 40) + "..." : shown.toString();
  }
}
