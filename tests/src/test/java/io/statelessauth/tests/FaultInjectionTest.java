package io.statelessauth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.statelessauth.tests.ProbeServer.Outcome;
import io.statelessauth.testsupport.LogCapture;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every way a loader, handler, listener or error handler can fail, injected through the generated
 * wrappers on a real server whose handlers run on one worker thread. For each: the client gets
 * the status the README's request table gives (or 500), or an EOF, never a hang (every request has a client timeout); the
 * wrapper ends cleanly on its worker with no user left bound; a following normal request on the
 * same worker gets 200 and finds no current user; and nothing is logged but the one ERROR that the
 * failure deserves.
 */
class FaultInjectionTest {
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(CLIENT_TIMEOUT)
      .build();
  private static final String SERVER_ERROR = "{\"error\": \"Server error: Internal server error\"}";

  private static ProbeServer server;
  private static String valid;

  private LogCapture logs;

  @BeforeAll
  static void start() throws IOException {
    server = new ProbeServer(1);
    valid = Faults.issue(secret()).secret();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    server.close();
  }

  @BeforeEach
  void capture() {
    logs = LogCapture.everything(Level.ALL);
  }

  @AfterEach
  void release() {
    logs.close();
  }

  // Token loader

  @Test
  void tokenLoaderThrowingRuntimeExceptionGives500AndTheServerGoesOn() throws Exception {
    String token = secret();
    Faults.onTokenLoad(token, type -> {
      throw new IllegalStateException("database down");
    });

    assertRecovered(assertServerError(get(server, "/faulty/ok", token, null)), 1);
  }

  @Test
  void tokenLoaderThrowingAssertionErrorGives500AndTheServerGoesOn() throws Exception {
    String token = secret();
    Faults.onTokenLoad(token, type -> {
      throw new AssertionError("loader invariant broken");
    });

    assertRecovered(assertServerError(get(server, "/faulty/ok", token, null)), 1);
  }

  @Test
  void tokenLoaderOverflowingItsStackGives500ThenEndsOnlyItsWorker() throws Exception {
    String token = secret();
    Faults.onTokenLoad(token, type -> {
      recurse(0);
      return null;
    });

    Answer answer = assertServerError(get(server, "/faulty/ok", token, null));
    Outcome failed = server.outcomeOf(answer.id());
    assertInstanceOf(StackOverflowError.class, failed.escaped(),
        "the runtime lets a VirtualMachineError go on once the client has its answer");
    assertNull(failed.userAfter());
    assertNull(failed.typedUserAfter());
    assertInstanceOf(StackOverflowError.class, server.nextUncaught());
    failed.thread().join(TimeUnit.SECONDS.toMillis(30));
    assertFalse(failed.thread().isAlive());

    Thread replacement = assertNormalRequestServed();
    assertNotSame(failed.thread(), replacement);
    assertLogged(1);
  }

  @Test
  void tokenLoaderOverflowingItsStackLeavesAServerOnTheDefaultExecutorServing() throws Exception {
    try (ProbeServer dispatcherOnly = new ProbeServer(0)) {
      String token = secret();
      Faults.onTokenLoad(token, type -> {
        recurse(0);
        return null;
      });

      assertServerError(get(dispatcherOnly, "/faulty/ok", token, null));
      // The dispatcher closes that connection once the Error reaches it: go on with a new one.
      HttpClient another = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      assertEquals(200, send(another, dispatcherOnly, "/faulty/ok", valid, null).status());
      assertEquals("null null", send(another, dispatcherOnly, "/after", null, null).body());
      assertLogged(1);
    }
  }

  @Test
  void tokenLoaderReturningNullGives401InvalidToken() throws Exception {
    String token = secret();
    Faults.onTokenLoad(token, type -> null);

    Answer answer = get(server, "/faulty/ok", token, null);
    assertEquals(401, answer.status());
    assertEquals("Bearer realm=\"probe\", error=\"invalid_token\", error_description=\"Invalid access token\"",
        answer.header("WWW-Authenticate"));
    assertRecovered(answer, 0);
  }

  @Test
  void tokenLoaderBlockedPastTheClientTimeoutHoldsOneWorkerWhileAnotherServes() throws Exception {
    try (ProbeServer pool = new ProbeServer(2)) {
      String token = Faults.issue(secret()).secret();
      Faults.HeldLoad held = Faults.holdTokenLoad(token);

      assertThrows(HttpTimeoutException.class,
          () -> CLIENT.send(request(pool, "/faulty/ok", token, null).timeout(Duration.ofSeconds(1)).build(),
              HttpResponse.BodyHandlers.ofString()));
      assertTrue(held.awaitEntered());
      Answer meanwhile = get(pool, "/faulty/ok", valid, null);
      assertEquals(200, meanwhile.status());
      assertEquals("hello alice", meanwhile.body());
      held.release();

      for (Outcome ended : List.of(pool.nextOutcome(), pool.nextOutcome())) {
        // The blocked handler may find its client gone: an IOException is the server's to handle.
        assertTrue(ended.escaped() == null || ended.escaped() instanceof IOException, () -> ended.toString());
        assertNull(ended.userAfter());
        assertNull(ended.typedUserAfter());
      }
      assertTrue(pool.uncaught().isEmpty(), () -> pool.uncaught().toString());
      assertLogged(0);
    }
  }

  // User loader

  @Test
  void userLoaderThrowingGives500AndTheServerGoesOn() throws Exception {
    String token = Faults.issue(secret()).secret();
    Faults.onUserLoad(token, t -> {
      throw new IllegalStateException("user table gone");
    });

    assertRecovered(assertServerError(get(server, "/faulty/ok", token, null)), 1);
  }

  @Test
  void userLoaderReturningNullGives500() throws Exception {
    String token = Faults.issue(secret()).secret();
    Faults.onUserLoad(token, t -> null);

    assertRecovered(assertServerError(get(server, "/faulty/ok", token, null)), 1);
  }

  // Handler

  @Test
  void handlerThrowingBeforeRespondingGives500() throws Exception {
    long calls = FaultyApi.CALLS.get();

    Answer answer = assertServerError(get(server, "/faulty/failBeforeResponse", valid, null));
    assertEquals(calls + 1, FaultyApi.CALLS.get());
    assertRecovered(answer, 1);
  }

  @Test
  void handlerThrowingAfterItsHeadersCutsTheTruncatedBodyOff() throws Exception {
    Answer answer = get(server, "/faulty/failAfterHeaders", valid, null);

    assertTrue(answer.eof(), () -> "a body shorter than its Content-Length must end in EOF, got " + answer);
    assertAbortedAndRecovered(answer);
  }

  /**
   * A chunked body cut short by a failing handler must not end with the last-chunk: the client
   * would take the truncated body for the whole answer.
   */
  @Test
  void handlerFailingMidChunkedBodyNeverLooksComplete() throws Exception {
    Answer answer = get(server, "/faulty/failMidChunkedBody", valid, null);

    assertTrue(answer.eof(), () -> "a chunked body cut short must end in EOF, got " + answer);
    assertAbortedAndRecovered(answer);
  }

  @Test
  void handlerThrowingStatelessAuthErrorGetsItsStatus() throws Exception {
    Answer answer = get(server, "/faulty/refuse", valid, null);

    assertEquals(403, answer.status());
    assertEquals("{\"error\": \"Scope error: Not yours\"}", answer.body());
    assertRecovered(answer, 0);
  }

  @Test
  void handlerThrowingIOExceptionHasTheServerCloseTheConnection() throws Exception {
    Answer answer = get(server, "/faulty/failWithIOException", valid, null);

    assertTrue(answer.eof(), answer::toString);
    Outcome failed = server.outcomeOf(answer.id());
    assertInstanceOf(IOException.class, failed.escaped(), "an HttpHandler's IOException is the server's to handle");
    assertNull(failed.userAfter());
    assertNull(failed.typedUserAfter());
    assertSame(failed.thread(), assertNormalRequestServed());
    assertLogged(0);
  }

  // Error handler

  @Test
  void errorHandlerThrowingGivesBare500() throws Exception {
    Answer answer = get(server, "/faulty/ok", null, HeaderFaults.ERROR_HANDLER_THROWS);

    assertEquals(500, answer.status());
    assertEquals("", answer.body());
    assertRecovered(answer, 1);
  }

  /** AuthErrorHandler's contract: "answers a bare 500 if the handler throws before sending anything". */
  @Test
  void errorHandlerThrowingIOExceptionBeforeRespondingGivesBare500() throws Exception {
    Answer answer = get(server, "/faulty/ok", null, HeaderFaults.ERROR_HANDLER_THROWS_IO);

    assertEquals(500, answer.status(), answer::toString);
    assertRecovered(answer, 1);
  }

  // Listener

  @Test
  void listenerThrowingInOnAuthorizedGives500WithoutCallingTheHandler() throws Exception {
    long calls = FaultyApi.CALLS.get();

    Answer answer = assertServerError(get(server, "/faulty/ok", valid, HeaderFaults.ON_AUTHORIZED_THROWS));
    assertEquals(calls, FaultyApi.CALLS.get());
    assertRecovered(answer, 1);
  }

  @Test
  void listenerRefusingInOnAuthorizedGetsItsStatus() throws Exception {
    Answer answer = get(server, "/faulty/ok", valid, HeaderFaults.ON_AUTHORIZED_REFUSES);

    assertEquals(429, answer.status());
    assertEquals("{\"error\": \"Request error: Rate limited\"}", answer.body());
    assertRecovered(answer, 0);
  }

  @Test
  void listenerThrowingInOnUnauthorizedStillSendsTheRefusal() throws Exception {
    Answer answer = get(server, "/faulty/ok", null, HeaderFaults.ON_UNAUTHORIZED_THROWS);

    assertEquals(401, answer.status());
    assertEquals("Bearer realm=\"probe\"", answer.header("WWW-Authenticate"));
    assertRecovered(answer, 1);
  }

  // Checks

  private static Answer assertServerError(Answer answer) {
    assertEquals(500, answer.status(), answer::toString);
    assertEquals(SERVER_ERROR, answer.body());
    assertNull(answer.header("WWW-Authenticate"));
    return answer;
  }

  /**
   * The exchange of {@code answer} ended on its worker with nothing escaping and no user bound; the
   * same worker then serves a normal request; the failure logged {@code errors} ERROR records.
   */
  private void assertRecovered(Answer answer, int errors) throws Exception {
    Outcome failed = server.outcomeOf(answer.id());
    assertEquals(answer.path(), failed.path());
    assertNull(failed.escaped(), () -> "escaped the generated handler: " + failed.escaped());
    assertNull(failed.userAfter());
    assertNull(failed.typedUserAfter());
    assertSame(failed.thread(), assertNormalRequestServed());
    assertTrue(server.uncaught().isEmpty(), () -> server.uncaught().toString());
    assertLogged(errors);
  }

  /**
   * Like {@link #assertRecovered} with one ERROR, for a handler that failed after its headers: the
   * wrapper may hand the server an IOException, the only way an HttpHandler can have the server
   * drop the connection instead of finishing the response.
   */
  private void assertAbortedAndRecovered(Answer answer) throws Exception {
    Outcome failed = server.outcomeOf(answer.id());
    assertEquals(answer.path(), failed.path());
    assertTrue(failed.escaped() == null || failed.escaped() instanceof IOException, () -> "escaped: " + failed.escaped());
    assertNull(failed.userAfter());
    assertNull(failed.typedUserAfter());
    assertSame(failed.thread(), assertNormalRequestServed());
    assertTrue(server.uncaught().isEmpty(), () -> server.uncaught().toString());
    assertLogged(1);
  }

  /** A valid request gets 200, then {@code /after} finds no user; returns the worker that ran it. */
  private static Thread assertNormalRequestServed() throws Exception {
    Answer ok = get(server, "/faulty/ok", valid, null);
    assertEquals(200, ok.status(), ok::toString);
    assertEquals("hello alice", ok.body());
    Outcome served = server.outcomeOf(ok.id());
    assertNull(served.escaped());
    assertNull(served.userAfter());

    Answer after = get(server, "/after", null, null);
    assertEquals("null null", after.body(), "CurrentStatelessUser.get() and StatelessAuthManager.currentUser()");
    Outcome checked = server.outcomeOf(after.id());
    assertSame(served.thread(), checked.thread());
    return checked.thread();
  }

  /** The runtime logged exactly {@code errors} ERROR records, and nobody logged anything else at WARNING or above. */
  private void assertLogged(int errors) {
    List<LogRecord> loud = logs.atLeast(Level.WARNING);
    List<LogRecord> runtimeErrors = loud.stream()
        .filter(r -> r.getLevel() == Level.SEVERE && r.getLoggerName().startsWith(LogCapture.RUNTIME))
        .collect(Collectors.toList());
    assertEquals(errors, runtimeErrors.size(), () -> LogCapture.printed(loud));
    assertEquals(errors, loud.size(), () -> LogCapture.printed(loud));
  }

  // Client

  private static String secret() {
    return "tok-" + UUID.randomUUID();
  }

  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }

  /**
   * A POST without a body: HttpClient silently sends an idempotent request (GET) a second time when
   * the connection closes before any answer, which would run each fault twice.
   */
  private static HttpRequest.Builder request(ProbeServer target, String path, String token, String fault) {
    HttpRequest.Builder request = HttpRequest.newBuilder(target.uri(path)).timeout(CLIENT_TIMEOUT)
        .POST(HttpRequest.BodyPublishers.noBody())
        .header(ProbeServer.ID_HEADER, UUID.randomUUID().toString());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (fault != null) {
      request.header(HeaderFaults.HEADER, fault);
    }
    return request;
  }

  private static Answer get(ProbeServer target, String path, String token, String fault) throws InterruptedException {
    return send(CLIENT, target, path, token, fault);
  }

  /** Sends the request; a client timeout fails the test (the server hung), any other I/O failure is an EOF. */
  private static Answer send(HttpClient client, ProbeServer target, String path, String token, String fault)
      throws InterruptedException {
    HttpRequest request = request(target, path, token, fault).build();
    String id = request.headers().firstValue(ProbeServer.ID_HEADER).orElseThrow();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(id, path, response.statusCode(), response.headers(), response.body(), null);
    } catch (HttpTimeoutException hung) {
      return fail("no complete answer within " + CLIENT_TIMEOUT + " from " + path, hung);
    } catch (IOException closed) {
      return new Answer(id, path, -1, null, null, closed);
    }
  }

  /** A complete response, or the I/O failure (EOF, reset) that ended it; {@code id} names its {@link Outcome}. */
  private record Answer(String id, String path, int status, HttpHeaders headers, String body, IOException failure) {
    boolean eof() {
      return failure != null;
    }

    String header(String name) {
      return headers == null ? null : headers.firstValue(name).orElse(null);
    }
  }
}
