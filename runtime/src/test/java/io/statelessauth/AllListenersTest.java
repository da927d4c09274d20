package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import io.statelessauth.testsupport.LogCapture;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * {@link AuthListener#all}: every listener told in order, one that throws keeps none of the later
 * ones from being told, and the first throwable comes out afterwards, handled by the manager as a
 * single listener's is.
 */
class AllListenersTest {
  private final List<String> told = new CopyOnWriteArrayList<>();

  /** A listener that records each call as {@code name event} and then throws {@code failure}, if any. */
  private AuthListener recording(String name, RuntimeException failure) {
    return new AuthListener() {
      @Override
      public void onAuthorized(HttpExchange exchange, Object user) {
        told.add(name + " authorized " + user);
        throwIfSet(failure);
      }

      @Override
      public void onAnonymous(HttpExchange exchange) {
        told.add(name + " anonymous");
        throwIfSet(failure);
      }

      @Override
      public void onUnauthorized(HttpExchange exchange, StatelessAuthError error) {
        told.add(name + " unauthorized " + error.reason());
        throwIfSet(failure);
      }
    };
  }

  private static void throwIfSet(RuntimeException failure) {
    if (failure != null) {
      throw failure;
    }
  }

  @Test
  void everyListenerIsToldOfEveryOutcomeInOrder() {
    AuthListener all = AuthListener.all(recording("a", null), recording("b", null), recording("c", null));
    StatelessAuthError error = new StatelessAuthError("no", 401, "Token");

    all.onAuthorized(null, "alice");
    all.onAnonymous(null);
    all.onUnauthorized(null, error);

    assertEquals(List.of("a authorized alice", "b authorized alice", "c authorized alice",
        "a anonymous", "b anonymous", "c anonymous",
        "a unauthorized APPLICATION", "b unauthorized APPLICATION", "c unauthorized APPLICATION"), told);
  }

  @Test
  void aThrowingListenerDoesNotStopTheLaterOnesAndTheFirstThrowableComesOutLast() {
    IllegalStateException first = new IllegalStateException("first");
    IllegalArgumentException second = new IllegalArgumentException("second");
    AuthListener all = AuthListener.all(recording("a", first), recording("b", null), recording("c", second));

    assertSame(first, assertThrows(IllegalStateException.class, () -> all.onAuthorized(null, "alice")));
    assertEquals(List.of("a authorized alice", "b authorized alice", "c authorized alice"), told);
    assertArrayEquals(new Throwable[] {second}, first.getSuppressed());

    told.clear();
    assertSame(first, assertThrows(IllegalStateException.class, () -> all.onAnonymous(null)));
    assertEquals(List.of("a anonymous", "b anonymous", "c anonymous"), told);

    told.clear();
    StatelessAuthError error = new StatelessAuthError("no", 401, "Token");
    assertSame(first, assertThrows(IllegalStateException.class, () -> all.onUnauthorized(null, error)));
    assertEquals(List.of("a unauthorized APPLICATION", "b unauthorized APPLICATION", "c unauthorized APPLICATION"),
        told);
  }

  @Test
  void oneThrowableThrownByTwoListenersComesOutOnceWithoutSuppressingItself() {
    IllegalStateException shared = new IllegalStateException("shared");
    AuthListener all = AuthListener.all(recording("a", shared), recording("b", shared));

    assertSame(shared, assertThrows(IllegalStateException.class, () -> all.onAnonymous(null)));
    assertEquals(0, shared.getSuppressed().length);
  }

  @Test
  void anErrorIsRethrownAsItWas() {
    AuthListener failing = new AuthListener() {
      @Override
      public void onAnonymous(HttpExchange exchange) {
        throw new StackOverflowError("deep");
      }
    };
    AuthListener all = AuthListener.all(failing, recording("b", null));

    assertEquals("deep", assertThrows(StackOverflowError.class, () -> all.onAnonymous(null)).getMessage());
    assertEquals(List.of("b anonymous"), told);
  }

  @Test
  void noListenersAndNullListenersAreHandled() {
    AuthListener.all().onAuthorized(null, "alice");

    assertEquals("listeners", assertThrows(NullPointerException.class,
        () -> AuthListener.all((AuthListener[]) null)).getMessage());
    assertEquals("listeners[1]", assertThrows(NullPointerException.class,
        () -> AuthListener.all(AuthListener.NONE, null)).getMessage());
  }

  @Test
  void changingTheArrayAfterwardsChangesNothing() {
    AuthListener[] listeners = {recording("a", null)};
    AuthListener all = AuthListener.all(listeners);
    listeners[0] = recording("z", null);

    all.onAnonymous(null);

    assertEquals(List.of("a anonymous"), told);
  }

  @Test
  void itNamesItsListenersInOrder() {
    AuthListener named = new AuthListener() {
      @Override
      public String toString() {
        return "metrics";
      }
    };

    assertEquals("AuthListener.all[metrics, metrics]", AuthListener.all(named, named).toString());
  }

  @Test
  void aStatelessAuthErrorFromOneOfSeveralListenersStillRefusesAndTheOthersAreToldOfIt() throws IOException {
    StatelessAuthError quota = new StatelessAuthError("Quota exceeded", 429, "Quota");
    TestManager manager = TestManager.builder()
        .listener(AuthListener.all(recording("audit", null), recording("quota", quota), recording("metrics", null)))
        .build();
    try (TestServer server = TestServer.start()) {
      server.context("/secure", manager.handler(manager.route().build(), (exchange, token, user) -> {
        told.add("handler");
        TestServer.respond(exchange, 200, "hello");
      }));

      assertEquals(429, server.getWith("/secure", "Bearer alice-token").statusCode());
    }

    assertEquals(List.of("audit authorized TestUser[name=alice, active=true]",
        "quota authorized TestUser[name=alice, active=true]",
        "metrics authorized TestUser[name=alice, active=true]",
        "audit unauthorized APPLICATION", "quota unauthorized APPLICATION", "metrics unauthorized APPLICATION"),
        told);
  }

  @Test
  void aFailureFromOneOfSeveralListenersOnARefusalIsLoggedAndTheResponseStillSent() throws IOException {
    TestManager manager = TestManager.builder()
        .listener(AuthListener.all(recording("a", new IllegalStateException("listener bug")), recording("b", null)))
        .build();
    try (TestServer server = TestServer.start(); LogCapture log = LogCapture.of(LogCapture.RUNTIME, Level.ALL)) {
      server.context("/secure", manager.handler(manager.route().build(), (exchange, token, user) -> {}));

      assertEquals(401, server.get("/secure").statusCode());
      assertEquals(List.of("a unauthorized MISSING_CREDENTIALS", "b unauthorized MISSING_CREDENTIALS"), told);
      String printed = LogCapture.printed(log.records());
      assertEquals(true, printed.contains("The AuthListener failed on GET /secure"), printed);
      assertEquals(true, printed.contains("listener bug"), printed);
    }
  }
}
