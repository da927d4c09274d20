package io.statelessauth.example.testsupport;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class NoSkipsUnderCiTest {

  private static final TestAbortedException SKIP =
      new TestAbortedException("EXAMPLE_POSTGRES_URL names no PostgreSQL database");

  @Test
  void underCiASkipBecomesAFailureThatSaysWhy() {
    Throwable failure = new NoSkipsUnderCi(Map.of("CI", "true")).failedUnderCi(SKIP);

    assertInstanceOf(AssertionFailedError.class, failure);
    assertTrue(failure.getMessage().contains("EXAMPLE_POSTGRES_URL names no PostgreSQL database"),
        failure.getMessage());
    assertSame(SKIP, failure.getCause());
  }

  @Test
  void elsewhereASkipStaysASkip() {
    assertSame(SKIP, new NoSkipsUnderCi(Map.of()).failedUnderCi(SKIP));
    assertSame(SKIP, new NoSkipsUnderCi(Map.of("CI", "false")).failedUnderCi(SKIP));
  }

  @Test
  void otherFailuresPassThroughUnderCi(TestInfo info) {
    IllegalStateException bug = new IllegalStateException(info.getDisplayName());

    assertSame(bug, new NoSkipsUnderCi(Map.of("CI", "true")).failedUnderCi(bug));
  }
}
