package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.ServiceClient.Response;
import io.statelessauth.example.testsupport.TestSettings;
import io.statelessauth.testsupport.LogCapture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code HEAD} over a real connection to a running server: the JDK's server, not the handler,
 * decides that no body goes on the wire and which {@code Content-Length} is sent, and it logs a
 * warning when a handler gets that wrong; the routes themselves are tested in memory in {@link
 * ServiceTest} and {@link OptionalGreetingTest}. Last, that no token nor password reached the logs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HeadOverTheWireTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static final String BARE_CHALLENGE = "Bearer realm=\"api\"";
  private static final AtomicInteger USERS = new AtomicInteger();

  @TempDir static Path folder;

  private static LogCapture logs;
  private static ExampleServer server;
  private static ServiceClient client;

  @BeforeAll
  static void start() throws Exception {
    logs = LogCapture.everything(Level.ALL);
    server = ExampleServer.start(TestSettings.sqlite(folder.resolve("head.db")));
    client = new ServiceClient(server.uri());
  }

  @AfterAll
  static void stop() {
    server.close();
    logs.close();
  }

  private static String newUser() {
    String username = "header" + USERS.incrementAndGet();
    assertEquals(201, client.register(username, PASSWORD).status());
    return username;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/                          | false | text/plain; charset=utf-8",
      "/no_current_stateless_user | false | application/json; charset=utf-8",
      "/secret                    | true  | application/json; charset=utf-8",
      "/whoami                    | true  | application/json; charset=utf-8"})
  void headIsServedAsGetWithoutABody(String path, boolean protectedRoute, String type) {
    String authorization =
        protectedRoute ? "Bearer " + client.login(newUser(), PASSWORD).access() : null;
    Response get = client.send("GET", path, null, authorization);

    Response head = client.send("HEAD", path, null, authorization);

    assertEquals(200, head.status());
    assertEquals("", head.body());
    assertEquals(type, head.header("Content-Type"));
    assertEquals(Integer.toString(get.body().getBytes(StandardCharsets.UTF_8).length),
        head.header("Content-Length"));
  }

  @Test
  void headOnAProtectedRouteIsAuthenticatedLikeGet() {
    Response head = client.send("HEAD", "/whoami", null, null);

    assertEquals(401, head.status());
    assertEquals(BARE_CHALLENGE, head.header("WWW-Authenticate"));
    assertEquals("", head.body());
  }

  @Test
  void headRequestsLeaveNoWarningInTheLog() {
    String token = client.login(newUser(), PASSWORD).access();
    int before = logs.text().length();

    for (String path : new String[] {"/", "/whoami", "/secret", "/no_current_stateless_user",
        "/nothing"}) {
      client.bearer("HEAD", path, token);
      client.send("HEAD", path, null, null);
    }

    List<String> warnings = logs.text().substring(before).lines()
        .filter(line -> line.startsWith("WARNING:") || line.startsWith("SEVERE:"))
        .collect(Collectors.toList());
    assertEquals(List.of(), warnings);
  }

  @Test
  void headIsAnsweredWithTheGreetingsHeadersAndNoBody() {
    String username = newUser();
    Pair pair = client.login(username, PASSWORD);

    Response response = client.bearer("HEAD", "/", pair.access());

    assertEquals(200, response.status());
    assertEquals("", response.body());
    assertEquals(Integer.toString(("hello " + username).length()),
        response.header("Content-Length"));
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void noTokenNorPasswordReachedTheLogs() {
    String text = logs.text();
    assertTrue(client.secrets().size() > 5, "the client saw the tokens");
    for (String secret : client.secrets()) {
      assertFalse(text.contains(secret), "a token or password was logged");
    }
  }
}
