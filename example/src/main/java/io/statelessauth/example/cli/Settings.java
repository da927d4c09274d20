package io.statelessauth.example.cli;

import io.statelessauth.StatelessAuthConfig;
import io.statelessauth.example.auth.ApiKeyScheme;
import io.statelessauth.example.metrics.MetricsAddress;
import io.statelessauth.example.storage.Database;
import io.statelessauth.example.storage.DatabaseUrl;
import io.statelessauth.example.storage.User;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the service needs to start: where it listens, which database it uses, how long
 * tokens and sessions live, how hard passwords are hashed, how much abuse it takes before it
 * throttles, and the library's own configuration. Its {@link #toString()} never shows the
 * database password.
 *
 * @param host the address to listen on
 * @param port the port to listen on; 0 picks a free one
 * @param databaseUrl the JDBC URL of the database holding users and tokens
 * @param databasePassword the database password, or {@code null} when the database needs none
 *     (never part of the URL, which the process list shows)
 * @param accessTokenLifetime how long an access token is accepted after it was issued
 * @param refreshTokenLifetime how long a refresh token is accepted after it was issued
 * @param sessionMaxAge how long the tokens descended from one login live at most, however often
 *     they are rotated
 * @param passwordIterations the PBKDF2 iteration count for password hashes
 * @param workerThreads how many requests run their handler at once (and database connections)
 * @param maxConnections how many connections may be open at once, each read on its own thread
 * @param busyTimeout how long a SQLite write waits for another writer's lock before the request
 *     answers 503
 * @param databaseTimeout how long a request waits for a pooled connection and, on a database
 *     server, to connect and for each statement, before it answers 503
 * @param limits how much password work and how many failures the service takes before throttling
 * @param authConfig the stateless-auth configuration (header, scheme, token type, realm, and the
 *     header API keys are read from)
 * @param authCache how many authentications the service keeps, and for how long
 * @param admins the users to make administrators, or to make no longer, at start-up
 * @param demo whether to run the scripted demo instead of serving
 * @param metrics where the meters are served, if anywhere
 */
public record Settings(
    String host,
    int port,
    String databaseUrl,
    String databasePassword,
    Duration accessTokenLifetime,
    Duration refreshTokenLifetime,
    Duration sessionMaxAge,
    int passwordIterations,
    int workerThreads,
    int maxConnections,
    Duration busyTimeout,
    Duration databaseTimeout,
    Limits limits,
    StatelessAuthConfig authConfig,
    CacheSize authCache,
    AdminChanges admins,
    boolean demo,
    MetricsAddress metrics) {

  /**
   * OWASP's figure for PBKDF2-HMAC-SHA256 (its Password Storage Cheat Sheet; 210 000 is the
   * figure for HMAC-SHA512): the default, and the fewest the command line accepts.
   */
  public static final int MIN_PASSWORD_ITERATIONS = 600_000;

  public Settings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(databaseUrl, "databaseUrl");
    Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
    Objects.requireNonNull(refreshTokenLifetime, "refreshTokenLifetime");
    Objects.requireNonNull(sessionMaxAge, "sessionMaxAge");
    Objects.requireNonNull(busyTimeout, "busyTimeout");
    Objects.requireNonNull(databaseTimeout, "databaseTimeout");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(authConfig, "authConfig");
    Objects.requireNonNull(authCache, "authCache");
    Objects.requireNonNull(admins, "admins");
    Objects.requireNonNull(metrics, "metrics");
  }

  /** The settings used when no flag is given. */
  public static Settings defaults() {
    return new Settings(
        "127.0.0.1",
        8080,
        "jdbc:sqlite:stateless-auth-example.db",
        null,
        Duration.ofHours(1),
        Duration.ofDays(14),
        Duration.ofDays(30),
        MIN_PASSWORD_ITERATIONS,
        16,
        512,
        Duration.ofSeconds(10),
        Database.DEFAULT_TIMEOUT,
        Limits.defaults(),
        ApiKeyScheme.bind(StatelessAuthConfig.defaults(), ApiKeyScheme.DEFAULT_HEADER),
        CacheSize.defaults(),
        AdminChanges.NONE,
        false,
        MetricsAddress.OFF);
  }

  /** A copy listening on {@code host}:{@code port}. */
  public Settings withAddress(String host, int port) {
    return toBuilder().host(host).port(port).build();
  }

  /** A copy using the database at {@code databaseUrl}. */
  public Settings withDatabaseUrl(String databaseUrl) {
    return toBuilder().databaseUrl(databaseUrl).build();
  }

  /** A copy logging in to the database with {@code password} ({@code null}: none). */
  public Settings withDatabasePassword(String password) {
    return toBuilder().databasePassword(password).build();
  }

  /** A copy with these token lifetimes. */
  public Settings withTokenLifetimes(Duration access, Duration refresh) {
    return toBuilder().accessTokenLifetime(access).refreshTokenLifetime(refresh).build();
  }

  /** A copy whose sessions end {@code maxAge} after their login. */
  public Settings withSessionMaxAge(Duration maxAge) {
    return toBuilder().sessionMaxAge(maxAge).build();
  }

  /** A copy hashing passwords with {@code iterations} (tests use fewer to stay fast). */
  public Settings withPasswordIterations(int iterations) {
    return toBuilder().passwordIterations(iterations).build();
  }

  /** A copy running at most {@code threads} handlers at once. */
  public Settings withWorkerThreads(int threads) {
    return toBuilder().workerThreads(threads).build();
  }

  /** A copy accepting at most {@code connections} open connections. */
  Settings withMaxConnections(int connections) {
    return toBuilder().maxConnections(connections).build();
  }

  /** A copy whose SQLite writes wait at most {@code timeout} for another writer's lock. */
  public Settings withBusyTimeout(Duration timeout) {
    return toBuilder().busyTimeout(timeout).build();
  }

  /** A copy that waits at most {@code timeout} for the database (see {@link #databaseTimeout}). */
  public Settings withDatabaseTimeout(Duration timeout) {
    return toBuilder().databaseTimeout(timeout).build();
  }

  /** A copy with these abuse limits. */
  public Settings withLimits(Limits limits) {
    return toBuilder().limits(limits).build();
  }

  /** A copy with this stateless-auth configuration. */
  public Settings withAuthConfig(StatelessAuthConfig config) {
    return toBuilder().authConfig(config).build();
  }

  /** A copy whose authentication cache has this size and lifetime. */
  public Settings withAuthCache(CacheSize cache) {
    return toBuilder().authCache(cache).build();
  }

  /** A copy that grants and takes away the administrator role at start-up as {@code admins} says. */
  public Settings withAdmins(AdminChanges admins) {
    return toBuilder().admins(admins).build();
  }

  /** A copy that runs the demo ({@code true}) or serves ({@code false}). */
  public Settings withDemo(boolean demo) {
    return toBuilder().demo(demo).build();
  }

  /** A copy that serves its meters at {@code metrics}. */
  public Settings withMetrics(MetricsAddress metrics) {
    return toBuilder().metrics(metrics).build();
  }

  private Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public String toString() {
    return "Settings[host=" + host + ", port=" + port + ", databaseUrl="
        + DatabaseUrl.withoutSecrets(databaseUrl)
        + ", databasePassword=" + (databasePassword == null ? "none" : "********") + ", ...]";
  }

  /**
   * How much the service takes before it refuses: concurrent password hashing (beyond it, 503),
   * failed logins and registrations per client address and per name, and successful logins per
   * name (beyond them, 429). A count of 0 turns that throttle off.
   *
   * @param hashSlots how many passwords may be hashed at once
   * @param failedLoginsPerName failed logins one name may take, then one more every
   *     {@link #NAME_REFILL}
   * @param failedLoginsPerAddress failed logins one client address may make, then one more every
   *     {@link #ADDRESS_REFILL}
   * @param registrationsPerAddress registrations one client address may make, then one more every
   *     {@link #REGISTRATION_REFILL}
   * @param loginsPerName successful logins one name may make, then one more every {@link
   *     #LOGIN_REFILL}
   */
  public record Limits(
      int hashSlots,
      int failedLoginsPerName,
      int failedLoginsPerAddress,
      int registrationsPerAddress,
      int loginsPerName) {

    /** How often a name regains one failed login. */
    public static final Duration NAME_REFILL = Duration.ofMinutes(1);
    /** How often a client address regains one failed login. */
    public static final Duration ADDRESS_REFILL = Duration.ofSeconds(6);
    /** How often a client address regains one registration. */
    public static final Duration REGISTRATION_REFILL = Duration.ofMinutes(6);
    /** How often a name regains one successful login. */
    public static final Duration LOGIN_REFILL = Duration.ofMinutes(1);

    /**
     * One password hashed at a time per core but one (so that a core stays free for the token
     * routes; one on a single core); 5 failed logins per name, 20 per client address, 10
     * registrations per client address, 10 successful logins per name (people log in from
     * several devices).
     */
    static Limits defaults() {
      return new Limits(
          Math.max(1, Runtime.getRuntime().availableProcessors() - 1), 5, 20, 10, 10);
    }
  }

  /**
   * The authentication cache: how many tokens it keeps at most (0 turns it off) and how long it
   * keeps each.
   *
   * @param maximumSize the most tokens kept; 0 for no cache
   * @param timeToLive how long a token is kept after it was loaded
   */
  public record CacheSize(long maximumSize, Duration timeToLive) {

    public CacheSize {
      Objects.requireNonNull(timeToLive, "timeToLive");
    }

    /**
     * 10 000 tokens for 60 s: about 7.5 MB when full (benchmarks/README.md, "Results", "Cache
     * memory"); a minute is the longest that a change made to the database by hand, which no
     * instance publishes, goes unseen.
     */
    static CacheSize defaults() {
      return new CacheSize(10_000, Duration.ofSeconds(60));
    }

    /** Whether the cache is on. */
    public boolean enabled() {
      return maximumSize > 0;
    }
  }

  /**
   * Who becomes an administrator at start-up, and who stops being one; names as registered.
   *
   * @param granted the users given the role {@value User#ADMIN}
   * @param revoked the users whose role {@value User#ADMIN} is taken away
   */
  public record AdminChanges(Set<String> granted, Set<String> revoked) {

    /** No change. */
    static final AdminChanges NONE = new AdminChanges(Set.of(), Set.of());

    public AdminChanges {
      granted = Set.copyOf(granted);
      revoked = Set.copyOf(revoked);
    }
  }

  /** Builds a copy of settings with some values changed. */
  private static final class Builder {
    private String host;
    private int port;
    private String databaseUrl;
    private String databasePassword;
    private Duration accessTokenLifetime;
    private Duration refreshTokenLifetime;
    private Duration sessionMaxAge;
    private int passwordIterations;
    private int workerThreads;
    private int maxConnections;
    private Duration busyTimeout;
    private Duration databaseTimeout;
    private Limits limits;
    private StatelessAuthConfig authConfig;
    private CacheSize authCache;
    private AdminChanges admins;
    private boolean demo;
    private MetricsAddress metrics;

    Builder(Settings from) {
      host = from.host;
      port = from.port;
      databaseUrl = from.databaseUrl;
      databasePassword = from.databasePassword;
      accessTokenLifetime = from.accessTokenLifetime;
      refreshTokenLifetime = from.refreshTokenLifetime;
      sessionMaxAge = from.sessionMaxAge;
      passwordIterations = from.passwordIterations;
      workerThreads = from.workerThreads;
      maxConnections = from.maxConnections;
      busyTimeout = from.busyTimeout;
      databaseTimeout = from.databaseTimeout;
      limits = from.limits;
      authConfig = from.authConfig;
      authCache = from.authCache;
      admins = from.admins;
      demo = from.demo;
      metrics = from.metrics;
    }

    Builder host(String value) {
      host = value;
      return this;
    }

    Builder port(int value) {
      port = value;
      return this;
    }

    Builder databaseUrl(String value) {
      databaseUrl = value;
      return this;
    }

    Builder databasePassword(String value) {
      databasePassword = value;
      return this;
    }

    Builder accessTokenLifetime(Duration value) {
      accessTokenLifetime = value;
      return this;
    }

    Builder refreshTokenLifetime(Duration value) {
      refreshTokenLifetime = value;
      return this;
    }

    Builder sessionMaxAge(Duration value) {
      sessionMaxAge = value;
      return this;
    }

    Builder passwordIterations(int value) {
      passwordIterations = value;
      return this;
    }

    Builder workerThreads(int value) {
      workerThreads = value;
      return this;
    }

    Builder maxConnections(int value) {
      maxConnections = value;
      return this;
    }

    Builder busyTimeout(Duration value) {
      busyTimeout = value;
      return this;
    }

    Builder databaseTimeout(Duration value) {
      databaseTimeout = value;
      return this;
    }

    Builder limits(Limits value) {
      limits = value;
      return this;
    }

    Builder authConfig(StatelessAuthConfig value) {
      authConfig = value;
      return this;
    }

    Builder authCache(CacheSize value) {
      authCache = value;
      return this;
    }

    Builder admins(AdminChanges value) {
      admins = value;
      return this;
    }

    Builder demo(boolean value) {
      demo = value;
      return this;
    }

    Builder metrics(MetricsAddress value) {
      metrics = value;
      return this;
    }

    Settings build() {
      return new Settings(host, port, databaseUrl, databasePassword, accessTokenLifetime,
          refreshTokenLifetime, sessionMaxAge, passwordIterations, workerThreads, maxConnections,
          busyTimeout, databaseTimeout, limits, authConfig, authCache, admins, demo,
          metrics);
    }
  }
}
