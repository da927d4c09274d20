package io.statelessauth.example;

/**
 * Registration and login: checks credentials against the stored password hashes and issues token
 * pairs.
 */
final class Accounts {

  /** The longest user name accepted at registration. */
  static final int MAX_USERNAME_LENGTH = 64;
  /** The shortest password accepted at registration. */
  static final int MIN_PASSWORD_LENGTH = 8;
  /** The longest password accepted at registration. */
  static final int MAX_PASSWORD_LENGTH = 1024;

  private final UserStore users;
  private final TokenStore tokens;
  private final Passwords passwords;

  Accounts(UserStore users, TokenStore tokens, Passwords passwords) {
    this.users = users;
    this.tokens = tokens;
    this.passwords = passwords;
  }

  /**
   * Creates the account.
   *
   * @throws ApiError 400 when the name or password breaks the rules, 409 when the name is taken
   */
  void register(Credentials credentials) {
    String username = credentials.username();
    if (username.isBlank() || username.length() > MAX_USERNAME_LENGTH
        || username.chars().anyMatch(Character::isISOControl)) {
      throw ApiError.badRequest("'username' must be 1 to " + MAX_USERNAME_LENGTH
          + " characters, not blank, without control characters");
    }
    int length = credentials.password().length();
    if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
      throw ApiError.badRequest("'password' must be " + MIN_PASSWORD_LENGTH + " to "
          + MAX_PASSWORD_LENGTH + " characters");
    }
    if (!users.create(username, passwords.hash(credentials.password()))) {
      throw ApiError.conflict("Username already taken");
    }
  }

  /**
   * Issues a new token pair when the credentials match an account. A wrong name and a wrong
   * password take the same time and give the same answer, so that logins do not reveal which
   * names exist.
   *
   * @throws ApiError 401 when the name or the password is wrong
   */
  IssuedTokens login(Credentials credentials) {
    boolean valid = users.passwordHash(credentials.username())
        .map(hash -> passwords.matches(credentials.password(), hash))
        .orElseGet(() -> passwords.matchesNothing(credentials.password()));
    if (!valid) {
      throw ApiError.badCredentials();
    }
    return tokens.issue(credentials.username());
  }
}
