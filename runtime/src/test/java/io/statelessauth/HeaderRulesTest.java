package io.statelessauth;

import static io.statelessauth.Responses.BARE_CHALLENGE;
import static io.statelessauth.Responses.assertOk;
import static io.statelessauth.Responses.assertRefused;
import static io.statelessauth.Responses.challenge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.statelessauth.testsupport.RawHttp;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The header rows of README "One request, step by step" end to end: reading the header and parsing the credentials, over a real
 * server, with the client where it sends the header and raw sockets where it will not.
 */
class HeaderRulesTest {
  private static final String MALFORMED = "Authorization header must be 'Bearer <token>'";
  private static final String MALFORMED_CHALLENGE = challenge("invalid_request", MALFORMED);

  private TestServer server;
  private TestManager manager;

  @BeforeEach
  void start() throws IOException {
    server = TestServer.start();
    manager = new TestManager();
    server.context("/secure", manager.handler(manager.route().build(),
        (exchange, token, user) -> TestServer.respond(exchange, 200, "hello " + user.name())));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RawHttp.Response raw(String... headerLines) throws IOException {
    return RawHttp.exchange(server.port(), RawHttp.get("/secure", headerLines));
  }

  // Step 1: the header field

  @Test
  void missingHeaderGives401WithBareChallenge() {
    assertRefused(server.get("/secure"), 401, BARE_CHALLENGE, "Request error: Missing Authorization header");
    assertEquals(List.of(), manager.tokenLoads);
  }

  @Test
  void emptyHeaderGives401WithBareChallenge() throws IOException {
    assertRefused(raw("Authorization:"), 401, BARE_CHALLENGE, "Request error: Missing Authorization header");
    assertEquals(List.of(), manager.tokenLoads);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Authorization: ", "Authorization:    ", "Authorization: \t \t"})
  void whitespaceOnlyHeaderGives401WithBareChallenge(String line) throws IOException {
    assertRefused(raw(line), 401, BARE_CHALLENGE, "Request error: Missing Authorization header");
  }

  @Test
  void twoHeaderFieldsGive400InvalidRequest() throws IOException {
    RawHttp.Response response = raw("Authorization: Bearer alice-token", "Authorization: Bearer alice-token");

    assertRefused(response, 400, challenge("invalid_request", "More than one Authorization header"),
        "Request error: More than one Authorization header");
    assertEquals(List.of(), manager.tokenLoads);
  }

  @Test
  void twoHeaderFieldsInDifferentCaseGive400InvalidRequest() throws IOException {
    RawHttp.Response response = raw("Authorization: Bearer alice-token", "authorization: Bearer bob-token");

    assertRefused(response, 400, challenge("invalid_request", "More than one Authorization header"),
        "Request error: More than one Authorization header");
  }

  @ParameterizedTest
  @ValueSource(strings = {"authorization", "AUTHORIZATION", "aUtHoRiZaTiOn"})
  void headerNameIsMatchedInAnyCase(String name) throws IOException {
    assertOk(raw(name + ": Bearer alice-token"), "hello alice");
  }

  // Step 2: scheme and credentials

  @ParameterizedTest
  @ValueSource(strings = {"Basic YWxpY2U6c2VjcmV0", "Token alice-token", "Bearerx alice-token", "alice-token",
      "Bearer,alice-token", "Bear alice-token", "Digest username=\"alice\""})
  void otherSchemeGives401WithoutErrorCode(String value) {
    assertRefused(server.getWith("/secure", value), 401, BARE_CHALLENGE,
        "Request error: Authorization header must use the Bearer scheme");
    assertEquals(List.of(), manager.tokenLoads);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bearer", "BEARER", "bEaReR", "Bearer"})
  void schemeInAnyCaseIsAccepted(String scheme) {
    assertOk(server.getWith("/secure", scheme + " alice-token"), "hello alice");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer  alice-token", "Bearer      alice-token"})
  void severalSpacesBetweenSchemeAndTokenAreAccepted(String value) {
    assertOk(server.getWith("/secure", value), "hello alice");
    assertEquals(List.of("alice-token|access|Bearer"), manager.tokenLoads);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Authorization:   Bearer alice-token   ", "Authorization:\t Bearer alice-token \t"})
  void surroundingWhitespaceIsIgnored(String line) throws IOException {
    assertOk(raw(line), "hello alice");
  }

  @Test
  void tabBetweenSchemeAndTokenReachesTheParserAsASpace() throws IOException {
    // The JDK turns a tab inside a value into a space before the parser sees it.
    assertOk(raw("Authorization: Bearer\talice-token"), "hello alice");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer alice token", "Bearer alice-token,", "Bearer =alice", "Bearer ali=ce",
      "Bearer a\"b", "Bearer a%20b", "Bearer a:b", "Bearer alice-token alice-token", "Bearer a;b",
      "Bearer token=\"alice-token\""})
  void credentialsThatAreNotAB64TokenGive400InvalidRequest(String value) {
    assertRefused(server.getWith("/secure", value), 400, MALFORMED_CHALLENGE, "Request error: " + MALFORMED);
    assertEquals(List.of(), manager.tokenLoads);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Authorization: Bearer", "Authorization: bearer", "Authorization: Bearer    "})
  void schemeAloneGives400InvalidRequest(String line) throws IOException {
    assertRefused(raw(line), 400, MALFORMED_CHALLENGE, "Request error: " + MALFORMED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer ali\u00e9ce", "Bearer ali\u00c3\u00a9ce", "Bearer \u00ff", "Bearer alice-t\u00f6ken"})
  void nonAsciiBytesInTokenGive400InvalidRequest(String value) throws IOException {
    // One byte per character: "\u00c3\u00a9" is how the UTF-8 of 'é' arrives (as Latin-1).
    assertRefused(raw("Authorization: " + value), 400, MALFORMED_CHALLENGE, "Request error: " + MALFORMED);
    assertEquals(List.of(), manager.tokenLoads);
  }

  @Test
  void nonAsciiBytesInSchemeGive401WithoutErrorCode() throws IOException {
    assertRefused(raw("Authorization: B\u00e9arer alice-token"), 401, BARE_CHALLENGE,
        "Request error: Authorization header must use the Bearer scheme");
  }

  /**
   * A control character in the token is refused with 400 before any loader runs: by the parser
   * (400 {@code invalid_request}) where the JDK's server passes it through, as 17.0.19 and 25 do, or
   * by the server itself, as later JDK 17 updates do (17.0.21 answers 400 to any header value with
   * one). Which applies is probed with the same character in another header, on a route without
   * authentication.
   */
  @ParameterizedTest
  @ValueSource(strings = {"\u0000", "\u0001", "\u0008", "\u000b", "\u000c", "\u001b", "\u001f", "\u007f"})
  void controlCharacterInTokenGives400BeforeAnyLoader(String control) throws IOException {
    RawHttp.Response response = raw("Authorization: Bearer alice" + control + "-token");

    if (jdkRefusesHeaderValueWith(control)) {
      assertEquals(400, response.status());
      assertEquals(null, response.header("WWW-Authenticate"));
    } else {
      assertRefused(response, 400, MALFORMED_CHALLENGE, "Request error: " + MALFORMED);
    }
    assertEquals(List.of(), manager.tokenLoads);
  }

  /** Whether this JDK's server answers a header value holding {@code control} with its own 400. */
  private boolean jdkRefusesHeaderValueWith(String control) throws IOException {
    server.context("/no-authentication", exchange -> TestServer.respond(exchange, 200, "reached"));
    RawHttp.Response probe = RawHttp.exchange(server.port(), RawHttp.get("/no-authentication", "X-Probe: a" + control + "b"));
    assertTrue(probe.status() == 200 || probe.status() == 400, () -> "probe answered " + probe.status());
    return probe.status() == 400;
  }

  @ParameterizedTest
  @ValueSource(strings = {"\r", "\n"})
  void bareCrOrLfInsideTheHeaderIsRefusedByTheJdkBeforeTheParser(String breakChar) throws IOException {
    RawHttp.Response response = raw("Authorization: Bearer alice" + breakChar + "-token");

    assertEquals(400, response.status());
    assertNull(response.header("WWW-Authenticate"), "the JDK's own 400 carries no challenge");
    assertEquals(List.of(), manager.tokenLoads);
  }

  @Test
  void obsFoldInsideTheTokenGives400InvalidRequest() throws IOException {
    // The JDK joins the folded line with a space: "Bearer alice -token".
    assertRefused(raw("Authorization: Bearer alice", " -token"), 400, MALFORMED_CHALLENGE, "Request error: " + MALFORMED);
  }

  @Test
  void tokenOfExactlyMaxTokenLengthIsAccepted() {
    String token = "t".repeat(4096);
    manager.token(token, TestToken.of("alice"));

    assertOk(server.getWith("/secure", "Bearer " + token), "hello alice");
  }

  @Test
  void tokenLongerThanMaxTokenLengthGives400InvalidRequest() {
    String token = "t".repeat(4097);
    manager.token(token, TestToken.of("alice"));

    assertRefused(server.getWith("/secure", "Bearer " + token), 400,
        challenge("invalid_request", "Bearer token longer than 4096 characters"),
        "Request error: Bearer token longer than 4096 characters");
    assertEquals(List.of(), manager.tokenLoads);
  }

  @Test
  void configuredMaxTokenLengthIsTheLimit() throws Exception {
    TestManager shortTokens = TestManager.builder().config(StatelessAuthConfig.builder().maxTokenLength(8).build()).build()
        .token("12345678", TestToken.of("alice"))
        .token("123456789", TestToken.of("alice"));
    server.context("/short", shortTokens.handler(shortTokens.route().build(),
        (exchange, token, user) -> TestServer.respond(exchange, 200, "hello " + user.name())));

    assertOk(server.getWith("/short", "Bearer 12345678"), "hello alice");
    assertRefused(server.getWith("/short", "Bearer 123456789"), 400,
        challenge("invalid_request", "Bearer token longer than 8 characters"),
        "Request error: Bearer token longer than 8 characters");
  }

  @Test
  void hundredKilobyteHeaderGives400WithoutReachingTheLoader() throws IOException {
    RawHttp.Response response = raw("Authorization: Bearer " + "a".repeat(100_000));

    assertRefused(response, 400, challenge("invalid_request", "Bearer token longer than 4096 characters"),
        "Request error: Bearer token longer than 4096 characters");
    assertEquals(List.of(), manager.tokenLoads);
  }

  @Test
  void everyB64TokenCharacterAndPaddingIsPassedToTheLoaderExactly() {
    String token = "AZaz09-._~+/==";
    manager.token(token, TestToken.of("bob"));

    assertOk(server.getWith("/secure", "Bearer " + token), "hello bob");
    assertEquals(List.of(token + "|access|Bearer"), manager.tokenLoads);
  }

  @Test
  void tokenIsComparedExactlyNotNormalised() {
    assertRefused(server.getWith("/secure", "Bearer ALICE-TOKEN"), 401,
        challenge("invalid_token", "Invalid access token"), "Token error: Invalid access token");
    assertEquals(List.of("ALICE-TOKEN|access|Bearer"), manager.tokenLoads);
  }

  @Test
  void challengeNamesTheSchemeTheRouteRequires() {
    server.context("/token-scheme", manager.handler(manager.route().authType("Token").build(),
        (exchange, token, user) -> TestServer.respond(exchange, 200, "hello " + user.name())));

    assertOk(server.getWith("/token-scheme", "token alice-token"), "hello alice");
    assertRefused(server.get("/token-scheme"), 401, "Token realm=\"api\"",
        "Request error: Missing Authorization header");
    assertRefused(server.getWith("/token-scheme", "Bearer alice-token"), 401, "Token realm=\"api\"",
        "Request error: Authorization header must use the Token scheme");
    assertRefused(server.getWith("/token-scheme", "Token no such"), 400,
        "Token realm=\"api\", error=\"invalid_request\", error_description=\"Authorization header must be 'Token <token>'\"",
        "Request error: Authorization header must be 'Token <token>'");
  }

  @Test
  void refusedCredentialsAreNeverEchoed() throws IOException {
    RawHttp.Response response = raw("Authorization: Bearer topsecret\u0001value");

    assertEquals(400, response.status());
    assertFalse(response.body().contains("topsecret"), response.body());
    assertFalse(response.headers().toString().contains("topsecret"), response.headers().toString());
  }
}
