package io.statelessauth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** README, "Testing a handler": a generated handler tested with lambda loaders and no database. */
class TestingAHandlerTest {

  @Test
  void whoamiAnswersWithTheTokensUser() throws Exception {
    User alice = new User(1, "alice", true, Set.of());
    StatelessAuthManager manager = StatelessAuthManager.builder()
        .tokenLoader((token, tokenType, authType) ->
            token.equals("alice-token") ? new Token(token, tokenType, 1, Set.of(), false) : null)
        .userLoader(token -> alice)
        .build();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/whoami", new AuthenticatedSecretApi(new SecretApi(), manager).whoami());
    server.start();

    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/whoami"))
            .header("Authorization", "Bearer alice-token").build(),
        HttpResponse.BodyHandlers.ofString());
    server.stop(0);

    assertEquals("alice|alice|true|true", response.body());
  }
}
