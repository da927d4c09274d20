package io.statelessauth.tests;

/** The user loader over the {@link Store}, unless a test armed a {@link Faults} for the token. */
public final class StoreUsers implements Users {

  @Override
  public User load(Token token) {
    Faults.UserLoad fault = Faults.userLoad(token.secret());
    if (fault != null) {
      return fault.load(token);
    }
    return Store.USERS.stream().filter(u -> u.id() == token.userId()).findFirst().orElse(null);
  }
}
