package io.statelessauth.benchmarks.app;

import io.statelessauth.AbstractStatelessAuthManager;
import io.statelessauth.AuthRoute;
import io.statelessauth.StatelessAuthConfig;

/** Temporary: the manager the processor will generate for {@link Tokens} and {@link Users}, written out by hand. */
public final class StandInManager extends AbstractStatelessAuthManager<Token, User> {
  private final Tokens tokenLoader;
  private final Users userLoader;

  /** A manager over the two loaders. */
  public StandInManager(Tokens tokenLoader, Users userLoader, StatelessAuthConfig config) {
    super(config, null, null);
    this.tokenLoader = tokenLoader;
    this.userLoader = userLoader;
  }

  @Override
  protected Token loadToken(String token, String tokenType, String authType) {
    return tokenLoader.load(token, tokenType, authType);
  }

  @Override
  protected User loadUser(Token token) {
    return userLoader.load(token);
  }

  @Override
  protected void checkToken(Token token, AuthRoute route) {
    checkExpiryAndScopes(token, route);
  }

  @Override
  protected boolean grantsScopes() {
    return true;
  }

  @Override
  protected void checkUser(User user) {
    checkActive(user);
  }
}
