package io.statelessauth.benchmarks.handwritten;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.statelessauth.benchmarks.app.Accounts;
import io.statelessauth.benchmarks.app.SecretApi;
import io.statelessauth.benchmarks.app.Token;
import io.statelessauth.benchmarks.app.Tokens;
import io.statelessauth.benchmarks.app.User;
import io.statelessauth.benchmarks.app.Users;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * {@link SecretApi#secret} behind the authentication steps written inline, as a careful engineer
 * would without the library: parse the header, load the token, check expiry and scope, load and
 * check the user, bind the user to a thread-local for the handler call, refuse with RFC 6750.
 */
public final class HandWrittenSecretHandler implements HttpHandler {
  private static final Logger LOG = System.getLogger(HandWrittenSecretHandler.class.getName());
  private static final ThreadLocal<User> CURRENT_USER = new ThreadLocal<>();
  private static final String TOKEN_TYPE = "access";
  private static final String SCHEME = "Bearer";

  private final Refusals refusals = new Refusals(SCHEME, "api", TOKEN_TYPE, List.of(Accounts.SCOPE));
  private final Tokens tokens;
  private final Users users;
  private final SecretApi api;

  /** Authenticates with {@code tokens} and {@code users}, then calls {@code api}. */
  public HandWrittenSecretHandler(Tokens tokens, Users users, SecretApi api) {
    this.tokens = tokens;
    this.users = users;
    this.api = api;
  }

  /** The user of the request this thread is handling, or {@code null}. */
  public static User currentUser() {
    return CURRENT_USER.get();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    User user;
    try {
      user = authenticate(exchange);
    } catch (Refusal refusal) {
      refusal.send(exchange);
      return;
    } catch (RuntimeException failure) {
      LOG.log(Level.ERROR, "A loader failed on " + exchange.getRequestURI().getRawPath(), failure);
      refusals.serverError.send(exchange);
      return;
    }
    CURRENT_USER.set(user);
    try {
      api.secret(exchange, user);
    } finally {
      CURRENT_USER.set(null); // not remove(): the next request's set() would allocate a new entry
    }
  }

  private User authenticate(HttpExchange exchange) throws Refusal {
    String presented = BearerToken.from(exchange.getRequestHeaders(), refusals);
    Token token = tokens.load(presented, TOKEN_TYPE, SCHEME);
    if (token == null) {
      throw refusals.unknownToken;
    }
    if (token.tokenExpired(TOKEN_TYPE, SCHEME)) {
      throw refusals.expiredToken;
    }
    if (!token.scopes().contains(Accounts.SCOPE)) {
      throw refusals.insufficientScope;
    }
    User user = users.load(token);
    if (user == null) {
      LOG.log(Level.ERROR, "No user for a valid token on " + exchange.getRequestURI().getRawPath());
      throw refusals.serverError;
    }
    if (!user.isActive()) {
      throw refusals.inactiveUser;
    }
    return user;
  }
}
