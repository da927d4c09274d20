package io.statelessauth.example.revocation;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of a test's own, which it may stop and start again: made with {@code
 * initdb} and run with {@code pg_ctl} from the newest {@code /usr/lib/postgresql/<version>/bin},
 * as the user {@code postgres} when the tests run as root (as {@code .ci/postgres.sh} does), in
 * a temporary folder on a free loopback port; {@link #close()} stops it and deletes the folder.
 * Where there is no such server the test is skipped, or fails under {@code CI=true}.
 */
final class ThrowawayPostgres implements AutoCloseable {

  private final Path bin;
  private final Path folder;
  private final int port;

  private ThrowawayPostgres(Path bin, Path folder, int port) {
    this.bin = bin;
    this.folder = folder;
    this.port = port;
  }

  /** A new server, started. */
  static ThrowawayPostgres start() throws IOException, InterruptedException {
    Path bin = binaries();
    Path folder = Files.createTempDirectory("throwaway-postgres");
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    ThrowawayPostgres server = new ThrowawayPostgres(bin, folder, port);
    if (isRoot()) {
      server.run("chown", "postgres", folder.toString());
    }
    server.run(bin.resolve("initdb").toString(), "-D", folder.resolve("data").toString(),
        "-A", "trust", "-U", "postgres");
    server.startAgain();
    return server;
  }

  private static Path binaries() {
    Path versions = Path.of("/usr/lib/postgresql");
    try (Stream<Path> installed =
        Files.isDirectory(versions) ? Files.list(versions) : Stream.of()) {
      Path bin = installed.map(version -> version.resolve("bin"))
          .filter(candidate -> Files.isExecutable(candidate.resolve("pg_ctl")))
          .max(Comparator.comparing(candidate -> Integer.parseInt(
              candidate.getParent().getFileName().toString().replaceAll("\\D", "0"))))
          .orElse(null);
      if (bin != null) {
        return bin;
      }
    } catch (IOException e) {
      // as if there were none
    }
    if ("true".equals(System.getenv("CI"))) {
      fail("CI=true, but there is no PostgreSQL server under /usr/lib/postgresql to start");
    }
    Assumptions.abort("no PostgreSQL server under /usr/lib/postgresql to start");
    return null;
  }

  /** The URL of its {@code postgres} database, as the user {@code postgres}. */
  String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
  }

  /** Stops the server at once, closing every connection ({@code pg_ctl stop -m immediate}). */
  void stop() throws IOException, InterruptedException {
    run(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(),
        "-m", "immediate", "-w", "stop");
  }

  /** Starts the server, and waits until it accepts connections. */
  void startAgain() throws IOException, InterruptedException {
    run(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(),
        "-l", folder.resolve("log").toString(), "-w",
        "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1", "start");
  }

  private void run(String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>();
    if (isRoot() && !command[0].equals("chown")) {
      line.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    line.addAll(List.of(command));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", line) + " failed: " + output);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Stops the server and deletes its folder. */
  @Override
  public void close() throws IOException, InterruptedException {
    try {
      stop();
    } catch (IOException e) {
      // already stopped
    }
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
