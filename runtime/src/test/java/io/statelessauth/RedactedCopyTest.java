package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * {@link Redacted} on its own: the throwable logged in place of one whose messages name the token,
 * with the token replaced in every message of the chain and the class names and stack traces kept.
 * {@link TokenNeverLoggedTest} checks the runtime logs through it on every path.
 */
class RedactedCopyTest {
  private static final String TOKEN = "tok-SECRET-1234";

  @Test
  void throwableThatNeverNamesTheTokenIsLoggedAsItIs() {
    IllegalStateException failure = new IllegalStateException("database down", new RuntimeException("io"));

    assertSame(failure, Redacted.of(failure, TOKEN));
  }

  @Test
  void throwableWithSuppressedExceptionsThatNeverNameTheTokenIsLoggedAsItIs() {
    IllegalStateException failure = new IllegalStateException("database down");
    failure.addSuppressed(new IllegalArgumentException("closing the statement failed"));

    assertSame(failure, Redacted.of(failure, TOKEN));
  }

  @Test
  void tokenInMessagesCausesAndSuppressedIsReplacedButTheTraceIsKept() {
    IllegalStateException cause = new IllegalStateException("no row for " + TOKEN);
    RuntimeException failure = new RuntimeException("lookup of " + TOKEN + " failed", cause);
    failure.addSuppressed(new IllegalArgumentException("also " + TOKEN));

    Throwable redacted = Redacted.of(failure, TOKEN);
    String printed = printed(redacted);

    assertFalse(printed.contains(TOKEN), printed);
    assertTrue(printed.startsWith("java.lang.RuntimeException: lookup of <token> failed"), printed);
    assertTrue(printed.contains("Caused by: java.lang.IllegalStateException: no row for <token>"), printed);
    assertTrue(printed.contains("Suppressed: java.lang.IllegalArgumentException: also <token>"), printed);
    assertEquals(failure.getStackTrace()[0], redacted.getStackTrace()[0]);
    assertTrue(printed.contains("tokenInMessagesCausesAndSuppressedIsReplacedButTheTraceIsKept"), printed);
  }

  @Test
  void noTokenReadMeansNothingToRedact() {
    RuntimeException failure = new RuntimeException("boom");

    assertSame(failure, Redacted.of(failure, null));
  }

  @Test
  void anEmptyTokenMeansNothingToRedactThoughEveryMessageContainsIt() {
    RuntimeException failure = new RuntimeException("boom", new IllegalStateException("cause"));

    assertSame(failure, Redacted.of(failure, ""));
  }

  @Test
  void tokenOnlyInTheCauseIsReplaced() {
    RuntimeException failure = new RuntimeException("lookup failed", new IllegalStateException("no row for " + TOKEN));

    String printed = printed(Redacted.of(failure, TOKEN));

    assertFalse(printed.contains(TOKEN), printed);
    assertTrue(printed.startsWith("java.lang.RuntimeException: lookup failed"), printed);
    assertTrue(printed.contains("Caused by: java.lang.IllegalStateException: no row for <token>"), printed);
  }

  @Test
  void tokenOnlyInASuppressedExceptionIsReplaced() {
    RuntimeException failure = new RuntimeException("lookup failed");
    failure.addSuppressed(new IllegalStateException("closing the statement for " + TOKEN + " failed"));

    String printed = printed(Redacted.of(failure, TOKEN));

    assertFalse(printed.contains(TOKEN), printed);
    assertTrue(printed.contains("Suppressed: java.lang.IllegalStateException: closing the statement for <token> failed"),
        printed);
  }

  @Test
  void exceptionsWithoutAMessagePrintAsTheirClassAlone() {
    IllegalStateException failure =
        new IllegalStateException(null, new IllegalArgumentException("bad " + TOKEN, new ArithmeticException()));

    String printed = printed(Redacted.of(failure, TOKEN));

    assertFalse(printed.contains(TOKEN), printed);
    assertTrue(printed.startsWith("java.lang.IllegalStateException" + System.lineSeparator()), printed);
    assertTrue(printed.contains("Caused by: java.lang.IllegalArgumentException: bad <token>"), printed);
    assertTrue(printed.contains("Caused by: java.lang.ArithmeticException" + System.lineSeparator()), printed);
  }

  /** Throwable refuses only a throwable that is its own cause: longer cycles are legal. */
  @Test
  void circularCausesAreFollowedOnce() {
    IllegalStateException first = new IllegalStateException("first");
    first.initCause(new IllegalArgumentException("second", first));
    assertSame(first, Redacted.of(first, TOKEN));

    IllegalStateException named = new IllegalStateException("lookup of " + TOKEN);
    named.initCause(new IllegalArgumentException("wrapped", named));
    String printed = printed(Redacted.of(named, TOKEN));

    assertFalse(printed.contains(TOKEN), printed);
    assertTrue(printed.startsWith("java.lang.IllegalStateException: lookup of <token>"), printed);
    assertTrue(printed.contains("Caused by: java.lang.IllegalArgumentException: wrapped"), printed);
  }

  @Test
  void exceptionThatIsBothTheCauseAndSuppressedIsReplacedOnce() {
    IllegalStateException cause = new IllegalStateException("no row for " + TOKEN);
    RuntimeException failure = new RuntimeException("lookup failed", cause);
    failure.addSuppressed(cause);

    String printed = printed(Redacted.of(failure, TOKEN));

    assertFalse(printed.contains(TOKEN), printed);
    assertTrue(printed.contains("Caused by: java.lang.IllegalStateException: no row for <token>"), printed);
  }

  private static String printed(Throwable throwable) {
    StringWriter text = new StringWriter();
    throwable.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
