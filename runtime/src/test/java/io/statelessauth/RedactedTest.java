package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RedactedTest {
  private static final String TOKEN = "tok-SECRET-1234";

  @Test
  void throwableThatNeverNamesTheTokenIsLoggedAsItIs() {
    IllegalStateException failure = new IllegalStateException("database down", new RuntimeException("io"));

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

  private static String printed(Throwable throwable) {
    StringWriter text = new StringWriter();
    throwable.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
