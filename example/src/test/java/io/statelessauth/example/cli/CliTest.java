package io.statelessauth.example.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.example.cli.Settings.AdminChanges;
import io.statelessauth.example.cli.Settings.CacheSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {

  @Test
  void noFlagsGiveTheDocumentedDefaults() {
    Settings settings = Cli.parse();

    assertEquals("127.0.0.1", settings.host());
    assertEquals(8080, settings.port());
    assertEquals("jdbc:sqlite:stateless-auth-example.db", settings.databaseUrl());
    assertEquals(Duration.ofSeconds(3600), settings.accessTokenLifetime());
    assertEquals(Duration.ofDays(14), settings.refreshTokenLifetime());
    assertEquals(Duration.ofDays(30), settings.sessionMaxAge());
    assertEquals(600_000, settings.passwordIterations());
    assertEquals(16, settings.workerThreads());
    assertEquals(512, settings.maxConnections());
    assertEquals(Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
        settings.limits().hashSlots());
    assertEquals(5, settings.limits().failedLoginsPerName());
    assertEquals(20, settings.limits().failedLoginsPerAddress());
    assertEquals(10, settings.limits().registrationsPerAddress());
    assertEquals(Duration.ofSeconds(10), settings.busyTimeout());
    assertEquals(Duration.ofSeconds(3), settings.databaseTimeout());
    assertEquals("Authorization", settings.authConfig().authHeader());
    assertEquals(new CacheSize(10_000, Duration.ofSeconds(60)), settings.authCache());
    assertEquals(AdminChanges.NONE, settings.admins());
    assertFalse(settings.demo());
  }

  @Test
  void theAuthCacheFlagsSetItsSizeAndLifetimeAndSizeZeroTurnsItOff() {
    assertEquals(new CacheSize(500, Duration.ofMinutes(5)),
        Cli.parse("--auth-cache-size", "500", "--auth-cache-ttl=5m").authCache());
    assertFalse(Cli.parse("--auth-cache-size=0").authCache().enabled());
    assertTrue(Cli.parse().authCache().enabled());
  }

  @Test
  void adminFlagsRepeatOncePerNameSinceNamesMayHoldCommas() {
    Settings settings = Cli.parse("--admin", "ada", "--admin=smith, john", "--revoke-admin", "bob",
        "--revoke-admin", "carol", "--admin", "ada");

    assertEquals(Set.of("ada", "smith, john"), settings.admins().granted());
    assertEquals(Set.of("bob", "carol"), settings.admins().revoked());
  }

  @Test
  void adminNamesAreTakenInTheFormNamesAreStoredIn() {
    assertEquals(Set.of("\u00e9ve"), Cli.parse("--admin", "e\u0301ve").admins().granted());
  }

  @Test
  void everyFlagIsReadInBothSpellings() {
    Settings settings = Cli.parse("--host", "0.0.0.0", "--port=9000",
        "--db", "jdbc:postgresql://db/auth", "--access-ttl=15m", "--refresh-ttl", "30d",
        "--threads", "4", "--pbkdf2-iterations=700000", "--busy-timeout=30s",
        "--session-max-age", "7d", "--max-connections=100", "--hash-slots", "3",
        "--failed-logins-per-name=6", "--failed-logins-per-address", "30",
        "--registrations-per-address=0", "--db-timeout", "2s", "--logins-per-name", "12");

    assertEquals("0.0.0.0", settings.host());
    assertEquals(9000, settings.port());
    assertEquals("jdbc:postgresql://db/auth", settings.databaseUrl());
    assertEquals(Duration.ofMinutes(15), settings.accessTokenLifetime());
    assertEquals(Duration.ofDays(30), settings.refreshTokenLifetime());
    assertEquals(4, settings.workerThreads());
    assertEquals(700_000, settings.passwordIterations());
    assertEquals(Duration.ofSeconds(30), settings.busyTimeout());
    assertEquals(Duration.ofDays(7), settings.sessionMaxAge());
    assertEquals(100, settings.maxConnections());
    assertEquals(new Settings.Limits(3, 6, 30, 0, 12), settings.limits());
    assertEquals(Duration.ofSeconds(2), settings.databaseTimeout());
  }

  @Test
  void theGeneratedHelpListsEveryFlagWithItsDefault() {
    String help = Cli.usage();

    for (String flag : new String[] {"--host", "--port", "--db", "--db-password-file",
        "--db-timeout", "--busy-timeout", "--access-ttl", "--refresh-ttl", "--session-max-age",
        "--threads", "--max-connections", "--pbkdf2-iterations", "--hash-slots",
        "--failed-logins-per-name", "--failed-logins-per-address", "--registrations-per-address",
        "--logins-per-name", "--api-key-header", "--auth-config", "--auth-cache-size", "--auth-cache-ttl", "--admin", "--revoke-admin",
        "--demo", "--help"}) {
      assertTrue(help.contains(flag + " ") || help.contains(flag + "="), flag + " in\n" + help);
    }
    assertTrue(help.startsWith("Usage: java -jar stateless-auth-example.jar"), help);
    assertTrue(help.contains("(default 3s)"), help);
    assertTrue(help.contains(Cli.DATABASE_PASSWORD_VARIABLE), help);
  }

  @ParameterizedTest
  @CsvSource({"90, 90", "90s, 90", "2m, 120", "2h, 7200", "1d, 86400", "1D, 86400"})
  void durationsTakeSecondsOrAUnit(String flag, long seconds) {
    assertEquals(Duration.ofSeconds(seconds), Cli.parse("--access-ttl", flag).accessTokenLifetime());
  }

  @Test
  void authConfigFileSetsTheSeedsKeys(@TempDir Path folder) throws IOException {
    Path file = Files.writeString(folder.resolve("auth.properties"),
        "AUTH_HEADER=X-Api-Token\nDEFAULT_AUTH_TYPE=Token\nREALM=example\n");

    Settings settings = Cli.parse("--auth-config", file.toString());

    assertEquals("X-Api-Token", settings.authConfig().authHeader());
    assertEquals("Token", settings.authConfig().defaultAuthType());
    assertEquals("example", settings.authConfig().realm());
  }

  @Test
  void apiKeysAreReadFromXApiKeyUnlessTheFlagNamesAnotherHeader(@TempDir Path folder) throws IOException {
    assertEquals(Map.of("X-API-Key", "ApiKey"), Cli.parse().authConfig().credentialHeaders());
    assertEquals(Map.of("X-Machine-Key", "ApiKey"),
        Cli.parse("--api-key-header", "X-Machine-Key").authConfig().credentialHeaders());
    Path file = Files.writeString(folder.resolve("auth.properties"),
        "REALM=example\nCREDENTIAL_HEADERS=X-Old-Key=ApiKey,X-Robot=Robot\n");
    Settings settings = Cli.parse("--api-key-header", "X-Key", "--auth-config", file.toString());
    assertEquals(Map.of("X-Robot", "Robot", "X-Key", "ApiKey"), settings.authConfig().credentialHeaders());
    assertEquals("example", settings.authConfig().realm());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"X Key|credentialHeader header name", "Authorization|Authorization"})
  void aBadApiKeyHeaderIsAUsageErrorNamingTheFlag(String header, String named) {
    Cli.UsageException error = assertThrows(Cli.UsageException.class,
        () -> Cli.parse("--api-key-header", header));

    assertTrue(error.getMessage().startsWith("--api-key-header " + header + ": "), error.getMessage());
    assertTrue(error.getMessage().contains(named), error.getMessage());
  }

  @Test
  void demoMayChangeTokenLifetimes() {
    Settings settings = Cli.parse("--demo", "--access-ttl", "60");

    assertTrue(settings.demo());
    assertEquals(Duration.ofSeconds(60), settings.accessTokenLifetime());
  }

  @Test
  void helpIsFoundAmongOtherFlags() {
    assertTrue(Cli.wantsHelp("--port", "1", "--help"));
    assertTrue(Cli.wantsHelp("-h"));
    assertFalse(Cli.wantsHelp("--port", "1"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--port abc              | --port needs a whole number from 0 to 65535, got 'abc'",
      "--port 70000            | --port needs a whole number from 0 to 65535, got '70000'",
      "--threads 0             | --threads needs a whole number from 1 to 1024, got '0'",
      "--pbkdf2-iterations 210000 | --pbkdf2-iterations needs a whole number from 600000 to 100000000, got '210000'",
      "--hash-slots 0          | --hash-slots needs a whole number from 1 to 1024, got '0'",
      "--failed-logins-per-name -1 | --failed-logins-per-name needs a whole number from 0 to 1000000, got '-1'",
      "--session-max-age 0     | --session-max-age needs a positive duration such as 3600, 90m, 12h or 365d, got '0'",
      "--access-ttl 0          | --access-ttl needs a positive duration such as 3600, 90m, 12h or 365d, got '0'",
      "--refresh-ttl 1y        | --refresh-ttl needs a positive duration such as 3600, 90m, 12h or 365d, got '1y'",
      "--busy-timeout 0        | --busy-timeout needs a positive duration such as 3600, 90m, 12h or 365d, got '0'",
      "--db sqlite.db          | --db needs a JDBC URL such as jdbc:sqlite:FILE (the value given does not start with jdbc:)",
      "--colour blue           | Unknown options: '--colour', 'blue'",
      "--port                  | Missing required parameter for option '--port' (PORT)",
      "serve                   | Unmatched argument at index 0: 'serve'",
      "--port 1 --port 2       | option '--port' (PORT) should be specified only once",
      "--demo --port 8080      | --demo runs on a free port with a throwaway database; drop --port",
      "--demo --db jdbc:sqlite:x.db | --demo runs on a free port with a throwaway database; drop --db",
      "--demo --admin ada      | --demo runs on a free port with a throwaway database; drop --admin",
      "--admin ada --revoke-admin ada | 'ada' is given to both --admin and --revoke-admin",
      "--admin                 | Missing required parameter for option '--admin' (NAME)",
      "--admin=                | --admin needs a user name",
      "--auth-cache-size -1    | --auth-cache-size needs a whole number from 0 to 10000000, got '-1'",
      "--auth-cache-ttl 0      | --auth-cache-ttl needs a positive duration such as 3600, 90m, 12h or 365d, got '0'",
      "--auth-cache-size 1 --auth-cache-size 2 | option '--auth-cache-size' (N) should be specified only once",
      "--db-timeout 0          | --db-timeout needs a positive duration such as 3600, 90m, 12h or 365d, got '0'",
      "@flags.txt              | Unmatched argument at index 0: '@flags.txt'",
  })
  void badCommandLinesGiveOneLineNamingTheFlag(String args, String message) {
    Cli.UsageException error =
        assertThrows(Cli.UsageException.class, () -> Cli.parse(args.split(" ")));

    assertEquals(message, error.getMessage());
  }

  @Test
  void badAuthConfigValueNamesTheKey(@TempDir Path folder) throws IOException {
    Path file = Files.writeString(folder.resolve("auth.properties"), "MAX_TOKEN_LENGTH=lots\n");

    Cli.UsageException error = assertThrows(Cli.UsageException.class,
        () -> Cli.parse("--auth-config", file.toString()));

    assertTrue(error.getMessage().contains("MAX_TOKEN_LENGTH"), error.getMessage());
    assertFalse(error.getMessage().contains("\n"), error.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"missing.properties", "bad\u0000name"})
  void unreadableAuthConfigIsAUsageError(String name, @TempDir Path folder) {
    Cli.UsageException error = assertThrows(Cli.UsageException.class,
        () -> Cli.parse("--auth-config", folder + "/" + name));

    assertTrue(error.getMessage().startsWith("--auth-config: cannot read"), error.getMessage());
  }
}
