package io.statelessauth.example.accounts;

import io.statelessauth.example.cli.Settings.Limits;
import io.statelessauth.example.protection.ClientAddress;
import io.statelessauth.example.protection.HashSlots;
import io.statelessauth.example.protection.Throttle;
import io.statelessauth.example.routes.ApiError;
import io.statelessauth.example.storage.IssuedTokens;
import io.statelessauth.example.storage.TokenStore;
import io.statelessauth.example.storage.UserStore;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Registration and login: checks names and passwords, checks credentials against the stored
 * password hashes, issues token pairs, and throttles whoever tries too often.
 *
 * <p>Names follow the {@link Names} rules. A name or password that is not well-formed UTF-16 (a
 * lone surrogate, which JSON can carry as {@code "\ud800"}) is refused with 400 at registration,
 * and a password at login: it has no UTF-8 form, and encoding it with replacement characters
 * would make different strings equal. At login, a name that breaks the rules cannot exist: it is
 * refused at once, as a wrong name is (401), before any throttle or database lookup.
 *
 * <p>Hashing runs in one of the {@link HashSlots}, in a fair queue (beyond it: 503), one hash at
 * a time per name and per client address. Failed logins are counted per name and per client
 * address, successful logins per name, registrations per client address; past their limits the
 * request answers 429 with {@code Retry-After} before any hashing. Client addresses are counted
 * as {@link ClientAddress} says (IPv6 by /64).
 */
public final class Accounts {

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
  private final Throttle loginsByName;
  private final Throttle registrationsByAddress;

  /**
   * Accounts in {@code users} and {@code tokens}, hashing with {@code passwords} within {@code
   * limits}; at most {@code hashQueue} requests wait for a hash slot.
   */
  public Accounts(UserStore users, TokenStore tokens, Passwords passwords, Limits limits,
      int hashQueue, Clock clock) {
    this.users = users;
    this.tokens = tokens;
    this.passwords = passwords;
    this.hashSlots = new HashSlots(limits.hashSlots(), hashQueue, HashSlots.WAIT);
    this.failuresByName = new Throttle(
        limits.failedLoginsPerName(), Limits.NAME_REFILL, MAX_TRACKED_KEYS, clock);
    this.failuresByAddress = new Throttle(
        limits.failedLoginsPerAddress(), Limits.ADDRESS_REFILL, MAX_TRACKED_KEYS, clock);
    this.loginsByName = new Throttle(
        limits.loginsPerName(), Limits.LOGIN_REFILL, MAX_TRACKED_KEYS, clock);
    this.registrationsByAddress = new Throttle(
        limits.registrationsPerAddress(), Limits.REGISTRATION_REFILL, MAX_TRACKED_KEYS, clock);
    // Loads ICU's confusable data now, rather than in the first registration.
    Names.key("");
  }

  /**
   * Creates the account.
   *
   * @param client the client's address, for the registration throttle
   * @throws ApiError 400 when the name or password breaks the rules, 409 when the name is taken,
   *     429 when the address registered too often, 503 when no hash slot came in time
   */
  public void register(Credentials credentials, InetAddress client) {
    String username = Names.normalised(Names.wellFormed(credentials.username(), "username"))
        .orElseThrow(() -> ApiError.badRequest(Names.RULES));
    String password = Names.wellFormed(credentials.password(), "password");
    if (password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
      throw ApiError.badRequest("'password' must be " + MIN_PASSWORD_LENGTH + " to "
          + MAX_PASSWORD_LENGTH + " characters");
    }
    String address = ClientAddress.key(client);
    throttle(registrationsByAddress.retryAfter(address));
    String hash = hashSlots.run(List.of(), () -> {
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
   * @param client the client's address, for the failed-login throttle and the hash queue
   * @throws ApiError 400 when the password is not well-formed, 401 when the name or password is
   *     wrong, 429 when the name or the address failed too often or the name logged in too
   *     often, 503 when no hash slot came in time
   */
  public IssuedTokens login(Credentials credentials, InetAddress client) {
    String password = Names.wellFormed(credentials.password(), "password");
    String username = Names.normalised(credentials.username())
        .orElseThrow(ApiError::badCredentials);
    String address = ClientAddress.key(client);
    throttle(failuresByAddress.retryAfter(address));
    throttle(failuresByName.retryAfter(username));
    throttle(loginsByName.retryAfter(username));
    boolean valid = hashSlots.run(List.of("name " + username, "address " + address),
        () -> users.passwordHash(username)
            .map(stored -> matchAndRehash(username, password, stored))
            .orElseGet(() -> passwords.matchesNothing(password)));
    if (!valid) {
      failuresByAddress.record(address);
      failuresByName.record(username);
      throw ApiError.badCredentials();
    }
    failuresByName.forgive(username);
    loginsByName.record(username);
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
}
