package io.statelessauth;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A copy of a throwable, for logging, in which a secret no longer appears: each message of the
 * chain that contains it reads {@code <token>} instead, with the original class name and stack
 * trace kept. A loader that writes the token into its exception's message must not put the token
 * into the log through the runtime.
 */
final class Redacted extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final String PLACEHOLDER = "<token>";

  private final String originalClass;

  private Redacted(Throwable original, String message, Throwable cause) {
    super(message, cause, true, true);
    this.originalClass = original.getClass().getName();
    setStackTrace(original.getStackTrace());
  }

  /** {@code failure} itself when no message of its chain contains {@code secret}, otherwise a redacted copy. */
  static Throwable of(Throwable failure, String secret) {
    if (secret == null || secret.isEmpty() || !mentions(failure, secret, newSeenSet())) {
      return failure;
    }
    return copy(failure, secret, newSeenSet());
  }

  @Override
  public String toString() {
    String message = getMessage();
    return message == null ? originalClass : originalClass + ": " + message;
  }

  private static boolean mentions(Throwable failure, String secret, Set<Throwable> seen) {
    if (failure == null || !seen.add(failure)) {
      return false;
    }
    String message = failure.getMessage();
    if (message != null && message.contains(secret)) {
      return true;
    }
    for (Throwable suppressed : failure.getSuppressed()) {
      if (mentions(suppressed, secret, seen)) {
        return true;
      }
    }
    return mentions(failure.getCause(), secret, seen);
  }

  private static Throwable copy(Throwable failure, String secret, Set<Throwable> seen) {
    if (failure == null || !seen.add(failure)) {
      return null;
    }
    String message = failure.getMessage();
    Redacted copy = new Redacted(failure,
        message == null ? null : message.replace(secret, PLACEHOLDER),
        copy(failure.getCause(), secret, seen));
    for (Throwable suppressed : failure.getSuppressed()) {
      Throwable suppressedCopy = copy(suppressed, secret, seen);
      if (suppressedCopy != null) {
        copy.addSuppressed(suppressedCopy);
      }
    }
    return copy;
  }

  private static Set<Throwable> newSeenSet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }
}
