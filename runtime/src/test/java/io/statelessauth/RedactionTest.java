package io.statelessauth;

import static io.statelessauth.Responses.challenge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import io.statelessauth.testsupport.LogCapture;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The presented token never reaches a log line through the runtime, whichever application code
 * puts it into an exception's message (as a record model's {@code toString} does): a handler
 * before and after it responds, the listener on both paths, the error handler. Each log line shows
 * {@code <token>} where the token was, so the test also proves that the failure was logged.
 */
class RedactionTest {
  private static final String TOKEN = "leaky-token-7f3a9c";

  private TestServer server;
  private LogCapture log;
  private LogCapture jdkLog;

  @BeforeEach
  void start() throws IOException {
    log = LogCapture.of(LogCapture.RUNTIME, Level.ALL);
    jdkLog = LogCapture.of(LogCapture.JDK_SERVER, Level.ALL);
    server = TestServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
    jdkLog.close();
    log.close();
  }

  private TestManager manager(AuthErrorHandler errorHandler, AuthListener listener) {
    TestManager.Builder builder = TestManager.builder();
    if (errorHandler != null) {
      builder.errorHandler(errorHandler);
    }
    if (listener != null) {
      builder.listener(listener);
    }
    return builder.build().token(TOKEN, TestToken.of("alice", "read"));
  }

  private void route(TestManager manager, AuthenticatedCall<TestToken, TestUser> call) {
    server.context("/secure", manager.handler(manager.route().build(), call));
  }

  /** The one line the runtime logged, which shows the placeholder and not the token. */
  private String onlyRedactedLine() throws InterruptedException {
    LogRecord record = log.next();
    String printed = LogCapture.printed(record);
    assertFalse(printed.contains(TOKEN), printed);
    assertTrue(printed.contains("<token>"), printed);
    assertEquals(List.of(record), log.records());
    return printed;
  }

  private void assertNoJdkLineHasTheToken() {
    for (LogRecord record : jdkLog.records()) {
      assertFalse(LogCapture.printed(record).contains(TOKEN), LogCapture.printed(record));
    }
  }

  @Test
  void handlerFailingBeforeItRespondsIsLoggedRedacted() throws Exception {
    route(manager(null, null), (exchange, token, user) -> {
      throw new IllegalStateException("no quota for " + token + " presented as " + TOKEN);
    });

    assertEquals(500, server.getWith("/secure", "Bearer " + TOKEN).statusCode());
    assertTrue(onlyRedactedLine().contains("IllegalStateException: no quota for"));
  }

  @Test
  void handlerFailingAfterItRespondedIsLoggedRedactedAndSoIsWhatTheServerSees() throws Exception {
    route(manager(null, null), (exchange, token, user) -> {
      exchange.sendResponseHeaders(200, 0);
      OutputStream body = exchange.getResponseBody();
      body.write("partial".getBytes());
      body.flush();
      throw new IllegalStateException("stream broke for " + TOKEN);
    });

    assertThrows(UncheckedIOException.class, () -> server.getWith("/secure", "Bearer " + TOKEN));
    assertTrue(onlyRedactedLine().contains("after sending its response"));
    assertNoJdkLineHasTheToken();
  }

  @Test
  void listenerFailingOnAuthorizedIsLoggedRedacted() throws Exception {
    route(manager(null, new AuthListener() {
      @Override
      public void onAuthorized(HttpExchange exchange, Object user) {
        throw new IllegalStateException("audit store refused " + TOKEN);
      }
    }), (exchange, token, user) -> TestServer.respond(exchange, 200, "never"));

    assertEquals(500, server.getWith("/secure", "Bearer " + TOKEN).statusCode());
    assertTrue(onlyRedactedLine().contains("audit store refused <token>"));
  }

  @Test
  void listenerFailingOnUnauthorizedIsLoggedRedactedAndTheRefusalStillGoesOut() throws Exception {
    String unknown = "unknown-" + TOKEN;
    route(manager(null, new AuthListener() {
      @Override
      public void onUnauthorized(HttpExchange exchange, StatelessAuthError error) {
        throw new IllegalStateException("alert failed for " + unknown);
      }
    }), (exchange, token, user) -> TestServer.respond(exchange, 200, "never"));

    HttpResponse<String> response = server.getWith("/secure", "Bearer " + unknown);

    assertEquals(401, response.statusCode());
    assertEquals(List.of(challenge("invalid_token", "Invalid access token")), response.headers().allValues("WWW-Authenticate"));
    assertTrue(onlyRedactedLine().contains("alert failed for <token>"));
  }

  @Test
  void errorHandlerFailingIsLoggedRedactedAndAnswersABare500() throws Exception {
    route(manager((exchange, error) -> {
      throw new IllegalStateException("template missing for " + TOKEN);
    }, null), (exchange, token, user) -> {
      throw new StatelessAuthError("Nope", 403, "Access");
    });

    HttpResponse<String> response = server.getWith("/secure", "Bearer " + TOKEN);

    assertEquals(500, response.statusCode());
    assertEquals("", response.body());
    assertTrue(onlyRedactedLine().contains("template missing for <token>"));
  }
}
