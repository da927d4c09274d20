package io.statelessauth.example.routes;

/** What the {@link Router} reports of each request once it has answered it. */
@FunctionalInterface
public interface RequestObserver {

  /** Reports nothing. */
  RequestObserver NONE = (method, route, status, nanos) -> { };

  /**
   * A request was answered.
   *
   * @param method the request's method, as the client sent it
   * @param route the path of the route it was sent to, as registered, or {@value
   *     Router#UNMATCHED}: never the path as the client sent it
   * @param status the status answered, or -1 when none was
   * @param nanos how long it took, from the router's first look at it to its close
   */
  void answered(String method, String route, int status, long nanos);
}
