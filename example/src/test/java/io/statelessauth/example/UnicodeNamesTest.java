package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statelessauth.AuthListener;
import io.statelessauth.example.accounts.Names;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Response;
import io.statelessauth.example.testsupport.TestSettings;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names and passwords that are not what they look like, sent as JSON escapes as an attacker
 * would: a lone surrogate is refused, never replaced; names are compared in NFC; invisible and
 * control characters and surrounding white space are refused in new names. The service's routes
 * run in memory through the test kit.
 */
class UnicodeNamesTest {

  private static final String PASSWORD = "correct horse battery staple";

  @TempDir static Path folder;

  private static ExampleServer.Service service;
  private static ServiceClient client;

  @BeforeAll
  static void start() throws Exception {
    service = ExampleServer.open(TestSettings.sqlite(folder.resolve("unicode.db")),
        Clock.systemUTC(), AuthListener.NONE);
    client = new ServiceClient(service.router());
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  /** The body with {@code username} and {@code password} as JSON string contents, escapes kept. */
  private static Response post(String path, String username, String password) {
    return client.send("POST", path,
        "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}", null);
  }

  @Test
  void aNameWithALoneSurrogateIsRefusedAndCannotLogInAsAnother() {
    Response register = post("/user", "eve\\ud800", PASSWORD);
    Response login = post("/create_token", "eve\\udfff", PASSWORD);

    assertEquals(400, register.status());
    assertEquals("'username' is not valid Unicode (a lone surrogate)",
        register.json().get("error").textValue());
    assertEquals(401, login.status(), "a name that cannot exist is a wrong name");
  }

  @Test
  void aPasswordWithALoneSurrogateIsRefused() {
    assertEquals(201, client.register("frank", PASSWORD).status());

    Response register = post("/user", "grace", "password\\udc00");
    Response login = post("/create_token", "frank", "password\\ud800");

    assertEquals(400, register.status());
    assertEquals("'password' is not valid Unicode (a lone surrogate)",
        register.json().get("error").textValue());
    assertEquals(400, login.status());
  }

  @Test
  void namesAreComparedInNormalisationFormC() {
    assertEquals(201, post("/user", "e\\u0301ve", PASSWORD).status());

    assertEquals(409, post("/user", "\\u00e9ve", PASSWORD).status());
    Response login = post("/create_token", "\\u00e9ve", PASSWORD);
    assertEquals(201, login.status());
    client.secrets().add(ServiceClient.pair(login).access());
    assertEquals("\u00e9ve", client.bearer("GET", "/whoami", ServiceClient.pair(login).access())
        .json().get("my_username").textValue());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "zero\\u200bwidth", "bidi\\u202eoverride", "soft\\u00adhyphen", "bom\\ufeff",
      "line\\u2028separator", "private\\ue000use", "unassigned\\u0378", "nul\\u0000",
      "tab\\tname", " leading", "trailing ", "\\u00a0nbsp", "\\u3000ideographic", "en-space\\u2002",
      "alice\\u00a0smith", "alice\\u2009smith", "alice\\u3000smith", "alice  smith",
      "nul\\u0000inside", "del\\u007fname", "c1\\u0085control"})
  void invisibleControlAndSurroundingSpaceCharactersAreRefusedInNewNames(String username) {
    Response response = post("/user", username, PASSWORD);

    assertEquals(400, response.status(), username);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nul\\u0000name", "alice\\u00a0smith", "\\u0000", "tab\\tname"})
  void aLoginWithANameThatCannotExistIs401LikeAnyWrongName(String username) {
    Response response = post("/create_token", username, PASSWORD);

    assertEquals(401, response.status(), username);
    assertEquals("Invalid username or password", response.json().get("error").textValue());
  }

  @ParameterizedTest
  @CsvSource({
      "alice, Alice",
      "bobby, \\uff42\\uff4f\\uff42\\uff42\\uff59",
      "carla, \\u0441\\u0430rla",
      "dave smith, DAVE SMITH",
      "ellie, e11ie",
      "ingrid, \\u0456ngr\\u0456d",
      "mike, rnike"})
  void aNameThatLooksLikeARegisteredOneIsRefused(String first, String lookAlike) {
    assertEquals(201, post("/user", first, PASSWORD).status(), first);

    Response second = post("/user", lookAlike, PASSWORD);

    assertEquals(409, second.status(), lookAlike);
    assertEquals("Username already taken", second.json().get("error").textValue());
  }

  @Test
  void theNameAUserChoseIsTheNameTheySee() {
    assertEquals(201, post("/user", "Zo\\u00eb \\u00c5ngstr\\u00f6m", PASSWORD).status());

    Response login = post("/create_token", "Zo\\u00eb \\u00c5ngstr\\u00f6m", PASSWORD);
    String access = ServiceClient.pair(login).access();
    client.secrets().add(access);

    assertEquals("Zo\u00eb \u00c5ngstr\u00f6m",
        client.bearer("GET", "/whoami", access).json().get("my_username").textValue());
    assertEquals(401, post("/create_token", "zo\\u00eb \\u00e5ngstr\\u00f6m", PASSWORD).status(),
        "a look-alike is another name: it does not log in");
  }

  @Test
  void aNameWithSpacesInsideAndLettersOfAnyScriptIsAccepted() {
    assertEquals(201, post("/user", "Zo\\u00eb \\u674e \\ud83d\\ude00", PASSWORD).status());
  }

  @Test
  void aNameOfSixtyFourCharactersIsAcceptedAndOneMoreOrNoneIsRefused() {
    assertEquals(201, post("/user", "n".repeat(64), PASSWORD).status());

    for (String username : new String[] {"m".repeat(65), ""}) {
      Response response = post("/user", username, PASSWORD);
      assertEquals(400, response.status(), username);
      assertEquals(Names.RULES, response.json().get("error").textValue());
    }
  }
}
