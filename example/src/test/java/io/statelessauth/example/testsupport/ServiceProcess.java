package io.statelessauth.example.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import io.statelessauth.example.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
 * would. {@link #run} runs {@code Main} to its end instead, for its exit status.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final Pattern LISTENING =
      Pattern.compile("^stateless-auth example listening on (http://\\S+) ");

  private final Process process;
  private final URI uri;
  private final StringBuilder output;
  private final Thread reader;

  private ServiceProcess(Process process, URI uri, StringBuilder output, Thread reader) {
    this.process = process;
    this.uri = uri;
    this.output = output;
    this.reader = reader;
  }

  /**
   * Starts {@code Main} with {@code --host 127.0.0.1 --port 0 --db jdbc:sqlite:<database>} and
   * {@code flags}, and waits up to 60 s until it says where it listens.
   */
  public static ServiceProcess start(Path database, String... flags) throws IOException {
    return startOn("jdbc:sqlite:" + database, flags);
  }

  /**
   * Starts {@code Main} with {@code --host 127.0.0.1 --port 0 --db <databaseUrl>} and {@code
   * flags}, and waits up to 60 s until it says where it listens.
   */
  public static ServiceProcess startOn(String databaseUrl, String... flags) throws IOException {
    List<String> args = new ArrayList<>(List.of(
        "--host", "127.0.0.1", "--port", "0", "--db", databaseUrl));
    args.addAll(List.of(flags));
    Process process = main(args).start();
    StringBuilder output = new StringBuilder();
    CompletableFuture<URI> listening = new CompletableFuture<>();
    Thread reader = new Thread(() -> read(process, output, listening), "service-process-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new ServiceProcess(process, listening.get(60, TimeUnit.SECONDS), output, reader);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new IllegalStateException("The service process did not start: " + e + "\n" + output, e);
    }
  }

  /** What a run of {@code Main} that ended printed, standard output and error together. */
  public record Exit(int status, String output) {}

  /**
   * Runs {@code Main} with {@code args} alone, as an operator would, and waits up to {@code
   * bound} for it to exit; fails the test (and kills it) if it has not.
   */
  public static Exit run(Duration bound, String... args) throws IOException, InterruptedException {
    Process process = main(List.of(args)).start();
    CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
      try {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      fail("Main " + String.join(" ", args) + " did not exit within " + bound.toSeconds() + " s");
    }
    try {
      return new Exit(process.exitValue(), output.get(10, TimeUnit.SECONDS));
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("The output of Main could not be read", e);
    }
  }

  /** {@code java ... Main args} in the test's JDK and class path, errors merged into the output. */
  private static ProcessBuilder main(List<String> args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(args);
    return new ProcessBuilder(command).redirectErrorStream(true);
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
  public URI uri() {
    return uri;
  }

  /** What the process printed so far, standard output and error together. */
  public String output() {
    synchronized (output) {
      return output.toString();
    }
  }

  /**
   * Sends SIGTERM, as Ctrl-C or a service manager would, and returns at once. Through the process
   * handle: {@link Process#destroy()} sends the same signal but also closes the pipes, and what
   * the process prints while it stops would be lost.
   */
  public void terminate() {
    process.toHandle().destroy();
  }

  /**
   * Waits up to {@code bound} for the process to exit and returns its status, once {@link
   * #output()} holds all it printed; fails the test (and kills the process) if it has not exited
   * by then.
   */
  public int awaitExit(Duration bound) throws InterruptedException {
    if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      fail("the service did not exit within " + bound.toMillis() + " ms:\n" + output());
    }
    reader.join(TimeUnit.SECONDS.toMillis(10));
    return process.exitValue();
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
