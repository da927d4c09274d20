package io.statelessauth;

import static io.statelessauth.Responses.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import io.statelessauth.testsupport.LogCapture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The current user: bound for the handler, cleared however it ends (checked on the same pooled
 * thread), restored when bindings nest, and the {@code current_stateless_user} exchange attribute.
 */
class CurrentUserTest {
  private static final String ATTRIBUTE = "current_stateless_user";

  private TestServer server;
  private TestManager manager;
  private LogCapture log;
  private volatile AuthenticatedCall<TestToken, TestUser> call;

  @BeforeEach
  void start() throws IOException {
    log = LogCapture.of(LogCapture.RUNTIME, Level.INFO);
    server = TestServer.start();
    manager = new TestManager();
    server.context("/secure", manager.handler(manager.route().build(), (exchange, token, user) -> call.call(exchange, token, user)));
    // An unauthenticated context on the same single pooled thread: what does that thread still hold?
    server.context("/probe", exchange -> TestServer.respond(exchange, 200,
        Thread.currentThread().getName() + "|" + CurrentStatelessUser.get()));
  }

  @AfterEach
  void stop() {
    server.close();
    log.close();
  }

  /** What the server's thread holds between requests: {@code thread|user}. */
  private String probe() {
    return server.get("/probe").body();
  }

  private String probedUser() {
    return probe().split("\\|", 2)[1];
  }

  /**
   * Runs {@code request} on the server's one thread, then shows, on the client side, that the
   * handler saw its user bound and that the thread holds no user afterwards (an assertion inside the
   * handler would only turn into the 500 some of these requests expect anyway).
   */
  private void assertClearedAfter(Runnable request) {
    AtomicReference<String> handlerThread = new AtomicReference<>();
    AtomicReference<Object> boundDuringTheCall = new AtomicReference<>();
    AtomicReference<Object> injected = new AtomicReference<>();
    AuthenticatedCall<TestToken, TestUser> inner = call;
    call = (exchange, token, user) -> {
      handlerThread.set(Thread.currentThread().getName());
      boundDuringTheCall.set(CurrentStatelessUser.get());
      injected.set(user);
      inner.call(exchange, token, user);
    };

    request.run();

    assertEquals(TestUser.active("alice"), injected.get());
    assertSame(injected.get(), boundDuringTheCall.get());
    assertEquals(handlerThread.get() + "|null", probe());
  }

  @Test
  void userIsBoundWhileTheHandlerRuns() {
    call = (exchange, token, user) -> TestServer.respond(exchange, 200, String.valueOf(CurrentStatelessUser.get()));

    assertOk(server.getWith("/secure", "Bearer alice-token"), TestUser.active("alice").toString());
  }

  @Test
  void userIsNullOutsideAnAuthenticatedCall() {
    assertNull(CurrentStatelessUser.get());
    assertEquals("null", probedUser());
  }

  @Test
  void userIsClearedAfterTheHandlerReturns() {
    call = (exchange, token, user) -> TestServer.respond(exchange, 200, "ok");

    assertClearedAfter(() -> assertOk(server.getWith("/secure", "Bearer alice-token"), "ok"));
  }

  @Test
  void userIsClearedAfterTheHandlerThrowsARuntimeException() {
    call = (exchange, token, user) -> {
      throw new IllegalStateException("handler bug");
    };

    assertClearedAfter(() -> assertEquals(500, server.getWith("/secure", "Bearer alice-token").statusCode()));
  }

  @Test
  void userIsClearedAfterTheHandlerThrowsAStatelessAuthError() {
    call = (exchange, token, user) -> {
      throw new StatelessAuthError("Nope", 403, "Access");
    };

    assertClearedAfter(() -> assertEquals(403, server.getWith("/secure", "Bearer alice-token").statusCode()));
  }

  @Test
  void userIsClearedAfterTheHandlerThrowsAnIOException() {
    call = (exchange, token, user) -> {
      throw new IOException("client gone");
    };

    assertClearedAfter(() -> assertThrows(UncheckedIOException.class,
        () -> server.getWith("/secure", "Bearer alice-token")));
  }

  @Test
  void userIsClearedWhenTheListenerRefusesTheRequest() {
    TestManager refusing = TestManager.builder().listener(new AuthListener() {
      @Override
      public void onAuthorized(com.sun.net.httpserver.HttpExchange exchange, Object user) {
        throw new StatelessAuthError("Quota exceeded", 429, "Quota");
      }
    }).build();
    server.context("/refusing", refusing.handler(refusing.route().build(), (exchange, token, user) -> {}));

    assertEquals(429, server.getWith("/refusing", "Bearer alice-token").statusCode());
    assertEquals("null", probedUser());
  }

  @Test
  void nestedBindingIsRestoredWhenTheInnerCallReturns() {
    TestManager other = new TestManager().user(TestUser.active("carol"));
    other.token(TestManager.ALICE_TOKEN, TestToken.of("carol"));
    StringBuffer seen = new StringBuffer();
    HttpHandler inner = other.handler(other.route().build(),
        (exchange, token, user) -> seen.append("inner ").append(CurrentStatelessUser.get()).append(", "));
    call = (exchange, token, user) -> {
      inner.handle(exchange);
      seen.append("outer ").append(CurrentStatelessUser.get());
      TestServer.respond(exchange, 200, seen.toString());
    };

    assertOk(server.getWith("/secure", "Bearer alice-token"),
        "inner " + TestUser.active("carol") + ", outer " + TestUser.active("alice"));
    assertEquals("null", probedUser());
  }

  @Test
  void bindAndRestoreNest() {
    Object outer = CurrentStatelessUser.bind("outer");
    Object inner = CurrentStatelessUser.bind("inner");

    assertEquals("inner", CurrentStatelessUser.get());
    CurrentStatelessUser.restore(inner);
    assertEquals("outer", CurrentStatelessUser.get());
    CurrentStatelessUser.restore(outer);
    assertNull(CurrentStatelessUser.get());
  }

  // The exchange attribute

  @Test
  void exchangeAttributeHoldsTheUserWhenAddContextProcessorIsOn() {
    call = (exchange, token, user) -> TestServer.respond(exchange, 200, String.valueOf(exchange.getAttribute(ATTRIBUTE)));

    assertOk(server.getWith("/secure", "Bearer alice-token"), TestUser.active("alice").toString());
  }

  @Test
  void exchangeAttributeIsAbsentWhenAddContextProcessorIsOff() {
    TestManager off = TestManager.builder().config(StatelessAuthConfig.builder().addContextProcessor(false).build()).build();
    server.context("/off", off.handler(off.route().build(), (exchange, token, user) -> TestServer.respond(exchange, 200,
        exchange.getAttribute(ATTRIBUTE) + " " + CurrentStatelessUser.get().equals(user))));

    assertOk(server.getWith("/off", "Bearer alice-token"), "null true");
  }

  @Test
  void userAttributeIsNotStoredInTheSharedContextAttributes() {
    AtomicReference<HttpContext> context = new AtomicReference<>();
    call = (exchange, token, user) -> {
      context.set(exchange.getHttpContext());
      exchange.setAttribute("other", "shared on purpose");
      TestServer.respond(exchange, 200, context.get().getAttributes().containsKey(ATTRIBUTE) + " "
          + exchange.getAttribute("other"));
    };

    assertOk(server.getWith("/secure", "Bearer alice-token"), "false shared on purpose");
    assertEquals("shared on purpose", context.get().getAttributes().get("other"));
    assertNull(context.get().getAttributes().get(ATTRIBUTE));
  }

  @Test
  void handlerMayReplaceItsOwnUserAttribute() {
    call = (exchange, token, user) -> {
      exchange.setAttribute(ATTRIBUTE, "replaced");
      TestServer.respond(exchange, 200, exchange.getAttribute(ATTRIBUTE) + " "
          + exchange.getHttpContext().getAttributes().get(ATTRIBUTE));
    };

    assertOk(server.getWith("/secure", "Bearer alice-token"), "replaced null");
  }

  @Test
  void concurrentRequestsOnOneContextEachSeeTheirOwnUserAttribute() throws Exception {
    try (TestServer concurrent = TestServer.start(2)) {
      CyclicBarrier bothBound = new CyclicBarrier(2);
      concurrent.context("/secure", manager.handler(manager.route().build(), (exchange, token, user) -> {
        await(bothBound); // both users are bound before either reads
        TestServer.respond(exchange, 200, user.name() + " sees " + ((TestUser) exchange.getAttribute(ATTRIBUTE)).name());
      }));

      CompletableFuture<HttpResponse<String>> alice =
          concurrent.sendAsync(concurrent.request("/secure", "Authorization", "Bearer alice-token"));
      CompletableFuture<HttpResponse<String>> bob =
          concurrent.sendAsync(concurrent.request("/secure", "Authorization", "Bearer bob-token"));

      assertOk(alice.get(30, TimeUnit.SECONDS), "alice sees alice");
      assertOk(bob.get(30, TimeUnit.SECONDS), "bob sees bob");
    }
  }

  /**
   * Why the runtime wraps the exchange: the JDK keeps exchange attributes per context, so the
   * same barrier as above, with the plain {@code setAttribute}, lets one request read the other's
   * user. If this ever stops holding, the wrapper is no longer needed.
   */
  @Test
  void jdkSharesPlainExchangeAttributesBetweenConcurrentRequests() throws Exception {
    try (TestServer concurrent = TestServer.start(2)) {
      CyclicBarrier bothSet = new CyclicBarrier(2);
      concurrent.context("/plain", exchange -> {
        String name = exchange.getRequestURI().getQuery();
        exchange.setAttribute(ATTRIBUTE, name);
        await(bothSet);
        TestServer.respond(exchange, 200, name + " sees " + exchange.getAttribute(ATTRIBUTE));
      });

      CompletableFuture<HttpResponse<String>> alice = concurrent.sendAsync(concurrent.request("/plain?alice"));
      CompletableFuture<HttpResponse<String>> bob = concurrent.sendAsync(concurrent.request("/plain?bob"));
      String aliceSees = alice.get(30, TimeUnit.SECONDS).body().replace("alice sees ", "");
      String bobSees = bob.get(30, TimeUnit.SECONDS).body().replace("bob sees ", "");

      assertEquals(aliceSees, bobSees, "both read the one shared value");
    }
  }

  private static void await(CyclicBarrier barrier) throws IOException {
    try {
      barrier.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IOException("the other request never arrived", e);
    }
  }
}
