package io.statelessauth;

import static io.statelessauth.Responses.BARE_CHALLENGE;
import static io.statelessauth.Responses.assertOk;
import static io.statelessauth.Responses.assertRefused;
import static io.statelessauth.Responses.challenge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code manager.filter(...)} on contexts wired by hand. */
class FilterTest {
  private final List<String> handled = new CopyOnWriteArrayList<>();
  private TestServer server;
  private TestManager manager;

  @BeforeEach
  void start() throws IOException {
    server = TestServer.start();
    manager = new TestManager();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpContext context(String path, Filter filter) {
    HttpContext context = server.context(path, exchange -> {
      handled.add(path);
      TestServer.respond(exchange, 200, CurrentStatelessUser.get() + " / " + exchange.getAttribute("current_stateless_user"));
    });
    context.getFilters().add(filter);
    return context;
  }

  @Test
  void filterLetsTheChainGoOnWithTheUserBound() {
    context("/docs", manager.filter(manager.route().build()));

    String alice = TestUser.active("alice").toString();
    assertOk(server.getWith("/docs/1", "Bearer alice-token"), alice + " / " + alice);
    assertEquals(List.of("/docs"), handled);
  }

  @Test
  void filterRefusesWithoutCallingTheHandler() {
    context("/docs", manager.filter(manager.route().build()));

    assertRefused(server.get("/docs"), 401, BARE_CHALLENGE, "Request error: Missing Authorization header");
    assertRefused(server.getWith("/docs", "Bearer unknown"), 401, challenge("invalid_token", "Invalid access token"),
        "Token error: Invalid access token");
    assertEquals(List.of(), handled);
  }

  @Test
  void filterUsesItsTokenTypeSchemeAndScopes() {
    context("/admin", manager.filter(manager.route().tokenType("admin").authType("Token").scopes("write").build()));

    assertRefused(server.getWith("/admin", "Token alice-token"), 403,
        "Token realm=\"api\", error=\"insufficient_scope\", error_description=\"Insufficient scope\", scope=\"write\"",
        "Scope error: Insufficient scope");
    assertEquals(200, server.getWith("/admin", "Token bob-token").statusCode());
    assertEquals(List.of("alice-token|admin|Token", "bob-token|admin|Token"), manager.tokenLoads);
  }

  @Test
  void filterRunsAfterTheFiltersBeforeItAndBeforeTheOnesAfterIt() {
    List<String> order = new CopyOnWriteArrayList<>();
    HttpContext context = context("/chain", manager.filter(manager.route().build()));
    context.getFilters().add(0, Filter.beforeHandler("before", exchange -> order.add("before " + CurrentStatelessUser.get())));
    context.getFilters().add(Filter.beforeHandler("after", exchange -> order.add("after " + CurrentStatelessUser.get())));

    assertEquals(200, server.getWith("/chain", "Bearer bob-token").statusCode());
    assertEquals(List.of("before null", "after " + TestUser.active("bob")), order);
  }

  @Test
  void userIsClearedAfterTheChainReturns() {
    context("/docs", manager.filter(manager.route().build()));
    server.context("/probe", exchange -> TestServer.respond(exchange, 200, String.valueOf(CurrentStatelessUser.get())));

    assertEquals(200, server.getWith("/docs", "Bearer alice-token").statusCode());
    assertOk(server.get("/probe"), "null");
  }

  @Test
  void filterDescriptionNamesTheRoute() {
    String description = manager.filter(manager.route().tokenType("refresh").authType("Token").scopes("read").build()).description();

    assertTrue(description.contains("refresh") && description.contains("Token") && description.contains("read"), description);
  }

  @Test
  void filterArgumentsAreCheckedLikeRouteArguments() {
    assertThrows(IllegalArgumentException.class, () -> manager.filter(manager.route().authType("Bad Scheme").build()));
    assertThrows(IllegalArgumentException.class, () -> manager.filter(manager.route().tokenType("a b").build()));
    assertThrows(IllegalArgumentException.class, () -> manager.filter(manager.route().scopes("bad scope").build()));
  }
}
