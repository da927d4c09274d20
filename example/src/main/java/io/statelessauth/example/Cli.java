package io.statelessauth.example;

import io.statelessauth.StatelessAuthConfig;
import io.statelessauth.example.Settings.AdminChanges;
import io.statelessauth.example.Settings.CacheSize;
import io.statelessauth.example.Settings.Limits;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the command line into {@link Settings}, or into a one-line {@link UsageException}. */
final class Cli {

  /** The environment variable that holds the database password when no file is given. */
  static final String DATABASE_PASSWORD_VARIABLE = "STATELESS_AUTH_DB_PASSWORD";

  /** The text printed by {@code --help}. */
  static final String USAGE = """
      Usage: java -jar stateless-auth-example.jar [flags]

      Runs the stateless-auth example service: users and their bearer tokens, stored in
      SQLite (the default) or any database reachable through a bundled JDBC driver.

        --host HOST               address to listen on (default 127.0.0.1; 0.0.0.0 for all)
        --port PORT               port to listen on, 0 for any free port (default 8080)
        --db JDBC_URL             database (default jdbc:sqlite:stateless-auth-example.db;
                                  also jdbc:postgresql://HOST/DB?user=U), never with a password
        --db-password-file FILE   read the database password from FILE (its first line);
                                  without it, from the environment variable %s
        --access-ttl DURATION     access-token lifetime (default 3600s)
        --refresh-ttl DURATION    refresh-token lifetime (default 14d)
        --session-max-age DURATION  how long the tokens of one login live at most, however
                                  often they are rotated (default 30d)
        --threads N               requests handled at once, and database connections
                                  (default 16)
        --max-connections N       open connections at most, each read on its own thread
                                  (default 512)
        --busy-timeout DURATION   how long a SQLite write waits for another writer's lock
                                  before the request answers 503 (default 10s)
        --pbkdf2-iterations N     PBKDF2-HMAC-SHA256 iterations for passwords
                                  (default and minimum 600000)
        --hash-slots N            passwords hashed at once; more logins wait up to 5 s in
                                  a queue, then answer 503 (default: the number of cores
                                  less one, at least 1)
        --failed-logins-per-name N     failed logins a name takes before 429, then one a
                                  minute (default 5; 0 turns it off)
        --failed-logins-per-address N  failed logins a client address makes before 429, then
                                  one every 6 s (default 20; 0 turns it off)
        --registrations-per-address N  registrations from a client address before 429, then
                                  one every 6 min (default 10; 0 turns it off)
        --logins-per-name N       successful logins a name makes before 429, then one a
                                  minute (default 10; 0 turns it off)
        --auth-config FILE        stateless-auth settings as a .properties file with the keys
                                  AUTH_HEADER, DEFAULT_AUTH_TYPE, DEFAULT_TOKEN_TYPE,
                                  ADD_CONTEXT_PROCESSOR, REALM, MAX_TOKEN_LENGTH
        --auth-cache-size N       tokens whose authentication is kept in memory (default
                                  10000; 0 turns the cache off)
        --auth-cache-ttl DURATION how long an authentication is kept (default 60s)
        --admin NAME              give the registered user NAME the role admin at start-up;
                                  repeat the flag for more users
        --revoke-admin NAME       take the role admin away from NAME at start-up; repeatable
        --demo                    start on a free port with a throwaway database, run a
                                  scripted client session against it, print it, and exit
        --help                    print this help and exit

      DURATION is a whole number of seconds, or a number followed by s, m, h or d (90m, 365d).
      A bad flag is reported on one line and exits with status 2; a name given to --admin or
      --revoke-admin that is not registered stops the start with status 1.
      """.formatted(DATABASE_PASSWORD_VARIABLE);

  private static final Set<String> SERVER_ONLY_FLAGS =
      Set.of("--host", "--port", "--db", "--db-password-file", "--admin", "--revoke-admin");
  /** Flags that may be given more than once, each time with another name. */
  private static final Set<String> REPEATABLE_FLAGS = Set.of("--admin", "--revoke-admin");
  private static final Map<String, BiFunction<Settings, String, Settings>> VALUE_FLAGS = Map.ofEntries(
      Map.entry("--host", (settings, value) -> settings.withAddress(host(value), settings.port())),
      Map.entry("--port", (settings, value) ->
          settings.withAddress(settings.host(), integer("--port", value, 0, 65_535))),
      Map.entry("--db", (settings, value) -> settings.withDatabaseUrl(jdbcUrl(value))),
      Map.entry("--db-password-file", (settings, value) ->
          settings.withDatabasePassword(passwordFile(value))),
      Map.entry("--access-ttl", (settings, value) -> settings.withTokenLifetimes(
          duration("--access-ttl", value), settings.refreshTokenLifetime())),
      Map.entry("--refresh-ttl", (settings, value) -> settings.withTokenLifetimes(
          settings.accessTokenLifetime(), duration("--refresh-ttl", value))),
      Map.entry("--session-max-age", (settings, value) ->
          settings.withSessionMaxAge(duration("--session-max-age", value))),
      Map.entry("--threads", (settings, value) ->
          settings.withWorkerThreads(integer("--threads", value, 1, 1_024))),
      Map.entry("--max-connections", (settings, value) ->
          settings.withMaxConnections(integer("--max-connections", value, 1, 100_000))),
      Map.entry("--busy-timeout", (settings, value) ->
          settings.withBusyTimeout(duration("--busy-timeout", value))),
      Map.entry("--pbkdf2-iterations", (settings, value) -> settings.withPasswordIterations(
          integer("--pbkdf2-iterations", value, Settings.MIN_PASSWORD_ITERATIONS, 100_000_000))),
      Map.entry("--hash-slots", (settings, value) -> settings.withLimits(new Limits(
          integer("--hash-slots", value, 1, 1_024), settings.limits().failedLoginsPerName(),
          settings.limits().failedLoginsPerAddress(), settings.limits().registrationsPerAddress(),
          settings.limits().loginsPerName()))),
      Map.entry("--failed-logins-per-name", (settings, value) -> settings.withLimits(new Limits(
          settings.limits().hashSlots(), count("--failed-logins-per-name", value),
          settings.limits().failedLoginsPerAddress(), settings.limits().registrationsPerAddress(),
          settings.limits().loginsPerName()))),
      Map.entry("--failed-logins-per-address", (settings, value) -> settings.withLimits(new Limits(
          settings.limits().hashSlots(), settings.limits().failedLoginsPerName(),
          count("--failed-logins-per-address", value), settings.limits().registrationsPerAddress(),
          settings.limits().loginsPerName()))),
      Map.entry("--registrations-per-address", (settings, value) -> settings.withLimits(new Limits(
          settings.limits().hashSlots(), settings.limits().failedLoginsPerName(),
          settings.limits().failedLoginsPerAddress(), count("--registrations-per-address", value),
          settings.limits().loginsPerName()))),
      Map.entry("--logins-per-name", (settings, value) -> settings.withLimits(new Limits(
          settings.limits().hashSlots(), settings.limits().failedLoginsPerName(),
          settings.limits().failedLoginsPerAddress(), settings.limits().registrationsPerAddress(),
          count("--logins-per-name", value)))),
      Map.entry("--auth-config", (settings, value) -> settings.withAuthConfig(authConfig(value))),
      Map.entry("--auth-cache-size", (settings, value) -> settings.withAuthCache(new CacheSize(
          integer("--auth-cache-size", value, 0, 10_000_000), settings.authCache().timeToLive()))),
      Map.entry("--auth-cache-ttl", (settings, value) -> settings.withAuthCache(new CacheSize(
          settings.authCache().maximumSize(), duration("--auth-cache-ttl", value)))),
      Map.entry("--admin", (settings, value) -> settings.withAdmins(new AdminChanges(
          adding(settings.admins().granted(), userName("--admin", value)),
          settings.admins().revoked()))),
      Map.entry("--revoke-admin", (settings, value) -> settings.withAdmins(new AdminChanges(
          settings.admins().granted(),
          adding(settings.admins().revoked(), userName("--revoke-admin", value))))));
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})([smhd]?)");

  private Cli() {}

  /** Whether the command line asks for help, which wins over every other flag. */
  static boolean wantsHelp(String... args) {
    return List.of(args).contains("--help") || List.of(args).contains("-h");
  }

  /** {@link #parse(Map, String...)} with this process's environment. */
  static Settings parse(String... args) {
    return parse(System.getenv(), args);
  }

  /**
   * Parses the flags, each given as {@code --flag value} or {@code --flag=value}; the database
   * password comes from {@code --db-password-file}, else from {@value #DATABASE_PASSWORD_VARIABLE}
   * in {@code environment}. No message ever shows a password or the query of a URL.
   *
   * @throws UsageException for an unknown flag, a missing or bad value, or flags that do not go
   *     together; its message is one line naming the flag
   */
  static Settings parse(Map<String, String> environment, String... args) {
    Settings settings = Settings.defaults();
    String fromEnvironment = environment.get(DATABASE_PASSWORD_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      settings = settings.withDatabasePassword(fromEnvironment);
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument '" + arg + "'");
      }
      int equals = arg.indexOf('=');
      String flag = equals < 0 ? arg : arg.substring(0, equals);
      if (!seen.add(flag) && !REPEATABLE_FLAGS.contains(flag)) {
        throw new UsageException(flag + " is given twice");
      }
      if (flag.equals("--demo")) {
        if (equals >= 0) {
          throw new UsageException("--demo takes no value");
        }
        settings = settings.withDemo(true);
        continue;
      }
      BiFunction<Settings, String, Settings> setter = VALUE_FLAGS.get(flag);
      if (setter == null) {
        throw new UsageException("unknown flag " + flag);
      }
      String value;
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new UsageException(flag + " needs a value");
      }
      settings = setter.apply(settings, value);
    }
    for (String name : settings.admins().granted()) {
      if (settings.admins().revoked().contains(name)) {
        throw new UsageException("'" + name + "' is given to both --admin and --revoke-admin");
      }
    }
    if (settings.demo()) {
      for (String flag : SERVER_ONLY_FLAGS) {
        if (seen.contains(flag)) {
          throw new UsageException(
              "--demo runs on a free port with a throwaway database; drop " + flag);
        }
      }
    }
    return settings;
  }

  private static String host(String value) {
    if (value.isBlank()) {
      throw new UsageException("--host needs a host name or address");
    }
    return value;
  }

  /** The URL, refused when it is not JDBC or carries a password; the value is never echoed. */
  private static String jdbcUrl(String value) {
    if (!value.startsWith("jdbc:")) {
      throw new UsageException("--db needs a JDBC URL such as jdbc:sqlite:FILE"
          + " (the value given does not start with jdbc:)");
    }
    if (DatabaseUrl.carriesPassword(value)) {
      throw new UsageException("--db must not carry the password, which the process list shows"
          + " to every local user: give it with --db-password-file FILE or the environment"
          + " variable " + DATABASE_PASSWORD_VARIABLE);
    }
    return value;
  }

  /** The first line of {@code file}, which must not be empty; never shown in a message. */
  private static String passwordFile(String file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException | InvalidPathException e) {
      throw new UsageException("--db-password-file: cannot read " + file + ": "
          + e.getClass().getSimpleName());
    }
    if (lines.isEmpty() || lines.get(0).isEmpty()) {
      throw new UsageException("--db-password-file: the first line of " + file + " is empty");
    }
    return lines.get(0);
  }

  /**
   * A user name as the service stores it: in Unicode normalisation form C, as {@link Accounts}
   * registers it. Names may hold commas and spaces, which is why the flag is repeated rather than
   * given a list.
   */
  private static String userName(String flag, String value) {
    if (value.isBlank()) {
      throw new UsageException(flag + " needs a user name");
    }
    return Normalizer.normalize(value, Normalizer.Form.NFC);
  }

  private static Set<String> adding(Set<String> names, String name) {
    Set<String> more = new HashSet<>(names);
    more.add(name);
    return more;
  }

  private static int count(String flag, String value) {
    return integer(flag, value, 0, 1_000_000);
  }

  private static int integer(String flag, String value, int min, int max) {
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below, with the range
    }
    throw new UsageException(
        flag + " needs a whole number from " + min + " to " + max + ", got '" + value + "'");
  }

  /** Parses {@code 3600}, {@code 3600s}, {@code 90m}, {@code 12h} or {@code 365d}. */
  private static Duration duration(String flag, String value) {
    Matcher matcher = DURATION.matcher(value.toLowerCase(Locale.ROOT));
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      if (amount > 0) {
        return switch (matcher.group(2)) {
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          case "d" -> Duration.ofDays(amount);
          default -> Duration.ofSeconds(amount);
        };
      }
    }
    throw new UsageException(
        flag + " needs a positive duration such as 3600, 90m, 12h or 365d, got '" + value + "'");
  }

  private static StatelessAuthConfig authConfig(String file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | InvalidPathException e) {
      throw new UsageException("--auth-config: cannot read " + file + ": " + e);
    }
    try {
      return StatelessAuthConfig.fromProperties(properties);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--auth-config " + file + ": " + e.getMessage());
    }
  }

  /** A command line that cannot be run; the message is one line, ready for the user. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
