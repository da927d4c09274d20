package io.statelessauth;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Runs the steps that authenticate one request; the processor generates {@code
 * StatelessAuthManager} as its subclass for the application's two loaders.
 *
 * <p>For each request to a route: read the token from the credentials header, load the token
 * model, check it ({@link TokenMixin} models only), load the user, check it ({@link UserMixin}
 * users only), then bind the user to the thread (see {@link CurrentStatelessUser}), tell the
 * {@link AuthListener} and run the handler, clearing the binding however the handler ends. Every
 * failure goes to the {@link AuthErrorHandler} with the RFC 6750 {@code WWW-Authenticate} header
 * already set; an unexpected exception from a loader or handler is logged (never with the token)
 * and answered with 500, or, when the handler had already begun its response, the connection is
 * dropped so that the client cannot take a truncated answer for a whole one. An {@code
 * IOException} from the handler (most often a client that went away) is left to the server, which
 * closes the connection. The exchange is always closed after a refusal.
 *
 * <p>The generated subclass overrides {@link #checkToken}, {@link #grantsScopes} and {@link
 * #checkUser} only where the model types implement the mixins, so the checks cost nothing for
 * models that do not.
 *
 * @param <T> the token model, as the token loader returns it
 * @param <U> the user, as the user loader returns it
 */
public abstract class AbstractStatelessAuthManager<T, U> {
  private static final Logger LOG = System.getLogger(AbstractStatelessAuthManager.class.getName());

  private final StatelessAuthConfig config;
  private final AuthErrorHandler errorHandler;
  private final AuthListener listener;

  /**
   * A manager with these collaborators; {@code null} means the default for each: {@link
   * StatelessAuthConfig#defaults()}, {@link AuthErrorHandler#json()}, {@link AuthListener#NONE}.
   *
   * @param config the settings, or {@code null}
   * @param errorHandler writes refusals, or {@code null}
   * @param listener told of every outcome, or {@code null}
   */
  protected AbstractStatelessAuthManager(
      StatelessAuthConfig config, AuthErrorHandler errorHandler, AuthListener listener) {
    this.config = config == null ? StatelessAuthConfig.defaults() : config;
    this.errorHandler = errorHandler == null ? AuthErrorHandler.json() : errorHandler;
    this.listener = listener == null ? AuthListener.NONE : listener;
  }

  /** The settings this manager runs with. */
  public final StatelessAuthConfig config() {
    return config;
  }

  /**
   * The route that requires a token of {@code tokenType} under the scheme {@code authType},
   * granting every one of {@code scopes}; {@code ""} stands for the configured default.
   *
   * @throws IllegalArgumentException if {@code authType} is not an RFC 9110 token, {@code
   *     tokenType} holds white space, a scope is not an RFC 6749 scope-token, or scopes are asked
   *     of a token model that cannot grant them (it does not implement {@link TokenMixin})
   */
  public final AuthRoute route(String tokenType, String authType, String... scopes) {
    Objects.requireNonNull(tokenType, "tokenType");
    Objects.requireNonNull(authType, "authType");
    Objects.requireNonNull(scopes, "scopes");
    String resolvedTokenType = tokenType.isEmpty()
        ? config.defaultTokenType()
        : StatelessAuthConfig.requireTokenType("tokenType", tokenType);
    String resolvedAuthType = authType.isEmpty()
        ? config.defaultAuthType()
        : StatelessAuthConfig.requireToken("authType", authType);
    Set<String> scopeSet = new LinkedHashSet<>();
    for (String scope : scopes) {
      if (scope == null || !Syntax.isScopeToken(scope)) {
        throw new IllegalArgumentException(
            "scopes must be RFC 6749 scope-tokens (printable ASCII without space, '\"' or '\\'), was '"
                + scope + "'");
      }
      scopeSet.add(scope);
    }
    if (!scopeSet.isEmpty() && !grantsScopes()) {
      throw new IllegalArgumentException("scopes " + scopeSet
          + " can never be granted: the token model does not implement TokenMixin");
    }
    return new AuthRoute(config, resolvedTokenType, resolvedAuthType, scopeSet);
  }

  /** The handler that authenticates each request for {@code route}, then runs {@code call}. */
  public final HttpHandler handler(AuthRoute route, AuthenticatedCall<? super T, ? super U> call) {
    return new AuthenticatingHandler<>(this, Objects.requireNonNull(route, "route"),
        Objects.requireNonNull(call, "call"));
  }

  /**
   * A filter that authenticates each request of a context wired by hand, then lets the chain go
   * on with the user bound; arguments as for {@link #route}.
   */
  public final Filter filter(String tokenType, String authType, String... scopes) {
    return new AuthenticatingFilter<>(this, route(tokenType, authType, scopes));
  }

  /** Calls the application's token loader. */
  protected abstract T loadToken(String token, String tokenType, String authType);

  /** Calls the application's user loader. */
  protected abstract U loadUser(T token);

  /** Checks the loaded token for {@code route}; does nothing unless the token model is a {@link TokenMixin}. */
  protected void checkToken(T token, AuthRoute route) {}

  /** Checks the loaded user; does nothing unless the user model is a {@link UserMixin}. */
  protected void checkUser(U user) {}

  /** Whether tokens can grant scopes, that is whether the token model is a {@link TokenMixin}. */
  protected boolean grantsScopes() {
    return false;
  }

  /**
   * Refuses an expired token (401 {@code invalid_token}) or one that lacks a scope the route
   * requires (403 {@code insufficient_scope}).
   */
  protected static void checkExpiryAndScopes(TokenMixin token, AuthRoute route) {
    if (token.tokenExpired(route.tokenType(), route.authType())) {
      throw route.expiredToken;
    }
    String[] required = route.requiredScopes;
    if (required.length == 0) {
      return;
    }
    Set<String> granted = token.scopes();
    if (granted == null) {
      throw route.insufficientScope;
    }
    for (String scope : required) {
      if (!granted.contains(scope)) {
        throw route.insufficientScope;
      }
    }
  }

  /** Refuses a user that is no longer active (401 {@code invalid_token}, "Invalid User"). */
  protected static void checkActive(UserMixin user) {
    if (!user.isActive()) {
      throw AuthRoute.INACTIVE_USER;
    }
  }

  /** Every step of one request. */
  final void serve(HttpExchange exchange, AuthRoute route, AuthenticatedCall<? super T, ? super U> call)
      throws IOException {
    T token;
    U user;
    String presented = null;
    try {
      presented = AuthorizationHeader.token(exchange.getRequestHeaders(), route);
      token = loadToken(presented, route.tokenType(), route.authType());
      if (token == null) {
        throw route.unknownToken;
      }
      checkToken(token, route);
      user = loadUser(token);
      if (user == null) {
        LOG.log(Level.ERROR, "The user loader found no user for a valid token on " + describe(exchange));
        throw route.serverError;
      }
      checkUser(user);
    } catch (StatelessAuthError error) {
      refuse(exchange, route, error);
      return;
    } catch (RuntimeException | Error failure) {
      LOG.log(Level.ERROR, "A loader failed on " + describe(exchange), Redacted.of(failure, presented));
      refuse(exchange, route, route.serverError);
      rethrowIfFatal(failure);
      return;
    }
    runHandler(exchange, route, call, token, user);
  }

  private void runHandler(HttpExchange exchange, AuthRoute route,
      AuthenticatedCall<? super T, ? super U> call, T token, U user) throws IOException {
    HttpExchange handlerExchange =
        config.addContextProcessor() ? ExchangeWithUser.of(exchange, user) : exchange;
    Object previous = CurrentStatelessUser.bind(user);
    Throwable failure;
    try {
      listener.onAuthorized(handlerExchange, user);
      call.call(handlerExchange, token, user);
      return;
    } catch (RuntimeException | Error thrown) {
      failure = thrown;
    } finally {
      CurrentStatelessUser.restore(previous);
    }
    if (exchange.getResponseCode() != -1) {
      LOG.log(Level.ERROR, "The handler failed after sending its response on " + describe(exchange), failure);
      rethrowIfFatal(failure);
      throw new IOException("The handler failed after sending its response on " + describe(exchange), failure);
    }
    if (failure instanceof StatelessAuthError) {
      refuse(exchange, route, (StatelessAuthError) failure);
    } else {
      LOG.log(Level.ERROR, "The handler failed on " + describe(exchange), failure);
      refuse(exchange, route, route.serverError);
    }
    rethrowIfFatal(failure);
  }

  /** Tells the listener, sets the challenge, lets the error handler answer and closes the exchange. */
  private void refuse(HttpExchange exchange, AuthRoute route, StatelessAuthError error) throws IOException {
    try {
      notifyUnauthorized(exchange, error);
      String challenge = route.challenge(error);
      if (challenge != null) {
        exchange.getResponseHeaders().set("WWW-Authenticate", challenge);
      }
      errorHandler.handle(exchange, error);
    } catch (RuntimeException | IOException failure) {
      boolean responseStarted = exchange.getResponseCode() != -1;
      if (failure instanceof RuntimeException || !responseStarted) {
        LOG.log(Level.ERROR, "The AuthErrorHandler failed on " + describe(exchange), failure);
      }
      if (responseStarted) {
        throw failure;
      }
      exchange.sendResponseHeaders(500, -1);
    } finally {
      exchange.close();
    }
  }

  private void notifyUnauthorized(HttpExchange exchange, StatelessAuthError error) {
    try {
      listener.onUnauthorized(exchange, error);
    } catch (RuntimeException failure) {
      LOG.log(Level.ERROR, "The AuthListener failed on " + describe(exchange), failure);
    }
  }

  /** The method and path of the request for log lines; never the query, which may carry secrets. */
  private static String describe(HttpExchange exchange) {
    return exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
  }

  /** Lets errors the JVM cannot recover from go on once the client has its answer. */
  private static void rethrowIfFatal(Throwable failure) {
    if (failure instanceof VirtualMachineError) {
      throw (VirtualMachineError) failure;
    }
  }

  /** The handler of one route. */
  private static final class AuthenticatingHandler<T, U> implements HttpHandler {
    private final AbstractStatelessAuthManager<T, U> manager;
    private final AuthRoute route;
    private final AuthenticatedCall<? super T, ? super U> call;

    AuthenticatingHandler(AbstractStatelessAuthManager<T, U> manager, AuthRoute route,
        AuthenticatedCall<? super T, ? super U> call) {
      this.manager = manager;
      this.route = route;
      this.call = call;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
      manager.serve(exchange, route, call);
    }
  }

  /** The filter of one route: the rest of the chain runs as the authenticated call. */
  private static final class AuthenticatingFilter<T, U> extends Filter {
    private final AbstractStatelessAuthManager<T, U> manager;
    private final AuthRoute route;

    AuthenticatingFilter(AbstractStatelessAuthManager<T, U> manager, AuthRoute route) {
      this.manager = manager;
      this.route = route;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
      manager.serve(exchange, route, new ContinueChain(chain));
    }

    @Override
    public String description() {
      return "stateless-auth: requires " + route;
    }
  }

  /** Continues a filter chain once the request is authenticated. */
  private static final class ContinueChain implements AuthenticatedCall<Object, Object> {
    private final Filter.Chain chain;

    ContinueChain(Filter.Chain chain) {
      this.chain = chain;
    }

    @Override
    public void call(HttpExchange exchange, Object token, Object user) throws IOException {
      chain.doFilter(exchange);
    }
  }
}
