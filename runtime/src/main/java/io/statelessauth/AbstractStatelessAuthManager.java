package io.statelessauth;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Runs the steps that authenticate one request; the processor generates {@code
 * StatelessAuthManager} as its subclass for the application's two loaders.
 *
 * <p>For each request to a route: read the token from the header of the one scheme the request
 * presents (see {@link AuthRoute#authTypes()} and {@link StatelessAuthConfig.Builder#credentialHeader}),
 * load the token model, check it ({@link TokenMixin} models only), load the user, check it ({@link
 * UserMixin} users only), then bind the user to the thread (see {@link CurrentStatelessUser}), tell
 * the {@link AuthListener} and run the handler, clearing the binding however the handler ends. On
 * an optional route a request that presents none of the route's schemes runs the handler
 * anonymously instead. With an {@link AuthCache}, a known token's model and user come from the
 * cache instead of the loaders, as they were loaded; the checks run on every request all the same.
 * Every failure goes to the {@link AuthErrorHandler} with the RFC 6750 {@code WWW-Authenticate}
 * header already set; an unexpected exception from a loader or handler is logged (never with the
 * token) and answered with 500, or, when the handler had already begun its response, the
 * connection is dropped so that the client cannot take a truncated answer for a whole one. An
 * {@code IOException} from the handler (most often a client that went away) is left to the
 * server, which closes the connection. The exchange is always closed after a refusal.
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
    return new RouteHandler<>(this, prepare(route), Objects.requireNonNull(call, "call"));
  }

  /**
   * A filter that authenticates each request of a context wired by hand for {@code route}, then
   * lets the chain go on with the user bound.
   *
   * @throws IllegalArgumentException as for {@link #handler}
   */
  public final Filter filter(AuthRoute route) {
    return new RouteFilter<>(this, prepare(route));
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

  /**
   * {@code route} with its refusals and its share of the cache for each of its schemes, once it is
   * known to be grantable.
   */
  private PreparedRoute<T, U> prepare(AuthRoute route) {
    Objects.requireNonNull(route, "route");
    if (!route.scopes().isEmpty() && !mixins.token()) {
      throw new IllegalArgumentException("scopes " + route.scopes()
          + " can never be granted: the token model does not implement TokenMixin");
    }
    if (!route.roles().isEmpty() && !mixins.user()) {
      throw new IllegalArgumentException("roles " + route.roles()
          + " can never be held: the user does not implement UserMixin");
    }
    List<String> authTypes = route.authTypes();
    @SuppressWarnings("unchecked")
    PreparedRoute.Scheme<T, U>[] schemes =
        (PreparedRoute.Scheme<T, U>[]) new PreparedRoute.Scheme<?, ?>[authTypes.size()];
    for (int i = 0; i < schemes.length; i++) {
      RouteRefusals refusals = new RouteRefusals(config, route, authTypes.get(i));
      schemes[i] = cache == null
          ? new PreparedRoute.Scheme<>(refusals, null, null)
          : new PreparedRoute.Scheme<>(refusals, cache.segment(route.tokenType(), refusals.scheme),
              new CacheLoader(route, refusals));
    }
    return new PreparedRoute<>(route, schemes);
  }

  /** Every step of one request. */
  final void serve(HttpExchange exchange, PreparedRoute<T, U> prepared,
      AuthenticatedCall<? super T, ? super U> call) throws IOException {
    if (preflightHandler != null && Requests.isPreflight(exchange)) {
      preflightHandler.handle(exchange);
      return;
    }
    AuthRoute route = prepared.route;
    // The scheme whose refusals answer: the first until the request is known to present another.
    PreparedRoute.Scheme<T, U> scheme = prepared.schemes[0];
    String presented = null;
    T token = null;
    U user = null;
    try {
      Headers headers = exchange.getRequestHeaders();
      if (prepared.schemes.length == 1) {
        presented = Credentials.token(headers, config.maxTokenLength(), route.optional(), scheme.refusals);
      } else {
        int presentedScheme =
            Credentials.presentedScheme(headers, prepared.schemeRefusals, prepared.severalSchemes);
        if (presentedScheme >= 0) {
          // Read as a route of that scheme alone would, but a field without its credentials is none.
          presented = Credentials.token(headers, config.maxTokenLength(), true, prepared.schemeRefusals[presentedScheme]);
        }
        if (presented != null) {
          scheme = prepared.schemes[presentedScheme];
        } else if (!route.optional()) {
          throw prepared.noCredentials;
        }
      }
      if (presented != null) {
        RouteRefusals refusals = scheme.refusals;
        // Where the token model and the user come from is all that a cache changes.
        Authentication<T, U> known = null;
        if (scheme.cached == null) {
          token = loadToken(presented, route.tokenType(), refusals.scheme);
        } else {
          known = scheme.cached.get(presented, scheme.loader);
          token = known == null ? null : known.token;
        }
        if (token == null) {
          throw refusals.unknownToken;
        }
        if (mixins.token()) {
          ModelChecks.checkToken((TokenMixin) token, route, refusals);
        }
        user = known == null ? userOf(token, refusals) : known.user;
        if (mixins.user()) {
          ModelChecks.checkUser((UserMixin) user, route, refusals);
        }
      }
    } catch (StatelessAuthError error) {
      if (error.reason() == AuthFailure.UNKNOWN_USER) {
        LOG.log(Level.ERROR, "The user loader found no user for a valid token on " + Requests.describe(exchange));
      }
      refuser.refuse(exchange, scheme.refusals, error, presented);
      return;
    } catch (RuntimeException | Error failure) {
      LOG.log(Level.ERROR, "A loader failed on " + Requests.describe(exchange), Redacted.of(failure, presented));
      refuser.refuse(exchange, scheme.refusals, scheme.refusals.serverError, presented);
      rethrowIfFatal(failure);
      return;
    }
    runHandler(exchange, scheme.refusals, call, token, user, presented);
  }

  /** The token's user; a token without one is a server fault (500, logged where it is answered). */
  private U userOf(T token, RouteRefusals refusals) {
    U user = loadUser(token);
    if (user == null) {
      throw refusals.unknownUser;
    }
    return user;
  }

  /**
   * Fills the cache for one scheme of a route: the token model, refused at once when it has expired
   * (so that an expired token's user is not loaded, as without a cache), then its user. Returns
   * {@code null} for an unknown token and throws for the rest, so that only a whole authentication
   * is kept.
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
      T token = loadToken(presented, route.tokenType(), refusals.scheme);
      if (token == null) {
        return null;
      }
      if (mixins.token()) {
        ModelChecks.checkExpiry((TokenMixin) token, route, refusals);
      }
      return new Authentication<>(token, userOf(token, refusals));
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
