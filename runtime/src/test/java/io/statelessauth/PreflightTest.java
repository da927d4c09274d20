package io.statelessauth;

import static io.statelessauth.Responses.BARE_CHALLENGE;
import static io.statelessauth.Responses.assertOk;
import static io.statelessauth.Responses.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CORS preflights (README, "Configuration", {@code preflightHandler}): with a preflight handler,
 * {@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method} goes to it without
 * authentication; every other request is authenticated; without one, preflights are too.
 */
class PreflightTest {
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final HttpHandler cors = exchange -> {
    events.add("preflight " + exchange.getRequestHeaders().getFirst("Access-Control-Request-Method"));
    exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "https://app.example");
    exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Authorization");
    exchange.sendResponseHeaders(204, -1);
    exchange.close();
  };
  private TestServer server;

  @BeforeEach
  void start() throws IOException {
    server = TestServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private TestManager serve(StatelessAuthConfig config) {
    TestManager manager = TestManager.builder().config(config).listener(new AuthListener() {
      @Override
      public void onUnauthorized(com.sun.net.httpserver.HttpExchange exchange, StatelessAuthError error) {
        events.add("refused " + error.code());
      }
    }).build();
    server.context("/secure", manager.handler(manager.route().build(),
        (exchange, token, user) -> TestServer.respond(exchange, 200, exchange.getRequestMethod() + " " + user.name())));
    return manager;
  }

  private HttpResponse<String> options(String... headers) {
    return server.send(server.request("/secure", headers).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
  }

  @Test
  void preflightGoesToThePreflightHandlerWithoutAuthentication() {
    TestManager manager = serve(StatelessAuthConfig.builder().preflightHandler(cors).build());

    HttpResponse<String> response = options("Origin", "https://app.example", "Access-Control-Request-Method", "DELETE");

    assertEquals(204, response.statusCode());
    assertEquals(List.of("https://app.example"), response.headers().allValues("Access-Control-Allow-Origin"));
    assertEquals(List.of(), response.headers().allValues("WWW-Authenticate"));
    assertEquals(List.of("preflight DELETE"), events);
    assertEquals(List.of(), manager.tokenLoads);
  }

  @Test
  void withoutAPreflightHandlerAPreflightIsAuthenticatedLikeAnyRequest() {
    serve(StatelessAuthConfig.defaults());

    assertRefused(options("Origin", "https://app.example", "Access-Control-Request-Method", "DELETE"), 401,
        BARE_CHALLENGE, "Request error: Missing Authorization header");
    assertEquals(List.of("refused 401"), events);
  }

  @Test
  void optionsWithoutBothCorsHeadersIsAuthenticated() {
    serve(StatelessAuthConfig.builder().preflightHandler(cors).build());

    assertRefused(options("Origin", "https://app.example"), 401, BARE_CHALLENGE,
        "Request error: Missing Authorization header");
    assertRefused(options("Access-Control-Request-Method", "DELETE"), 401, BARE_CHALLENGE,
        "Request error: Missing Authorization header");
    assertOk(options("Origin", "https://app.example", "Authorization", "Bearer alice-token"), "OPTIONS alice");
    assertEquals(List.of("refused 401", "refused 401"), events);
  }

  @Test
  void anotherMethodWithCorsHeadersIsAuthenticated() {
    serve(StatelessAuthConfig.builder().preflightHandler(cors).build());

    assertRefused(server.get("/secure", "Origin", "https://app.example", "Access-Control-Request-Method", "GET"), 401,
        BARE_CHALLENGE, "Request error: Missing Authorization header");
    assertOk(server.get("/secure", "Origin", "https://app.example", "Access-Control-Request-Method", "GET",
        "Authorization", "Bearer alice-token"), "GET alice");
  }
}
