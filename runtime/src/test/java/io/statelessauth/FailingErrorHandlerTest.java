package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.testsupport.LogCapture;
import io.statelessauth.testsupport.RawHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An {@link AuthErrorHandler} that fails or forgets to close costs no more than its request: before
 * it has sent anything the client gets a bare 500 and the failure is logged; once it has begun its
 * response the connection is dropped and its own exception reaches the server (logged unless it is
 * an {@code IOException}, most often a client that went away); the exchange is always closed.
 */
class FailingErrorHandlerTest {
  private TestServer server;
  private LogCapture log;
  /** What the handler of {@code /secure} threw to the server. */
  private ThrownToServer thrownToServer;

  @BeforeEach
  void start() throws IOException {
    log = LogCapture.of(LogCapture.RUNTIME, Level.INFO);
    server = TestServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
    log.close();
  }

  /** A required route at {@code /secure} whose refusals {@code errorHandler} writes. */
  private void route(AuthErrorHandler errorHandler) {
    TestManager manager = TestManager.builder().errorHandler(errorHandler).build();
    thrownToServer = ThrownToServer.around(
        server.context("/secure", manager.handler(manager.route().build(), (exchange, token, user) -> {})));
  }

  /** Sends the 401's headers for a 100-byte body, writes part of it, then throws {@code failure}. */
  private static AuthErrorHandler failingMidResponse(Exception failure) {
    return (exchange, error) -> {
      exchange.sendResponseHeaders(error.code(), 100);
      exchange.getResponseBody().write("{\"error\": ".getBytes(StandardCharsets.UTF_8));
      exchange.getResponseBody().flush();
      if (failure instanceof IOException) {
        throw (IOException) failure;
      }
      throw (RuntimeException) failure;
    };
  }

  @Test
  void ioExceptionBeforeAnythingWasSentGivesABare500AndIsLogged() {
    IOException failure = new IOException("template missing");
    route((exchange, error) -> {
      throw failure;
    });

    HttpResponse<String> response = server.get("/secure");

    assertEquals(500, response.statusCode());
    assertEquals("", response.body());
    List<LogRecord> records = log.records();
    assertEquals(1, records.size(), records::toString);
    assertSame(failure, records.get(0).getThrown());
  }

  @Test
  void ioExceptionAfterTheHeadersDropsTheConnectionAndReachesTheServerUnlogged() throws Exception {
    IOException failure = new IOException("client went away");
    route(failingMidResponse(failure));

    try (RawHttp http = new RawHttp(server.port())) {
      assertThrows(IOException.class, () -> http.exchange(RawHttp.get("/secure")));
    }

    assertSame(failure, thrownToServer.thrown.poll(30, TimeUnit.SECONDS));
    assertEquals(List.of(), log.records());
  }

  @Test
  void runtimeExceptionAfterTheHeadersDropsTheConnectionIsLoggedAndReachesTheServer() throws Exception {
    IllegalStateException failure = new IllegalStateException("error handler bug");
    route(failingMidResponse(failure));

    try (RawHttp http = new RawHttp(server.port())) {
      assertThrows(IOException.class, () -> http.exchange(RawHttp.get("/secure")));
    }

    assertSame(failure, thrownToServer.thrown.poll(30, TimeUnit.SECONDS));
    List<LogRecord> records = log.records();
    assertEquals(1, records.size(), records::toString);
    assertEquals(Level.SEVERE, records.get(0).getLevel());
    assertSame(failure, records.get(0).getThrown());
    assertTrue(records.get(0).getMessage().contains("GET /secure"), records.get(0).getMessage());
  }

  @Test
  void responseThatTheErrorHandlerLeavesOpenIsClosedForIt() {
    route((exchange, error) -> {
      exchange.sendResponseHeaders(error.code(), 0);
      exchange.getResponseBody().write("refused".getBytes(StandardCharsets.UTF_8));
    });

    HttpResponse<String> response;
    try {
      response = server.send(server.request("/secure").timeout(java.time.Duration.ofSeconds(10)).GET());
    } catch (UncheckedIOException timedOut) {
      throw new AssertionError("the response never ended: the exchange was left open", timedOut);
    }

    assertEquals(401, response.statusCode());
    assertEquals("refused", response.body());
  }
}
