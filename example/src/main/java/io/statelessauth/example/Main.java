package io.statelessauth.example;

import io.statelessauth.example.accounts.AdminGrants;
import io.statelessauth.example.cli.Cli;
import io.statelessauth.example.cli.Demo;
import io.statelessauth.example.cli.Settings;
import io.statelessauth.example.storage.DatabaseUrl;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The entry point of {@code stateless-auth-example.jar}: serves the example service until stopped
 * (Ctrl-C or SIGTERM), or with {@code --demo} runs a scripted session against a fresh instance
 * and exits. {@code --help} lists the flags; a bad flag exits with status 2, a failure to start
 * or a failed demo with 1.
 */
public final class Main {

  private Main() {}

  /** What {@link #run} returns when the service was started and goes on serving. */
  static final int SERVING = -1;

  /**
   * HikariCP's and Flyway's loggers, kept to warnings unless the operator configures logging:
   * their progress lines would bury the service's own, which say what was migrated. Held here,
   * since java.util.logging forgets the level of a logger nobody references.
   */
  private static final List<Logger> LIBRARY_LOGGERS =
      List.of(Logger.getLogger("com.zaxxer.hikari"), Logger.getLogger("org.flywaydb"));

  /** Runs the command line; see {@link Cli#usage()}. */
  public static void main(String[] args) {
    System.getProperties().putIfAbsent(
        "java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
    if (System.getProperty("java.util.logging.config.file") == null) {
      LIBRARY_LOGGERS.forEach(logger -> logger.setLevel(Level.WARNING));
    }
    int status = run(args, System.out, System.err);
    if (status != SERVING) {
      System.exit(status);
    }
  }

  /**
   * Runs the command line, printing to {@code out} and {@code err}; returns the exit status, or
   * {@link #SERVING} when the service started and serves until the process is stopped. Nothing
   * printed shows a password or the query of the database URL.
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (Cli.wantsHelp(args)) {
      out.print(Cli.usage());
      return 0;
    }
    Settings settings;
    try {
      settings = Cli.parse(args);
    } catch (Cli.UsageException e) {
      err.println("stateless-auth-example: " + e.getMessage() + " (see --help)");
      return 2;
    }
    if (settings.demo()) {
      return demo(settings, out, err);
    }
    return serve(settings, out, err);
  }

  private static int serve(Settings settings, PrintStream out, PrintStream err) {
    ExampleServer server;
    try {
      server = ExampleServer.start(settings);
    } catch (AdminGrants.StartFailure e) {
      err.println("stateless-auth-example: cannot start: " + e.getMessage());
      return 1;
    } catch (IOException | SQLException | RuntimeException e) {
      err.println("stateless-auth-example: cannot start: " + DatabaseUrl.redact(e.toString()));
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      out.println("Stopped.");
    }, "shutdown"));
    out.println("stateless-auth example listening on " + server.uri() + " with database "
        + DatabaseUrl.withoutSecrets(settings.databaseUrl()) + " (Ctrl-C stops it)");
    server.metricsUri().ifPresent(metrics -> out.println("Metrics served on " + metrics));
    return SERVING;
  }

  /**
   * Starts the service on a free loopback port with a throwaway SQLite database, runs the
   * {@link Demo} against it, and deletes the database. Returns the exit status.
   */
  static int demo(Settings settings, PrintStream out, PrintStream err) {
    Path folder = null;
    try {
      folder = Files.createTempDirectory("stateless-auth-demo-");
      Settings demo = settings
          .withAddress("127.0.0.1", 0)
          .withDatabaseUrl("jdbc:sqlite:" + folder.resolve("demo.db"));
      try (ExampleServer server = ExampleServer.start(demo)) {
        out.println("Demo against " + server.uri() + " on a throwaway SQLite database");
        out.println();
        new Demo(server.uri(), settings.authConfig(), out).run();
      }
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("stateless-auth-example: demo interrupted");
      return 1;
    } catch (Demo.DemoFailure e) {
      err.println("stateless-auth-example: demo failed: " + e.getMessage());
      return 1;
    } catch (IOException | SQLException | RuntimeException e) {
      err.println("stateless-auth-example: demo failed: " + DatabaseUrl.redact(e.toString()));
      return 1;
    } finally {
      if (folder != null) {
        deleteRecursively(folder, err);
      }
    }
  }

  private static void deleteRecursively(Path folder, PrintStream err) {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      err.println("stateless-auth-example: could not delete " + folder + ": " + e);
    }
  }
}
