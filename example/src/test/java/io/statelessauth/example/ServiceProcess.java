package io.statelessauth.example;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service started as an operator starts it, {@code java ... Main --flags}, in a process of
 * its own: a second instance over a SQLite file that shares nothing with the test's JVM but the
 * file. It listens on a free loopback port; {@link #close()} stops it with SIGTERM, as Ctrl-C
 * would.
 */
final class ServiceProcess implements AutoCloseable {

  private static final Pattern LISTENING =
      Pattern.compile("^stateless-auth example listening on (http://\\S+) ");

  private final Process process;
  private final URI uri;
  private final StringBuilder output;

  private ServiceProcess(Process process, URI uri, StringBuilder output) {
    this.process = process;
    this.uri = uri;
    this.output = output;
  }

  /**
   * Starts {@code Main} with {@code --host 127.0.0.1 --port 0 --db jdbc:sqlite:<database>} and
   * {@code flags}, and waits up to 60 s until it says where it listens.
   */
  static ServiceProcess start(Path database, String... flags) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "--host", "127.0.0.1", "--port", "0", "--db", "jdbc:sqlite:" + database));
    command.addAll(List.of(flags));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    StringBuilder output = new StringBuilder();
    CompletableFuture<URI> listening = new CompletableFuture<>();
    Thread reader = new Thread(() -> read(process, output, listening), "service-process-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new ServiceProcess(process, listening.get(60, TimeUnit.SECONDS), output);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new IllegalStateException("The service process did not start: " + e + "\n" + output, e);
    }
  }

  private static void read(Process process, StringBuilder output, CompletableFuture<URI> listening) {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        synchronized (output) {
          output.append(line).append('\n');
        }
        Matcher matcher = LISTENING.matcher(line);
        if (matcher.find()) {
          listening.complete(URI.create(matcher.group(1)));
        }
      }
      listening.completeExceptionally(
          new IllegalStateException("exited with status " + process.waitFor()));
    } catch (IOException e) {
      listening.completeExceptionally(new UncheckedIOException(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The base URI of the service. */
  URI uri() {
    return uri;
  }

  /** What the process printed so far, standard output and error together. */
  String output() {
    synchronized (output) {
      return output.toString();
    }
  }

  /** Stops the process with SIGTERM, and kills it if it has not stopped within 10 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
