package io.statelessauth.example.cli;

import io.statelessauth.StatelessAuthConfig;
import io.statelessauth.example.auth.ApiKeyScheme;
import io.statelessauth.example.cli.Settings.AdminChanges;
import io.statelessauth.example.cli.Settings.CacheSize;
import io.statelessauth.example.cli.Settings.Limits;
import io.statelessauth.example.metrics.MetricsAddress;
import io.statelessauth.example.storage.DatabaseUrl;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Turns the command line into {@link Settings}, or into a one-line {@link UsageException}: picocli
 * reads the flags (each as {@code --flag value} or {@code --flag=value}) and writes {@code --help};
 * the setters below check each value and name the flag when it is wrong.
 */
public final class Cli {

  /** The environment variable that holds the database password when no file is given. */
  public static final String DATABASE_PASSWORD_VARIABLE = "STATELESS_AUTH_DB_PASSWORD";

  private static final Set<String> SERVER_ONLY_FLAGS =
      Set.of("--host", "--port", "--db", "--db-password-file", "--admin", "--revoke-admin");
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})([smhd]?)");

  private Cli() {}

  /** Whether the command line asks for help, which wins over every other flag. */
  public static boolean wantsHelp(String... args) {
    return List.of(args).contains("--help") || List.of(args).contains("-h");
  }

  /** The text printed by {@code --help}, generated from the flags below. */
  public static String usage() {
    return commandLine(new Flags(Map.of())).getUsageMessage();
  }

  /** {@link #parse(Map, String...)} with this process's environment. */
  public static Settings parse(String... args) {
    return parse(System.getenv(), args);
  }

  /**
   * Parses the flags; the database password comes from {@code --db-password-file}, else from
   * {@value #DATABASE_PASSWORD_VARIABLE} in {@code environment}. No message ever shows a password
   * or the query of a URL.
   *
   * @throws UsageException for an unknown flag, a missing or bad value, or flags that do not go
   *     together; its message is one line naming the flag
   */
  public static Settings parse(Map<String, String> environment, String... args) {
    Flags flags = new Flags(environment);
    CommandLine commandLine = commandLine(flags);
    try {
      commandLine.parseArgs(args);
    } catch (ParameterException e) {
      throw new UsageException(e.getMessage());
    }
    return flags.settings(commandLine.getParseResult().matchedOptions().stream()
        .map(option -> option.longestName())
        .toList());
  }

  private static CommandLine commandLine(Flags flags) {
    CommandLine commandLine = new CommandLine(flags);
    // "@file" arguments would read flags from any file named on the command line.
    commandLine.setExpandAtFiles(false);
    return commandLine;
  }

  /** The flags, as picocli reads them; each setter checks its value. */
  @Command(
      name = "java -jar stateless-auth-example.jar",
      usageHelpWidth = 100,
      sortOptions = false,
      description = {
          "Runs the stateless-auth example service: users and their bearer tokens, stored in",
          "SQLite (the default) or any database reachable through a bundled JDBC driver.",
          ""},
      footer = {
          "",
          "DURATION is a whole number of seconds, or a number followed by s, m, h or d (90m, 365d).",
          "A bad flag is reported on one line and exits with status 2; a name given to --admin or",
          "--revoke-admin that is not registered, or a database that cannot be opened, stops the",
          "start with status 1. A database server that stops answering while the service runs",
          "costs a request --db-timeout for a connection and --db-timeout (2 s more if the",
          "server is silent) for a statement at most: it answers 503 with Retry-After."})
  static final class Flags {

    @Spec
    private CommandSpec spec;

    private Settings settings = Settings.defaults();
    private final String passwordFromEnvironment;

    @Option(names = "--admin", paramLabel = "NAME", order = 21,
        description = "give the registered user NAME the role admin at start-up; repeat the flag"
            + " for more users")
    private List<String> granted = new ArrayList<>();

    @Option(names = "--revoke-admin", paramLabel = "NAME", order = 22,
        description = "take the role admin away from NAME at start-up; repeatable")
    private List<String> revoked = new ArrayList<>();

    @Option(names = "--demo", order = 23,
        description = "start on a free port with a throwaway database, run a scripted client"
            + " session against it, print it, and exit")
    private boolean demo;

    @Option(names = {"-h", "--help"}, usageHelp = true, order = 24, description = "print this help and exit")
    private boolean help;

    Flags(Map<String, String> environment) {
      String password = environment.get(DATABASE_PASSWORD_VARIABLE);
      this.passwordFromEnvironment = password == null || password.isEmpty() ? null : password;
    }

    @Option(names = "--host", paramLabel = "HOST", order = 1,
        description = "address to listen on (default 127.0.0.1; 0.0.0.0 for all)")
    void host(String value) {
      if (value.isBlank()) {
        throw usage("--host needs a host name or address");
      }
      settings = settings.withAddress(value, settings.port());
    }

    @Option(names = "--port", paramLabel = "PORT", order = 2,
        description = "port to listen on, 0 for any free port (default 8080)")
    void port(String value) {
      settings = settings.withAddress(settings.host(), integer("--port", value, 0, 65_535));
    }

    @Option(names = "--db", paramLabel = "JDBC_URL", order = 3,
        description = "database (default jdbc:sqlite:stateless-auth-example.db; also"
            + " jdbc:postgresql://HOST/DB?user=U), never with a password")
    void database(String value) {
      if (!value.startsWith("jdbc:")) {
        throw usage("--db needs a JDBC URL such as jdbc:sqlite:FILE"
            + " (the value given does not start with jdbc:)");
      }
      if (DatabaseUrl.carriesPassword(value)) {
        throw usage("--db must not carry the password, which the process list shows"
            + " to every local user: give it with --db-password-file FILE or the environment"
            + " variable " + DATABASE_PASSWORD_VARIABLE);
      }
      settings = settings.withDatabaseUrl(value);
    }

    @Option(names = "--db-password-file", paramLabel = "FILE", order = 4,
        description = "read the database password from FILE (its first line); without it, from"
            + " the environment variable " + DATABASE_PASSWORD_VARIABLE)
    void passwordFile(String file) {
      List<String> lines;
      try {
        lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
      } catch (IOException | InvalidPathException e) {
        throw usage("--db-password-file: cannot read " + file + ": "
            + e.getClass().getSimpleName());
      }
      if (lines.isEmpty() || lines.get(0).isEmpty()) {
        throw usage("--db-password-file: the first line of " + file + " is empty");
      }
      settings = settings.withDatabasePassword(lines.get(0));
    }

    @Option(names = "--db-timeout", paramLabel = "DURATION", order = 5,
        description = "how long a request waits for a database connection and, on PostgreSQL, to"
            + " connect and for each statement, before it answers 503 (default 3s)")
    void databaseTimeout(String value) {
      settings = settings.withDatabaseTimeout(duration("--db-timeout", value));
    }

    @Option(names = "--busy-timeout", paramLabel = "DURATION", order = 6,
        description = "how long a SQLite write waits for another writer's lock before the"
            + " request answers 503 (default 10s)")
    void busyTimeout(String value) {
      settings = settings.withBusyTimeout(duration("--busy-timeout", value));
    }

    @Option(names = "--access-ttl", paramLabel = "DURATION", order = 7,
        description = "access-token lifetime (default 3600s)")
    void accessTtl(String value) {
      settings = settings.withTokenLifetimes(
          duration("--access-ttl", value), settings.refreshTokenLifetime());
    }

    @Option(names = "--refresh-ttl", paramLabel = "DURATION", order = 8,
        description = "refresh-token lifetime (default 14d)")
    void refreshTtl(String value) {
      settings = settings.withTokenLifetimes(
          settings.accessTokenLifetime(), duration("--refresh-ttl", value));
    }

    @Option(names = "--session-max-age", paramLabel = "DURATION", order = 9,
        description = "how long the tokens of one login live at most, however often they are"
            + " rotated (default 30d)")
    void sessionMaxAge(String value) {
      settings = settings.withSessionMaxAge(duration("--session-max-age", value));
    }

    @Option(names = "--threads", paramLabel = "N", order = 10,
        description = "requests handled at once, and pooled database connections (default 16)")
    void threads(String value) {
      settings = settings.withWorkerThreads(integer("--threads", value, 1, 1_024));
    }

    @Option(names = "--max-connections", paramLabel = "N", order = 11,
        description = "open client connections at most, each read on its own thread"
            + " (default 512)")
    void maxConnections(String value) {
      settings = settings.withMaxConnections(integer("--max-connections", value, 1, 100_000));
    }

    @Option(names = "--pbkdf2-iterations", paramLabel = "N", order = 12,
        description = "PBKDF2-HMAC-SHA256 iterations for passwords (default and minimum 600000)")
    void passwordIterations(String value) {
      settings = settings.withPasswordIterations(integer(
          "--pbkdf2-iterations", value, Settings.MIN_PASSWORD_ITERATIONS, 100_000_000));
    }

    @Option(names = "--hash-slots", paramLabel = "N", order = 13,
        description = "passwords hashed at once; more logins wait up to 5 s in a queue, then"
            + " answer 503 (default: the number of cores less one, at least 1)")
    void hashSlots(String value) {
      Limits limits = settings.limits();
      settings = settings.withLimits(new Limits(integer("--hash-slots", value, 1, 1_024),
          limits.failedLoginsPerName(), limits.failedLoginsPerAddress(),
          limits.registrationsPerAddress(), limits.loginsPerName()));
    }

    @Option(names = "--failed-logins-per-name", paramLabel = "N", order = 14,
        description = "failed logins a name takes before 429, then one a minute (default 5;"
            + " 0 turns it off)")
    void failedLoginsPerName(String value) {
      Limits limits = settings.limits();
      settings = settings.withLimits(new Limits(limits.hashSlots(),
          count("--failed-logins-per-name", value), limits.failedLoginsPerAddress(),
          limits.registrationsPerAddress(), limits.loginsPerName()));
    }

    @Option(names = "--failed-logins-per-address", paramLabel = "N", order = 15,
        description = "failed logins a client address makes before 429, then one every 6 s"
            + " (default 20; 0 turns it off)")
    void failedLoginsPerAddress(String value) {
      Limits limits = settings.limits();
      settings = settings.withLimits(new Limits(limits.hashSlots(), limits.failedLoginsPerName(),
          count("--failed-logins-per-address", value), limits.registrationsPerAddress(),
          limits.loginsPerName()));
    }

    @Option(names = "--registrations-per-address", paramLabel = "N", order = 16,
        description = "registrations from a client address before 429, then one every 6 min"
            + " (default 10; 0 turns it off)")
    void registrationsPerAddress(String value) {
      Limits limits = settings.limits();
      settings = settings.withLimits(new Limits(limits.hashSlots(), limits.failedLoginsPerName(),
          limits.failedLoginsPerAddress(), count("--registrations-per-address", value),
          limits.loginsPerName()));
    }

    @Option(names = "--logins-per-name", paramLabel = "N", order = 17,
        description = "successful logins a name makes before 429, then one a minute (default 10;"
            + " 0 turns it off)")
    void loginsPerName(String value) {
      Limits limits = settings.limits();
      settings = settings.withLimits(new Limits(limits.hashSlots(), limits.failedLoginsPerName(),
          limits.failedLoginsPerAddress(), limits.registrationsPerAddress(),
          count("--logins-per-name", value)));
    }

    @Option(names = "--auth-config", paramLabel = "FILE", order = 18,
        description = "stateless-auth settings as a .properties file with the keys AUTH_HEADER,"
            + " DEFAULT_AUTH_TYPE, DEFAULT_TOKEN_TYPE, ADD_CONTEXT_PROCESSOR, REALM,"
            + " MAX_TOKEN_LENGTH")
    void authConfig(String file) {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (IOException | InvalidPathException e) {
        throw usage("--auth-config: cannot read " + file + ": " + e);
      }
      try {
        settings = settings.withAuthConfig(StatelessAuthConfig.fromProperties(properties));
      } catch (IllegalArgumentException e) {
        throw usage("--auth-config " + file + ": " + e.getMessage());
      }
    }

    @Option(names = "--api-key-header", paramLabel = "NAME", order = 18,
        description = "the header API keys are read from on /whoami and /secret (default"
            + " X-API-Key)")
    private String apiKeyHeader = ApiKeyScheme.DEFAULT_HEADER;

    @Option(names = "--auth-cache-size", paramLabel = "N", order = 19,
        description = "tokens whose authentication is kept in memory (default 10000; 0 turns"
            + " the cache off)")
    void authCacheSize(String value) {
      settings = settings.withAuthCache(new CacheSize(
          integer("--auth-cache-size", value, 0, 10_000_000), settings.authCache().timeToLive()));
    }

    @Option(names = "--auth-cache-ttl", paramLabel = "DURATION", order = 20,
        description = "how long an authentication is kept (default 60s)")
    void authCacheTtl(String value) {
      settings = settings.withAuthCache(new CacheSize(
          settings.authCache().maximumSize(), duration("--auth-cache-ttl", value)));
    }

    @Option(names = "--metrics-port", paramLabel = "PORT", order = 20,
        description = "serve GET /metrics in the Prometheus text format on PORT, 0 for any free"
            + " port (default: not served)")
    void metricsPort(String value) {
      settings = settings.withMetrics(new MetricsAddress(
          settings.metrics().host(), integer("--metrics-port", value, 0, 65_535)));
    }

    @Option(names = "--metrics-host", paramLabel = "HOST", order = 20,
        description = "address /metrics is served on (default 127.0.0.1, whatever --host says)")
    void metricsHost(String value) {
      if (value.isBlank()) {
        throw usage("--metrics-host needs a host name or address");
      }
      settings = settings.withMetrics(new MetricsAddress(value, settings.metrics().port()));
    }

    /**
     * The settings read, once every flag was; {@code given} names the flags on the command line,
     * for the checks that span several.
     */
    Settings settings(List<String> given) {
      Settings result = settings.withDemo(demo);
      if (given.contains("--metrics-host") && !result.metrics().enabled()) {
        throw new UsageException("--metrics-host needs --metrics-port");
      }
      if (result.databasePassword() == null && passwordFromEnvironment != null) {
        result = result.withDatabasePassword(passwordFromEnvironment);
      }
      AdminChanges admins = new AdminChanges(
          userNames("--admin", granted), userNames("--revoke-admin", revoked));
      for (String name : admins.granted()) {
        if (admins.revoked().contains(name)) {
          throw new UsageException(
              "'" + name + "' is given to both --admin and --revoke-admin");
        }
      }
      if (demo) {
        for (String flag : given) {
          if (SERVER_ONLY_FLAGS.contains(flag)) {
            throw new UsageException(
                "--demo runs on a free port with a throwaway database; drop " + flag);
          }
        }
      }
      try {
        result = result.withAuthConfig(ApiKeyScheme.bind(result.authConfig(), apiKeyHeader));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--api-key-header " + apiKeyHeader + ": " + e.getMessage());
      }
      return result.withAdmins(admins);
    }

    /**
     * The names as the service stores them: in Unicode normalisation form C, as {@code Accounts}
     * registers them. Names may hold commas and spaces, which is why the flag is repeated rather
     * than given a list.
     */
    private static Set<String> userNames(String flag, List<String> values) {
      Set<String> names = new HashSet<>();
      for (String value : values) {
        if (value.isBlank()) {
          throw new UsageException(flag + " needs a user name");
        }
        names.add(Normalizer.normalize(value, Normalizer.Form.NFC));
      }
      return names;
    }

    private int count(String flag, String value) {
      return integer(flag, value, 0, 1_000_000);
    }

    private int integer(String flag, String value, int min, int max) {
      try {
        int number = Integer.parseInt(value);
        if (number >= min && number <= max) {
          return number;
        }
      } catch (NumberFormatException e) {
        // reported below, with the range
      }
      throw usage(
          flag + " needs a whole number from " + min + " to " + max + ", got '" + value + "'");
    }

    /** Parses {@code 3600}, {@code 3600s}, {@code 90m}, {@code 12h} or {@code 365d}. */
    private Duration duration(String flag, String value) {
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
      throw usage(flag + " needs a positive duration such as 3600, 90m, 12h or 365d, got '"
          + value + "'");
    }

    /** A bad value, which picocli reports as it is, naming the flag. */
    private ParameterException usage(String message) {
      return new ParameterException(spec.commandLine(), message);
    }
  }

  /** A command line that cannot be run; the message is one line, ready for the user. */
  public static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
