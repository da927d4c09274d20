package test;

import io.statelessauth.AbstractStatelessAuthManager;
import io.statelessauth.CurrentStatelessUser;
import io.statelessauth.ManagerBuilder;
import io.statelessauth.ModelMixins;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Authenticates requests with {@link Tokens} and {@link Users}; build one with {@link #builder()}.
 */
@Generated("io.statelessauth.processor.StatelessAuthProcessor")
public final class StatelessAuthManager extends AbstractStatelessAuthManager<Token, User> {
  private final Tokens tokenLoader;

  private final Users userLoader;

  private StatelessAuthManager(Builder builder) {
    super(ModelMixins.TOKEN_AND_USER, builder);
    this.tokenLoader = builder.tokenLoader;
    this.userLoader = builder.userLoader;
  }

  /**
   * Starts a manager; the two loaders are required.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The user bound to the current request's thread, or {@code null} outside an authenticated handler call.
   */
  public static User currentUser() {
    return (User) CurrentStatelessUser.get();
  }

  @Override
  protected Token loadToken(String token, String tokenType, String authType) {
    return tokenLoader.load(token, tokenType, authType);
  }

  @Override
  protected User loadUser(Token token) {
    return userLoader.load(token);
  }

  /**
   * Collects the loaders and the optional settings of a {@link StatelessAuthManager}.
   */
  public static final class Builder extends ManagerBuilder<Builder> {
    private Tokens tokenLoader;

    private Users userLoader;

    private Builder() {
    }

    /**
     * The {@code @TokenLoader} that finds a token's model. Required.
     */
    public Builder tokenLoader(Tokens tokenLoader) {
      this.tokenLoader = Objects.requireNonNull(tokenLoader, "tokenLoader");
      return this;
    }

    /**
     * The {@code @UserLoader} that finds a token's user. Required.
     */
    public Builder userLoader(Users userLoader) {
      this.userLoader = Objects.requireNonNull(userLoader, "userLoader");
      return this;
    }

    /**
     * The manager.
     *
     * @throws IllegalStateException when a loader was not set
     */
    public StatelessAuthManager build() {
      if (tokenLoader == null) {
        throw new IllegalStateException("tokenLoader(Tokens) was not called: StatelessAuthManager needs the @TokenLoader");
      }
      if (userLoader == null) {
        throw new IllegalStateException("userLoader(Users) was not called: StatelessAuthManager needs the @UserLoader");
      }
      return new StatelessAuthManager(this);
    }
  }
}
