package io.statelessauth.example.testsupport;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Under {@code CI=true} a test that would skip fails instead: an aborted assumption (no
 * PostgreSQL named by {@code EXAMPLE_POSTGRES_URL}, a file that cannot be made read-only, no
 * POSIX permissions) means the test did not run, and CI must not pass without it. Registered for
 * every test of the module through {@code META-INF/services} and {@code
 * junit-platform.properties}; elsewhere the test skips, saying why.
 */
public final class NoSkipsUnderCi
    implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

  private final boolean ci;

  /** Reads {@code CI} from this process's environment, as {@code .ci/run} exports it. */
  public NoSkipsUnderCi() {
    this(System.getenv());
  }

  NoSkipsUnderCi(Map<String, String> environment) {
    this.ci = "true".equals(environment.get("CI"));
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable thrown)
      throws Throwable {
    throw failedUnderCi(thrown);
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable thrown)
      throws Throwable {
    throw failedUnderCi(thrown);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable thrown)
      throws Throwable {
    throw failedUnderCi(thrown);
  }

  /** {@code thrown}, or under {@code CI=true} a failure in place of a skip. */
  Throwable failedUnderCi(Throwable thrown) {
    if (thrown instanceof TestAbortedException && ci) {
      return new AssertionFailedError("This test would have been skipped (" + thrown.getMessage()
          + "), and CI=true needs every test to run", thrown);
    }
    return thrown;
  }
}
