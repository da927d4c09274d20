package io.statelessauth.benchmarks.reflective;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.statelessauth.TokenMixin;
import io.statelessauth.UserMixin;
import io.statelessauth.benchmarks.handwritten.BearerToken;
import io.statelessauth.benchmarks.handwritten.Refusal;
import io.statelessauth.benchmarks.handwritten.Refusals;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a run-time scanning library does, for comparison only: it finds the loaders' {@code load}
 * methods once, then for every request reads {@link ReflectiveTokenRequired} from the handler
 * method, calls the loaders and the handler through {@link Method#invoke}, and checks the mixins
 * with {@code instanceof}. It parses the header with the same {@link BearerToken} as the
 * hand-written path, so that only the reflection differs.
 */
public final class ReflectiveAuth {
  private static final ThreadLocal<Object> CURRENT_USER = new ThreadLocal<>();

  private final Object tokenLoader;
  private final Method loadToken;
  private final Object userLoader;
  private final Method loadUser;
  private final Map<Method, Refusals> refusals = new ConcurrentHashMap<>();

  /** A library over the two loaders, found by their public {@code load} methods. */
  public ReflectiveAuth(Object tokenLoader, Object userLoader) {
    this.tokenLoader = tokenLoader;
    this.loadToken = method(tokenLoader.getClass(), "load");
    this.userLoader = userLoader;
    this.loadUser = method(userLoader.getClass(), "load");
  }

  /** The user of the request this thread is handling, or {@code null}. */
  public static Object currentUser() {
    return CURRENT_USER.get();
  }

  /** The handler that authenticates, then calls {@code target}'s public method {@code name}. */
  public HttpHandler handler(Object target, String name) {
    Method method = method(target.getClass(), name);
    if (!method.isAnnotationPresent(ReflectiveTokenRequired.class)) {
      throw new IllegalArgumentException(method + " is not @ReflectiveTokenRequired");
    }
    return new Handler(this, target, method);
  }

  private static Method method(Class<?> type, String name) {
    for (Method method : type.getMethods()) {
      if (method.getName().equals(name)) {
        return method;
      }
    }
    throw new IllegalArgumentException(type + " has no public method " + name);
  }

  void serve(HttpExchange exchange, Object target, Method method, Class<?>[] parameters) throws IOException {
    ReflectiveTokenRequired required = method.getAnnotation(ReflectiveTokenRequired.class);
    String tokenType = required.tokenType().isEmpty() ? "access" : required.tokenType();
    String authType = required.authType().isEmpty() ? "Bearer" : required.authType();
    String[] scopes = required.scopes();
    Refusals route = refusals.computeIfAbsent(method,
        key -> new Refusals(authType, "api", tokenType, Arrays.asList(scopes)));
    Object token;
    Object user;
    try {
      String presented = BearerToken.from(exchange.getRequestHeaders(), route);
      token = loadToken.invoke(tokenLoader, presented, tokenType, authType);
      if (token == null) {
        throw route.unknownToken;
      }
      if (token instanceof TokenMixin) {
        TokenMixin mixin = (TokenMixin) token;
        if (mixin.tokenExpired(tokenType, authType)) {
          throw route.expiredToken;
        }
        if (!mixin.scopes().containsAll(List.of(scopes))) {
          throw route.insufficientScope;
        }
      } else if (scopes.length > 0) {
        throw route.insufficientScope;
      }
      user = loadUser.invoke(userLoader, token);
      if (user == null) {
        throw route.serverError;
      }
      if (user instanceof UserMixin && !((UserMixin) user).isActive()) {
        throw route.inactiveUser;
      }
    } catch (Refusal refusal) {
      refusal.send(exchange);
      return;
    } catch (ReflectiveOperationException | RuntimeException failure) {
      route.serverError.send(exchange);
      return;
    }
    CURRENT_USER.set(user);
    try {
      method.invoke(target, arguments(parameters, exchange, token, user));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      throw rethrow(e.getCause());
    } finally {
      CURRENT_USER.remove();
    }
  }

  private static Object[] arguments(Class<?>[] parameters, HttpExchange exchange, Object token, Object user) {
    Object[] arguments = new Object[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      Class<?> type = parameters[i];
      if (type.isInstance(exchange)) {
        arguments[i] = exchange;
      } else if (type.isInstance(user)) {
        arguments[i] = user;
      } else {
        arguments[i] = token;
      }
    }
    return arguments;
  }

  private static IOException rethrow(Throwable cause) {
    if (cause instanceof IOException) {
      return (IOException) cause;
    }
    if (cause instanceof RuntimeException) {
      throw (RuntimeException) cause;
    }
    if (cause instanceof Error) {
      throw (Error) cause;
    }
    return new IOException(cause);
  }

  /** The handler of one method; its parameter types are found once, when the library scans. */
  private static final class Handler implements HttpHandler {
    private final ReflectiveAuth auth;
    private final Object target;
    private final Method method;
    private final Class<?>[] parameters;

    Handler(ReflectiveAuth auth, Object target, Method method) {
      this.auth = auth;
      this.target = target;
      this.method = method;
      this.parameters = method.getParameterTypes();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
      auth.serve(exchange, target, method, parameters);
    }
  }
}
