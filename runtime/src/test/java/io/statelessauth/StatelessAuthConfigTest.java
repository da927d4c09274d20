package io.statelessauth;

import static io.statelessauth.Responses.assertOk;
import static io.statelessauth.Responses.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import io.statelessauth.testsupport.RawHttp;
import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link StatelessAuthConfig}: defaults, the builder's checks and {@code fromProperties}. */
class StatelessAuthConfigTest {
  private static final HttpHandler PREFLIGHT = new HttpHandler() {
    @Override
    public void handle(com.sun.net.httpserver.HttpExchange exchange) {}

    @Override
    public String toString() {
      return "cors";
    }
  };

  private static void assertDefaults(StatelessAuthConfig config) {
    assertEquals("Authorization", config.authHeader());
    assertEquals("Bearer", config.defaultAuthType());
    assertEquals("access", config.defaultTokenType());
    assertTrue(config.addContextProcessor());
    assertEquals("api", config.realm());
    assertEquals(4096, config.maxTokenLength());
  }

  private static void assertRejectedNaming(String name, Executable executable) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
    assertTrue(e.getMessage().startsWith(name + " "), e.getMessage());
  }

  private static Properties properties(String key, String value) {
    Properties properties = new Properties();
    properties.setProperty(key, value);
    return properties;
  }

  // The builder

  @Test
  void defaultsAreTheDocumentedOnes() {
    assertDefaults(StatelessAuthConfig.defaults());
    assertDefaults(StatelessAuthConfig.builder().build());
  }

  @Test
  void everySetterIsKept() {
    StatelessAuthConfig config = StatelessAuthConfig.builder()
        .authHeader("X-Api-Token")
        .defaultAuthType("Token")
        .defaultTokenType("refresh")
        .addContextProcessor(false)
        .realm("my realm")
        .maxTokenLength(65_536)
        .preflightHandler(PREFLIGHT)
        .build();

    assertEquals("X-Api-Token", config.authHeader());
    assertEquals("Token", config.defaultAuthType());
    assertEquals("refresh", config.defaultTokenType());
    assertFalse(config.addContextProcessor());
    assertEquals("my realm", config.realm());
    assertEquals(65_536, config.maxTokenLength());
    assertSame(PREFLIGHT, config.preflightHandler().orElseThrow());
    assertEquals("StatelessAuthConfig{authHeader=X-Api-Token, defaultAuthType=Token, defaultTokenType=refresh,"
        + " addContextProcessor=false, realm=my realm, maxTokenLength=65536, preflightHandler=cors}",
        config.toString());
  }

  @Test
  void noPreflightHandlerByDefaultAndNullIsRefused() {
    assertEquals(Optional.empty(), StatelessAuthConfig.defaults().preflightHandler());
    assertTrue(StatelessAuthConfig.defaults().toString().endsWith(", preflightHandler=none}"));
    assertThrows(NullPointerException.class, () -> StatelessAuthConfig.builder().preflightHandler(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Auth Header", "Authorization:", "Auth\u00e9", "Auth\r\nX", "(x)"})
  void authHeaderMustBeAToken(String value) {
    assertRejectedNaming("authHeader", () -> StatelessAuthConfig.builder().authHeader(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Bea rer", "Bearer,", "B\u00e9arer", "\"Bearer\""})
  void defaultAuthTypeMustBeAToken(String value) {
    assertRejectedNaming("defaultAuthType", () -> StatelessAuthConfig.builder().defaultAuthType(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "access token", "tab\t", "caf\u00e9", "\u0000"})
  void defaultTokenTypeMustBeVisibleAsciiWithoutSpace(String value) {
    assertRejectedNaming("defaultTokenType", () -> StatelessAuthConfig.builder().defaultTokenType(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"quo\"te", "back\\slash", "caf\u00e9", "line\nbreak", "tab\t"})
  void realmMustBePrintableAsciiWithoutQuoteOrBackslash(String value) {
    assertRejectedNaming("realm", () -> StatelessAuthConfig.builder().realm(value));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65_537, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void maxTokenLengthMustBeFrom1To65536(int value) {
    assertRejectedNaming("maxTokenLength", () -> StatelessAuthConfig.builder().maxTokenLength(value));
  }

  @Test
  void maxTokenLengthBoundsAreAccepted() {
    assertEquals(1, StatelessAuthConfig.builder().maxTokenLength(1).build().maxTokenLength());
    assertEquals(StatelessAuthConfig.MAX_TOKEN_LENGTH_LIMIT,
        StatelessAuthConfig.builder().maxTokenLength(StatelessAuthConfig.MAX_TOKEN_LENGTH_LIMIT).build().maxTokenLength());
  }

  @Test
  void nullValuesAreRejected() {
    StatelessAuthConfig.Builder builder = StatelessAuthConfig.builder();
    assertThrows(NullPointerException.class, () -> builder.authHeader(null));
    assertThrows(NullPointerException.class, () -> builder.defaultAuthType(null));
    assertThrows(NullPointerException.class, () -> builder.defaultTokenType(null));
    assertThrows(NullPointerException.class, () -> builder.realm(null));
  }

  @Test
  void rejectedValueLeavesTheBuilderAsItWas() {
    StatelessAuthConfig.Builder builder = StatelessAuthConfig.builder().realm("kept");
    assertThrows(IllegalArgumentException.class, () -> builder.realm("bad\""));

    assertEquals("kept", builder.build().realm());
  }

  // fromProperties

  @Test
  void emptyPropertiesGiveTheDefaults() {
    assertDefaults(StatelessAuthConfig.fromProperties(new Properties()));
  }

  @Test
  void unknownKeysAreIgnored() {
    assertDefaults(StatelessAuthConfig.fromProperties(properties("SECRET_KEY", "whatever \"at all\"")));
  }

  @Test
  void everyKeyIsRead() {
    Properties properties = new Properties();
    properties.setProperty("AUTH_HEADER", "X-Api-Token");
    properties.setProperty("DEFAULT_AUTH_TYPE", "Token");
    properties.setProperty("DEFAULT_TOKEN_TYPE", "refresh");
    properties.setProperty("ADD_CONTEXT_PROCESSOR", "false");
    properties.setProperty("REALM", "my realm");
    properties.setProperty("MAX_TOKEN_LENGTH", "128");

    StatelessAuthConfig config = StatelessAuthConfig.fromProperties(properties);

    assertEquals("X-Api-Token", config.authHeader());
    assertEquals("Token", config.defaultAuthType());
    assertEquals("refresh", config.defaultTokenType());
    assertFalse(config.addContextProcessor());
    assertEquals("my realm", config.realm());
    assertEquals(128, config.maxTokenLength());
  }

  @Test
  void propertiesFileFormatIsReadWithSurroundingWhitespaceStripped() throws IOException {
    Properties properties = new Properties();
    properties.load(new StringReader(
        "AUTH_HEADER = X-Api-Token  \nADD_CONTEXT_PROCESSOR=TRUE\nMAX_TOKEN_LENGTH=\t64 \nREALM= api v2 \n"));

    StatelessAuthConfig config = StatelessAuthConfig.fromProperties(properties);

    assertEquals("X-Api-Token", config.authHeader());
    assertTrue(config.addContextProcessor());
    assertEquals(64, config.maxTokenLength());
    assertEquals("api v2", config.realm());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ADD_CONTEXT_PROCESSOR|true|true", "ADD_CONTEXT_PROCESSOR|False|false", "ADD_CONTEXT_PROCESSOR|TRUE|true"})
  void addContextProcessorAcceptsTrueOrFalseInAnyCase(String key, String value, boolean expected) {
    assertEquals(expected, StatelessAuthConfig.fromProperties(properties(key, value)).addContextProcessor());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "AUTH_HEADER|Auth Header",
      "AUTH_HEADER|''",
      "DEFAULT_AUTH_TYPE|Bea rer",
      "DEFAULT_AUTH_TYPE|Bearer,",
      "DEFAULT_TOKEN_TYPE|''",
      "DEFAULT_TOKEN_TYPE|access token",
      "ADD_CONTEXT_PROCESSOR|yes",
      "ADD_CONTEXT_PROCESSOR|1",
      "ADD_CONTEXT_PROCESSOR|''",
      "REALM|say \"hi\"",
      "REALM|back\\slash",
      "MAX_TOKEN_LENGTH|many",
      "MAX_TOKEN_LENGTH|4096.0",
      "MAX_TOKEN_LENGTH|0",
      "MAX_TOKEN_LENGTH|65537",
      "MAX_TOKEN_LENGTH|99999999999",
      "MAX_TOKEN_LENGTH|''"})
  void badValueIsRejectedNamingTheKey(String key, String value) {
    assertRejectedNaming(key, () -> StatelessAuthConfig.fromProperties(properties(key, value)));
  }

  @Test
  void badValueMessageQuotesTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StatelessAuthConfig.fromProperties(properties("ADD_CONTEXT_PROCESSOR", "yes")));

    assertEquals("ADD_CONTEXT_PROCESSOR must be true or false, was 'yes'", e.getMessage());
  }

  @Test
  void nullPropertiesAreRejected() {
    assertThrows(NullPointerException.class, () -> StatelessAuthConfig.fromProperties(null));
  }

  // The configured header on the wire

  @Test
  void customAuthHeaderIsMatchedInAnyCase() throws IOException {
    StatelessAuthConfig config = StatelessAuthConfig.fromProperties(properties("AUTH_HEADER", "X-Api-Token"));
    TestManager manager = TestManager.builder().config(config).build();

    try (TestServer server = TestServer.start()) {
      server.context("/secure", manager.handler(manager.route().build(),
          (exchange, token, user) -> TestServer.respond(exchange, 200, "hello " + user.name())));
      assertOk(RawHttp.exchange(server.port(), RawHttp.get("/secure", "x-API-token: Bearer alice-token")), "hello alice");
      assertOk(server.get("/secure", "X-API-TOKEN", "bearer bob-token"), "hello bob");
      assertRefused(server.getWith("/secure", "Bearer alice-token"), 401, "Bearer realm=\"api\"",
          "Request error: Missing X-Api-Token header");
      assertRefused(RawHttp.exchange(server.port(), RawHttp.get("/secure", "X-Api-Token: Bearer a", "x-api-token: Bearer b")),
          400, Responses.challenge("invalid_request", "More than one X-Api-Token header"),
          "Request error: More than one X-Api-Token header");
    }
  }
}
