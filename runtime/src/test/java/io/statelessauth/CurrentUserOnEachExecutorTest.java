package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The current-user binding on the executors a server may use: a pool of platform threads (every
 * JDK), and a virtual thread per request (JDK 21 and newer; skipped on older JDKs, where it does not
 * exist). For each: the user is bound while the handler runs, cleared on the same thread when it
 * returns or throws, and never seen by another request under concurrency. Every assertion is made
 * on the client side, from what the server recorded.
 */
class CurrentUserOnEachExecutorTest {
  private static final int CONCURRENT_REQUESTS = 400;

  private final Queue<String> afterHandler = new ConcurrentLinkedQueue<>();
  private TestServer server;
  private TestManager manager;
  private volatile AuthenticatedCall<TestToken, TestUser> call;

  static Stream<Arguments> executors() {
    return Stream.of(
        Arguments.of("platform threads", (Supplier<ExecutorService>) () -> Executors.newFixedThreadPool(8)),
        Arguments.of("virtual threads", (Supplier<ExecutorService>) CurrentUserOnEachExecutorTest::virtualThreadPerTask));
  }

  /** {@code Executors.newVirtualThreadPerTaskExecutor()}, which this code, built for Java 17, finds by name. */
  private static ExecutorService virtualThreadPerTask() {
    assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21 or newer");
    try {
      return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("JDK 21+ has Executors.newVirtualThreadPerTaskExecutor", e);
    }
  }

  private void start(Supplier<ExecutorService> executor) throws IOException {
    server = TestServer.start(executor.get());
    manager = new TestManager();
    var handler = manager.handler(manager.route().build(), (exchange, token, user) -> call.call(exchange, token, user));
    // Runs the authenticated handler, then records on the same thread what that thread still holds.
    server.context("/secure", exchange -> {
      try {
        handler.handle(exchange);
      } finally {
        afterHandler.add("a request thread holds " + CurrentStatelessUser.get());
      }
    });
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("executors")
  void userIsBoundWhileTheHandlerRunsAndClearedWhenItReturns(String name, Supplier<ExecutorService> executor)
      throws Exception {
    start(executor);
    call = (exchange, token, user) -> respond(exchange, user + " / " + CurrentStatelessUser.get());

    HttpResponse<String> response = server.getWith("/secure", "Bearer alice-token");

    assertEquals(200, response.statusCode());
    assertEquals(TestUser.active("alice") + " / " + TestUser.active("alice"), response.body());
    assertEquals(List.of("a request thread holds null"), recordedAfterHandlers(1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("executors")
  void userIsClearedWhenTheHandlerThrows(String name, Supplier<ExecutorService> executor) throws Exception {
    start(executor);
    call = (exchange, token, user) -> {
      throw new IllegalStateException("handler bug");
    };
    assertEquals(500, server.getWith("/secure", "Bearer alice-token").statusCode());

    call = (exchange, token, user) -> {
      throw new StatelessAuthError("Nope", 403, "Access");
    };
    assertEquals(403, server.getWith("/secure", "Bearer alice-token").statusCode());

    assertEquals(List.of("a request thread holds null", "a request thread holds null"), recordedAfterHandlers(2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("executors")
  void concurrentRequestsNeverSeeAnotherRequestsUser(String name, Supplier<ExecutorService> executor)
      throws Exception {
    start(executor);
    call = (exchange, token, user) -> {
      Thread.yield();
      respond(exchange, user.name() + " " + ((TestUser) CurrentStatelessUser.get()).name() + " "
          + ((TestUser) exchange.getAttribute("current_stateless_user")).name());
    };
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < CONCURRENT_REQUESTS; i++) {
      String who = i % 2 == 0 ? "alice" : "bob";
      expected.add(who + " " + who + " " + who);
      responses.add(server.sendAsync(server.request("/secure", "Authorization", "Bearer " + who + "-token")));
    }

    List<String> bodies = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> response : responses) {
      bodies.add(response.get(60, TimeUnit.SECONDS).body());
    }

    assertEquals(expected, bodies);
    assertEquals(List.of("a request thread holds null"),
        recordedAfterHandlers(CONCURRENT_REQUESTS).stream().distinct().toList());
  }

  /**
   * What the request threads held after their handlers, once {@code count} have recorded it: the
   * record follows the response, so the client may see the response first.
   */
  private List<String> recordedAfterHandlers(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (afterHandler.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(count, afterHandler.size(), "requests that recorded what their thread held");
    return List.copyOf(afterHandler);
  }

  private static void respond(HttpExchange exchange, String body) throws IOException {
    TestServer.respond(exchange, 200, body);
  }
}
