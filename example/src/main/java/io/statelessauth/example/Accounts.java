package io.statelessauth.example;

import io.statelessauth.example.Settings.Limits;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Registration and login: checks names and passwords, checks credentials against the stored
 * password hashes, issues token pairs, and throttles whoever tries too often.
 *
 * <p>Names are compared in Unicode normalisation form C, so that {@code "e\u0301ve"} and
 * {@code "\u00e9ve"} are one name; a name with control, format (such as a zero-width space),
 * separator, private-use or unassigned characters, or with white space around it, is refused at
 * registration. A name or password that is not well-formed UTF-16 (a lone surrogate, which JSON
 * can carry as {@code "\ud800"}) is refused everywhere with 400: it has no UTF-8 form, and
 * encoding it with replacement characters would make different strings equal.
 *
 * <p>Hashing runs in one of the {@link HashSlots} (beyond them: 503). Failed logins are counted per
 * name and per client address, and registrations per client address; past their limits the
 * request answers 429 with {@code Retry-After} before any hashing.
 */
final class Accounts {

  /** The longest user name accepted at registration, in UTF-16 units after normalisation. */
  static final int MAX_USERNAME_LENGTH = 64;
  /** The shortest password accepted at registration. */
  static final int MIN_PASSWORD_LENGTH = 8;
  /** The longest password accepted at registration. */
  static final int MAX_PASSWORD_LENGTH = 1024;
  /** The most names and addresses each throttle remembers. */
  static final int MAX_TRACKED_KEYS = 10_000;

  private final UserStore users;
  private final TokenStore tokens;
  private final Passwords passwords;
  private final HashSlots hashSlots;
  private final Throttle failuresByName;
  private final Throttle failuresByAddress;
  private final Throttle registrationsByAddress;

  Accounts(UserStore users, TokenStore tokens, Passwords passwords, Limits limits, Clock clock) {
    this.users = users;
    this.tokens = tokens;
    this.passwords = passwords;
    this.hashSlots = new HashSlots(limits.hashSlots());
    this.failuresByName = new Throttle(
        limits.failedLoginsPerName(), Limits.NAME_REFILL, MAX_TRACKED_KEYS, clock);
    this.failuresByAddress = new Throttle(
        limits.failedLoginsPerAddress(), Limits.ADDRESS_REFILL, MAX_TRACKED_KEYS, clock);
    this.registrationsByAddress = new Throttle(
        limits.registrationsPerAddress(), Limits.REGISTRATION_REFILL, MAX_TRACKED_KEYS, clock);
  }

  /**
   * Creates the account.
   *
   * @param address the client's address, for the registration throttle
   * @throws ApiError 400 when the name or password breaks the rules, 409 when the name is taken,
   *     429 when the address registered too often, 503 when every hash slot is taken
   */
  void register(Credentials credentials, String address) {
    String username = registrableName(credentials.username());
    String password = wellFormed(credentials.password(), "password");
    if (password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
      throw ApiError.badRequest("'password' must be " + MIN_PASSWORD_LENGTH + " to "
          + MAX_PASSWORD_LENGTH + " characters");
    }
    throttle(registrationsByAddress.retryAfter(address));
    String hash = hashSlots.run(() -> {
      registrationsByAddress.record(address);
      return passwords.hash(password);
    });
    if (!users.create(username, hash)) {
      throw ApiError.conflict("Username already taken");
    }
  }

  /**
   * Issues a new token pair when the credentials match an account. A wrong name and a wrong
   * password cost the same time and give the same answer, so that logins do not reveal which
   * names exist. A password stored at another iteration count is hashed again at the configured
   * one.
   *
   * @param address the client's address, for the failed-login throttle
   * @throws ApiError 400 when the name or password is not well-formed, 401 when either is wrong,
   *     429 when the name or the address failed too often, 503 when every hash slot is taken
   */
  IssuedTokens login(Credentials credentials, String address) {
    String username = Normalizer.normalize(
        wellFormed(credentials.username(), "username"), Normalizer.Form.NFC);
    String password = wellFormed(credentials.password(), "password");
    throttle(failuresByAddress.retryAfter(address));
    throttle(failuresByName.retryAfter(username));
    boolean valid = hashSlots.run(() -> users.passwordHash(username)
        .map(stored -> matchAndRehash(username, password, stored))
        .orElseGet(() -> passwords.matchesNothing(password)));
    if (!valid) {
      failuresByAddress.record(address);
      failuresByName.record(username);
      throw ApiError.badCredentials();
    }
    failuresByName.forgive(username);
    return tokens.issue(username);
  }

  private boolean matchAndRehash(String username, String password, String stored) {
    if (!passwords.matches(password, stored)) {
      return false;
    }
    if (passwords.needsRehash(stored)) {
      users.replacePasswordHash(username, stored, passwords.hash(password));
    }
    return true;
  }

  private static void throttle(Optional<Duration> wait) {
    if (wait.isPresent()) {
      throw ApiError.tooManyRequests(wait.get());
    }
  }

  /** The name in normalisation form C, refused with 400 when it breaks a rule. */
  private static String registrableName(String raw) {
    String username = Normalizer.normalize(wellFormed(raw, "username"), Normalizer.Form.NFC);
    if (username.isEmpty() || username.length() > MAX_USERNAME_LENGTH
        || isSpace(username.codePointAt(0))
        || isSpace(username.codePointBefore(username.length()))
        || username.codePoints().anyMatch(Accounts::forbiddenInNames)) {
      throw ApiError.badRequest("'username' must be 1 to " + MAX_USERNAME_LENGTH
          + " characters without white space around it and without control, format,"
          + " separator, private-use or unassigned characters");
    }
    return username;
  }

  /** White space by either of Java's definitions: no-break spaces count too. */
  private static boolean isSpace(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
  }

  private static boolean forbiddenInNames(int codePoint) {
    switch (Character.getType(codePoint)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
      case Character.SURROGATE:
        return true;
      default:
        return false;
    }
  }

  /** {@code value} when it is well-formed UTF-16; 400 naming {@code field} when it is not. */
  private static String wellFormed(String value, String field) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw ApiError.badRequest("'" + field + "' is not valid Unicode (a lone surrogate)");
      }
    }
    return value;
  }
}
