package io.statelessauth;

import com.sun.net.httpserver.HttpExchange;
import java.util.Arrays;
import java.util.Objects;

/**
 * Several listeners told of each outcome in order, as {@link AuthListener#all} makes them. One that
 * throws does not keep the later ones from being told; once all were, the first throwable is
 * thrown again, with those of later listeners added to it as suppressed, so that the manager
 * handles it as it handles a single listener's. Telling them allocates nothing unless one throws.
 */
final class AllListeners implements AuthListener {
  private final AuthListener[] listeners;

  AllListeners(AuthListener[] listeners) {
    this.listeners = listeners.clone();
    for (int i = 0; i < this.listeners.length; i++) {
      Objects.requireNonNull(this.listeners[i], "listeners[" + i + "]");
    }
  }

  @Override
  public void onAuthorized(HttpExchange exchange, Object user) {
    Throwable first = null;
    for (AuthListener listener : listeners) {
      try {
        listener.onAuthorized(exchange, user);
      } catch (Throwable thrown) {
        first = keep(first, thrown);
      }
    }
    rethrow(first);
  }

  @Override
  public void onAnonymous(HttpExchange exchange) {
    Throwable first = null;
    for (AuthListener listener : listeners) {
      try {
        listener.onAnonymous(exchange);
      } catch (Throwable thrown) {
        first = keep(first, thrown);
      }
    }
    rethrow(first);
  }

  @Override
  public void onUnauthorized(HttpExchange exchange, StatelessAuthError error) {
    Throwable first = null;
    for (AuthListener listener : listeners) {
      try {
        listener.onUnauthorized(exchange, error);
      } catch (Throwable thrown) {
        first = keep(first, thrown);
      }
    }
    rethrow(first);
  }

  @Override
  public String toString() {
    return "AuthListener.all" + Arrays.toString(listeners);
  }

  /** The first throwable, with any later one added to it as suppressed. */
  private static Throwable keep(Throwable first, Throwable thrown) {
    if (first == null) {
      return thrown;
    }
    if (thrown != first) {
      first.addSuppressed(thrown);
    }
    return first;
  }

  /** Throws {@code failure} as it was thrown, checked or not; nothing when it is {@code null}. */
  private static void rethrow(Throwable failure) {
    if (failure != null) {
      AllListeners.<RuntimeException>sneakyThrow(failure);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void sneakyThrow(Throwable failure) throws E {
    throw (E) failure;
  }
}
