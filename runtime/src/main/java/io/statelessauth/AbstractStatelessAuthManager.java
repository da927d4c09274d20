package io.statelessauth;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Runs the steps that authenticate one request; the processor generates {@code
 * StatelessAuthManager} as its subclass for the application's two loaders.
 *
 * <p>For each request to a route: read the token from the credentials header, load the token
 * model, check it ({@link TokenMixin} models only), load the user, check it ({@link UserMixin}
 * users only), then bind the user to the thread (see {@link CurrentStatelessUser}), tell the
 * {@link AuthListener} and run the handler, clearing the binding however the handler ends. On an
 * optional route a request without credentials for the route's scheme runs the handler
 * anonymously instead. With an {@link AuthCache}, a known token's model and user come from the
 * cache instead of the loaders; the checks run on every request all the same. Every failure goes to the {@link AuthErrorHandler} with the RFC 6750
 * {@code WWW-Authenticate} header already set; an unexpected exception from a loader or handler is
 * logged (never with the token) and answered with 500, or, when the handler had already begun its
 * response, the connection is dropped so that the client cannot take a truncated answer for a
 * whole one. An {@code IOException} from the handler (most often a client that went away) is left
 * to the server, which closes the connection. The exchange is always closed after a refusal.
 *
 * @param <T> the token model, as the token loader returns it
 * @param <U> the user, as the user loader returns it
 */
public abstract class AbstractStatelessAuthManager<T, U> {
  private static final Logger LOG = System.getLogger(AbstractStatelessAuthManager.class.getName());

  private final ModelMixins mixins;
  private final StatelessAuthConfig config;
  private final AuthListener listener;
  private final Refuser refuser;
  /** The configured preflight handler, or {@code null} to authenticate preflights like any request. */
  private final HttpHandler preflightHandler;
  /** What the loaders returned, kept between requests; {@code null} to call them every time. */
  private final AuthCache cache;

  /**
   * A manager for models that implement {@code mixins}, with the settings collected by {@code
   * builder}.
   *
   * @param mixins which mixins the token model and the user implement
   * @param builder the configuration, error handler, listener and cache
   * @throws IllegalArgumentException if the builder's cache serves another manager already
   */
  protected AbstractStatelessAuthManager(ModelMixins mixins, ManagerBuilder<?> builder) {
    this.mixins = Objects.requireNonNull(mixins, "mixins");
    Objects.requireNonNull(builder, "builder");
    this.config = builder.configuredConfig();
    this.listener = builder.configuredListener();
    this.refuser = new Refuser(builder.configuredErrorHandler(), listener);
    this.preflightHandler = config.preflightHandler().orElse(null);
    this.cache = builder.configuredCache();
    if (cache != null) {
      cache.claim(this);
    }
  }

  /** The settings this manager runs with. */
  public final StatelessAuthConfig config() {
    return config;
  }

  /**
   * A builder for a route, starting from this manager's default token type and scheme, with no
   * scope and no role: {@code route().build()} is the route a bare {@code @TokenRequired} means.
   */
  public final AuthRoute.Builder route() {
    return new AuthRoute.Builder(config);
  }

  /**
   * The handler that authenticates each request for {@code route}, then runs {@code call}.
   *
   * @throws IllegalArgumentException if the route requires scopes and the token model is no
   *     {@link TokenMixin}, or roles and the user is no {@link UserMixin}: nothing could grant them
   */
  public final HttpHandler handler(AuthRoute route, AuthenticatedCall<? super T, ? super U> call) {
    return new RouteHandler<>(this, bind(route), Objects.requireNonNull(call, "call"));
  }

  /**
   * A filter that authenticates each request of a context wired by hand for {@code route}, then
   * lets the chain go on with the user bound.
   *
   * @throws IllegalArgumentException as for {@link #handler}
   */
  public final Filter filter(AuthRoute route) {
    return new RouteFilter<>(this, bind(route));
  }

  /**
   * Forgets what the cache holds for {@code token}, on this instance, before returning; a load of it
   * already running is not kept. Does nothing without a cache. Call it when a token is revoked.
   */
  public final void invalidate(String token) {
    Objects.requireNonNull(token, "token");
    if (cache != null) {
      cache.invalidate(token);
    }
  }

  /**
   * Forgets what the cache holds for the token whose {@link SecretTokens#hash} is {@code
   * tokenHash}, as {@link #invalidate} does: for revocations made known by hash, such as a message
   * from another instance, which must never carry the token itself.
   *
   * @throws IllegalArgumentException if {@code tokenHash} is not 64 hexadecimal digits
   */
  public final void invalidateHash(String tokenHash) {
    Objects.requireNonNull(tokenHash, "tokenHash");
    if (cache != null) {
      cache.invalidateHash(tokenHash);
    }
  }

  /** Forgets everything the cache holds, as {@link #invalidate} does for one token. */
  public final void invalidateAll() {
    if (cache != null) {
      cache.invalidateAll();
    }
  }

  /**
   * Forgets every cached entry whose user {@code which} matches, on this instance, before
   * returning, and keeps every load already running from being stored; how many entries it forgot
   * (0 without a cache). The cache keeps each user as it was loaded, so call it when a user changes
   * in a way the checks read: deactivated, or a role taken away.
   */
  public final int invalidateUsers(Predicate<? super U> which) {
    Objects.requireNonNull(which, "which");
    if (cache == null) {
      return 0;
    }
    return cache.<Authentication<T, U>>invalidateValues(known -> which.test(known.user));
  }

  /** Calls the application's token loader. */
  protected abstract T loadToken(String token, String tokenType, String authType);

  /** Calls the application's user loader. */
  protected abstract U loadUser(T token);

  /** {@code route} with its refusals and its share of the cache, once it is known to be grantable. */
  private RouteBinding<T, U> bind(AuthRoute route) {
    Objects.requireNonNull(route, "route");
    if (!route.scopes().isEmpty() && !mixins.token()) {
      throw new IllegalArgumentException("scopes " + route.scopes()
          + " can never be granted: the token model does not implement TokenMixin");
    }
    if (!route.roles().isEmpty() && !mixins.user()) {
      throw new IllegalArgumentException("roles " + route.roles()
          + " can never be held: the user does not implement UserMixin");
    }
    RouteRefusals refusals = new RouteRefusals(config, route);
    if (cache == null) {
      return new RouteBinding<>(route, refusals, null, null);
    }
    return new RouteBinding<>(route, refusals, cache.<Authentication<T, U>>segment(route.tokenType(), route.authType()),
        new CacheLoader(route, refusals));
  }

  /** Every step of one request. */
  final void serve(HttpExchange exchange, RouteBinding<T, U> binding,
      AuthenticatedCall<? super T, ? super U> call) throws IOException {
    if (preflightHandler != null && Requests.isPreflight(exchange)) {
      preflightHandler.handle(exchange);
      return;
    }
    AuthRoute route = binding.route;
    RouteRefusals refusals = binding.refusals;
    String presented = null;
    T token = null;
    U user = null;
    try {
      presented = AuthorizationHeader.token(exchange.getRequestHeaders(), config, route, refusals);
      if (presented != null) {
        if (binding.cached == null) {
          token = loadToken(presented, route.tokenType(), route.authType());
          if (token == null) {
            throw refusals.unknownToken;
          }
          checkToken(token, route, refusals);
          user = userOf(token, route, refusals, exchange);
        } else {
          Authentication<T, U> known = binding.cached.get(presented, binding.loader);
          if (known == null) {
            throw refusals.unknownToken;
          }
          token = known.token;
          checkToken(token, route, refusals);
          user = known.user;
        }
        if (mixins.user()) {
          ModelChecks.checkUser((UserMixin) user, route, refusals);
        }
      }
    } catch (StatelessAuthError error) {
      refuser.refuse(exchange, refusals, error, presented);
      return;
    } catch (RuntimeException | Error failure) {
      LOG.log(Level.ERROR, "A loader failed on " + Requests.describe(exchange), Redacted.of(failure, presented));
      refuser.refuse(exchange, refusals, refusals.serverError, presented);
      rethrowIfFatal(failure);
      return;
    }
    runHandler(exchange, refusals, call, token, user, presented);
  }

  /** Checks the token's expiry and scopes, for a token model that is a {@link TokenMixin}. */
  private void checkToken(T token, AuthRoute route, RouteRefusals refusals) {
    if (mixins.token()) {
      ModelChecks.checkToken((TokenMixin) token, route, refusals);
    }
  }

  /**
   * The token's user; a token without one is a server fault (500), logged with the request's method
   * and path, or the route's token type when the cache loads it ({@code exchange} is {@code null}).
   */
  private U userOf(T token, AuthRoute route, RouteRefusals refusals, HttpExchange exchange) {
    U user = loadUser(token);
    if (user == null) {
      LOG.log(Level.ERROR, "The user loader found no user for a valid token on "
          + (exchange == null ? "a route of token type " + route.tokenType() : Requests.describe(exchange)));
      throw refusals.unknownUser;
    }
    return user;
  }

  /**
   * Fills the cache for one route: the token model, refused at once when it has expired (so that
   * an expired token's user is not loaded, as without a cache), then its user. Returns {@code null}
   * for an unknown token and throws for the rest, so that only a whole authentication is kept.
   */
  private final class CacheLoader implements AuthCache.Loader<Authentication<T, U>> {
    private final AuthRoute route;
    private final RouteRefusals refusals;

    CacheLoader(AuthRoute route, RouteRefusals refusals) {
      this.route = route;
      this.refusals = refusals;
    }

    @Override
    public Authentication<T, U> load(String presented) {
      T token = loadToken(presented, route.tokenType(), route.authType());
      if (token == null) {
        return null;
      }
      if (mixins.token()) {
        ModelChecks.checkExpiry((TokenMixin) token, route, refusals);
      }
      return new Authentication<>(token, userOf(token, route, refusals, null));
    }
  }

  /**
   * Binds {@code user} (nothing for an anonymous request, whose user is {@code null}), tells the
   * listener and runs the handler; answers what the handler throws before it has sent its response.
   */
  private void runHandler(HttpExchange exchange, RouteRefusals refusals,
      AuthenticatedCall<? super T, ? super U> call, T token, U user, String presented) throws IOException {
    HttpExchange handlerExchange =
        user != null && config.addContextProcessor() ? ExchangeWithUser.of(exchange, user) : exchange;
    Object previous = CurrentStatelessUser.bind(user);
    Throwable failure;
    try {
      if (user == null) {
        listener.onAnonymous(handlerExchange);
      } else {
        listener.onAuthorized(handlerExchange, user);
      }
      call.call(handlerExchange, token, user);
      return;
    } catch (RuntimeException | Error thrown) {
      failure = thrown;
    } finally {
      CurrentStatelessUser.restore(previous);
    }
    Throwable loggable = Redacted.of(failure, presented);
    if (exchange.getResponseCode() != -1) {
      String message = "The handler failed after sending its response on " + Requests.describe(exchange);
      LOG.log(Level.ERROR, message, loggable);
      rethrowIfFatal(failure);
      throw new IOException(message, loggable);
    }
    if (failure instanceof StatelessAuthError) {
      refuser.refuse(exchange, refusals, (StatelessAuthError) failure, presented);
    } else {
      LOG.log(Level.ERROR, "The handler failed on " + Requests.describe(exchange), loggable);
      refuser.refuse(exchange, refusals, refusals.serverError, presented);
    }
    rethrowIfFatal(failure);
  }

  /** Lets errors the JVM cannot recover from go on once the client has its answer. */
  private static void rethrowIfFatal(Throwable failure) {
    if (failure instanceof VirtualMachineError) {
      throw (VirtualMachineError) failure;
    }
  }
}
