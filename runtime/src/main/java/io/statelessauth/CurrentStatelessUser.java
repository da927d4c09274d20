package io.statelessauth;

/**
 * The user of the request the current thread is handling, like flask-stateless-auth's {@code
 * current_stateless_user}.
 *
 * <p>Bound by the manager just before an authenticated handler runs and always cleared when it
 * returns or throws, so a pooled worker thread (or a virtual thread's carrier) never carries a user
 * into the next request. An anonymous request on an optional route has no user. The
 * generated {@code StatelessAuthManager.currentUser()} returns the same user with its type.
 */
public final class CurrentStatelessUser {
  private static final ThreadLocal<Object> USER = new ThreadLocal<>();

  private CurrentStatelessUser() {}

  /** The user bound to the current thread, or {@code null} outside an authenticated handler call. */
  public static Object get() {
    return USER.get();
  }

  /**
   * Binds {@code user} ({@code null}: nobody, for an anonymous request) and returns the user it
   * replaces (normally {@code null}), for {@link #restore}.
   */
  static Object bind(Object user) {
    Object previous = USER.get();
    if (user != previous) {
      USER.set(user);
    }
    return previous;
  }

  /**
   * Puts back what {@link #bind} replaced. The thread keeps its entry, holding {@code null} between
   * requests: removing it would make the next request's {@code get} and {@code set} allocate a new
   * one, every request.
   */
  static void restore(Object previous) {
    USER.set(previous);
  }
}
