package io.statelessauth.benchmarks;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.statelessauth.AuthCache;
import io.statelessauth.StatelessAuthConfig;
import io.statelessauth.benchmarks.app.Accounts;
import io.statelessauth.benchmarks.app.AuthenticatedSecretApi;
import io.statelessauth.benchmarks.app.SecretApi;
import io.statelessauth.benchmarks.app.StatelessAuthManager;
import io.statelessauth.benchmarks.app.Unauthenticated;
import io.statelessauth.benchmarks.handwritten.HandWrittenSecretHandler;
import io.statelessauth.benchmarks.reflective.ReflectiveAuth;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Every way the benchmarks reach {@link SecretApi#secret}, each an {@link HttpHandler} over the
 * same {@link Accounts}. The library's paths run with {@code addContextProcessor} off, as the
 * hand-written path offers the thread-local user only.
 */
public final class Paths {
  /** The library's settings: the defaults, without the per-request exchange attribute. */
  public static final StatelessAuthConfig CONFIG =
      StatelessAuthConfig.builder().addContextProcessor(false).build();

  private final Accounts accounts = new Accounts();
  private final SecretApi api = new SecretApi();
  private final StatelessAuthManager manager = StatelessAuthManager.builder()
      .tokenLoader(accounts.tokenLoader())
      .userLoader(accounts.userLoader())
      .config(CONFIG)
      .build();

  /**
   * The path called {@code name}: {@code bare}, {@code handWritten}, {@code generated}, {@code
   * reflective} or {@code filter}.
   *
   * @throws IllegalArgumentException for any other name
   */
  public HttpHandler named(String name) {
    switch (name) {
      case "bare":
        return bare();
      case "handWritten":
        return handWritten();
      case "generated":
        return generated();
      case "reflective":
        return reflective();
      case "filter":
        return filter();
      default:
        throw new IllegalArgumentException("no path " + name);
    }
  }

  /** The handler alone, for the user the valid token belongs to: the floor. */
  public HttpHandler bare() {
    return new Unauthenticated(api, accounts.validUser());
  }

  /** The steps written inline by hand. */
  public HttpHandler handWritten() {
    return new HandWrittenSecretHandler(accounts.tokenLoader(), accounts.userLoader(), api);
  }

  /** The wrapper the processor generated for {@link SecretApi#secret}. */
  public HttpHandler generated() {
    return new AuthenticatedSecretApi(api, manager).secret();
  }

  /**
   * The same wrapper over a manager with an {@link AuthCache} large enough for every token, so that
   * after the first request each one is answered from the cache.
   */
  public HttpHandler generatedCached() {
    StatelessAuthManager cached = StatelessAuthManager.builder()
        .tokenLoader(accounts.tokenLoader())
        .userLoader(accounts.userLoader())
        .config(CONFIG)
        .cache(AuthCache.builder().maximumSize(Accounts.USERS).expireAfterWrite(Duration.ofHours(1)).build())
        .build();
    return new AuthenticatedSecretApi(api, cached).secret();
  }

  /** The wrapper the processor generated for the optional route {@link SecretApi#greet}. */
  public HttpHandler generatedOptional() {
    return new AuthenticatedSecretApi(api, manager).greet();
  }

  /** The wrapper the processor generated for {@link SecretApi#secretForRole}, which requires a role. */
  public HttpHandler generatedWithRole() {
    return new AuthenticatedSecretApi(api, manager).secretForRole();
  }

  /** A run-time scanning library that reads the annotation and calls through reflection. */
  public HttpHandler reflective() {
    return new ReflectiveAuth(accounts.tokenLoader(), accounts.userLoader()).handler(api, "secret");
  }

  /** The runtime's {@link Filter} in front of a handler that reads the current user. */
  public HttpHandler filter() {
    return new FilterPath(manager.filter(manager.route().scopes(Accounts.SCOPE).build()), new CurrentUserEndpoint(api));
  }

  /** Runs a filter as the JDK's server does: a new chain per request, then the handler. */
  private static final class FilterPath implements HttpHandler {
    private final List<Filter> filters;
    private final HttpHandler handler;

    FilterPath(Filter filter, HttpHandler handler) {
      this.filters = List.of(filter);
      this.handler = handler;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
      new Filter.Chain(filters, handler).doFilter(exchange);
    }
  }

  /** Behind the filter: the handler finds the user on the thread. */
  private static final class CurrentUserEndpoint implements HttpHandler {
    private final SecretApi api;

    CurrentUserEndpoint(SecretApi api) {
      this.api = api;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
      api.secret(exchange, StatelessAuthManager.currentUser());
    }
  }
}
