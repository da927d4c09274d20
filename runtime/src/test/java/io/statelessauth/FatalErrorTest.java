package io.statelessauth;

import static io.statelessauth.Responses.assertOk;
import static io.statelessauth.Responses.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.testsupport.LogCapture;
import io.statelessauth.testsupport.RawHttp;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Errors the JVM cannot recover from ({@link VirtualMachineError}): the client still gets its
 * answer, then the error goes on to the server's thread (and its uncaught-exception handler), as
 * the manager's javadoc says; any other failure ends with the request.
 */
class FatalErrorTest {
  private static final String SERVER_ERROR = "Server error: Internal server error";

  /** What ended the server's handler threads, as their uncaught-exception handler saw it. */
  private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
  private final CountDownLatch threadDied = new CountDownLatch(1);
  private TestServer server;
  private TestManager manager;
  private LogCapture log;
  private volatile AuthenticatedCall<TestToken, TestUser> call;

  @BeforeEach
  void start() throws IOException {
    log = LogCapture.of(LogCapture.RUNTIME, Level.INFO);
    server = TestServer.start(Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task);
      thread.setUncaughtExceptionHandler((dead, failure) -> {
        uncaught.add(failure);
        threadDied.countDown();
      });
      return thread;
    }));
    manager = new TestManager();
    call = (exchange, token, user) -> TestServer.respond(exchange, 200, "hello " + user.name());
    server.context("/secure", manager.handler(manager.route().build(),
        (exchange, token, user) -> call.call(exchange, token, user)));
  }

  @AfterEach
  void stop() {
    server.close();
    log.close();
  }

  private void assertReachesTheServerThread(VirtualMachineError fatal) throws InterruptedException {
    assertTrue(threadDied.await(30, TimeUnit.SECONDS), "the error never reached the server's thread");
    assertEquals(List.of(fatal), uncaught);
  }

  @Test
  void fatalErrorFromALoaderIsAnswered500ThenGoesOnToTheServerThread() throws InterruptedException {
    OutOfMemoryError fatal = new OutOfMemoryError("heap exhausted by the loader");
    manager.failTokenLoader(fatal);

    assertRefused(server.getWith("/secure", "Bearer alice-token"), 500, null, SERVER_ERROR);
    assertReachesTheServerThread(fatal);
    assertSame(fatal, log.records().get(0).getThrown());
  }

  @Test
  void fatalErrorFromTheHandlerIsAnswered500ThenGoesOnToTheServerThread() throws InterruptedException {
    StackOverflowError fatal = new StackOverflowError("handler recursed");
    call = (exchange, token, user) -> {
      throw fatal;
    };

    assertRefused(server.getWith("/secure", "Bearer alice-token"), 500, null, SERVER_ERROR);
    assertReachesTheServerThread(fatal);
  }

  @Test
  void fatalErrorFromTheHandlerAfterItsResponseGoesOnToTheServerThread() throws InterruptedException {
    StackOverflowError fatal = new StackOverflowError("handler recursed after answering");
    call = (exchange, token, user) -> {
      TestServer.respond(exchange, 200, "done");
      throw fatal;
    };

    assertOk(server.getWith("/secure", "Bearer alice-token"), "done");
    assertReachesTheServerThread(fatal);
  }

  @Test
  void ordinaryLoaderFailureEndsWithItsRequestAndTheConnectionServesTheNext() throws IOException {
    manager.failTokenLoader(new IllegalStateException("database down"));
    ThrownToServer thrownToServer = ThrownToServer.around(server.context("/filtered", manager.handler(
        manager.route().build(), (exchange, token, user) -> TestServer.respond(exchange, 200, "hello " + user.name()))));

    try (RawHttp http = new RawHttp(server.port())) {
      RawHttp.Response failed = http.exchange(RawHttp.get("/filtered", "Authorization: Bearer alice-token"));
      manager.failTokenLoader(null);
      RawHttp.Response next = http.exchange(RawHttp.get("/filtered", "Authorization: Bearer bob-token"));

      assertRefused(failed, 500, null, SERVER_ERROR);
      assertOk(next, "hello bob");
    }
    assertEquals(List.of(), List.copyOf(thrownToServer.thrown), "the handler returned normally once it had answered");
    assertEquals(List.of(), uncaught);
  }
}
