package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.ServiceProcess;
import io.statelessauth.example.testsupport.SqliteFile;
import io.statelessauth.example.testsupport.TestSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service started and stopped as an operator does it, {@code java ... Main} in a process of
 * its own, against what the README says in "Running it" and "Flags and configuration keys": how
 * SIGTERM stops it, and the exit status of each way a run ends.
 *
 * <p>The README's bound for a stop, four seconds, is timed by itself in {@link
 * #closeTakesAtMostFourSecondsWhileARequestWaitsForTheWriteLock}, around {@link
 * ExampleServer#close()} in this JVM. The process tests add {@link #SLACK} to it (for the process
 * to exit, and for it to refuse connections): the JVM's own shutdown takes time on a loaded
 * machine, and they catch a stop that hangs, not one that is slow.
 */
class StartAndStopTest {

  /** What the README gives a stop: two seconds for running requests, two for their work to end. */
  private static final Duration STOP_BOUND = Duration.ofSeconds(4);
  /**
   * What closing takes after the waiting, in {@link
   * #closeTakesAtMostFourSecondsWhileARequestWaitsForTheWriteLock}: the pool and the revocation
   * listener are closed, no request is waited for.
   */
  private static final Duration CLOSING = Duration.ofSeconds(1);
  /** Added to {@link #STOP_BOUND}: a shared 2-core machine under load, JVM shutdown included. */
  private static final Duration SLACK = Duration.ofSeconds(10);
  /** A guard against a run that never ends, not a claim: far beyond a JVM start under load. */
  private static final Duration RUN_BOUND = Duration.ofSeconds(60);
  /** The JVM's status after SIGTERM: 128 + 15. */
  private static final int TERMINATED = 143;
  private static final String PASSWORD = "correct horse battery staple";
  private static final String SECRET = "hunter2-secret";

  @TempDir Path folder;

  /**
   * A request running when SIGTERM comes: a logout whose revocation waits for another writer's
   * lock. While it runs the service accepts no new connection; once the lock is released within
   * the grace, the request commits and answers; then the database is closed (SQLite removes its
   * write-ahead log when the last connection closes) and the process exits with 143.
   */
  @Test
  void sigtermRefusesNewConnectionsLetsARunningRequestAnswerThenClosesTheDatabaseAndExits()
      throws Exception {
    Path database = folder.resolve("service.db");
    SqliteFile file = new SqliteFile(database);
    try (ServiceProcess service = ServiceProcess.start(database, "--busy-timeout", "60s")) {
      Pair pair = registeredAndLoggedIn(service);
      RunningRequest logout;
      try (AutoCloseable otherWriter = file.writeLock()) {
        logout = RunningRequest.logout(service.uri(), pair.access());

        service.terminate();

        awaitRefused(service.uri());
      }
      String answer = logout.answer();
      int status = service.awaitExit(STOP_BOUND.plus(SLACK));

      assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
      assertTrue(answer.endsWith("{\"msg\":\"Success!\"}"), answer);
      assertEquals(TERMINATED, status, service.output());
      assertTrue(service.output().endsWith("Stopped.\n"), service.output());
      assertFalse(Files.exists(Path.of(database + "-wal")), "the database was not closed");
      assertEquals(0, file.pairsOf("alice"), "the running request's revocation was committed");
    }
  }

  /**
   * A request still running when the grace is over gets no answer, writes nothing, and does not
   * hold the process up beyond the README's bound.
   */
  @Test
  void sigtermCutsOffARequestStillRunningAfterTheGraceAndExitsWithinTheBound() throws Exception {
    Path database = folder.resolve("service.db");
    SqliteFile file = new SqliteFile(database);
    try (ServiceProcess service = ServiceProcess.start(database, "--busy-timeout", "60s")) {
      Pair pair = registeredAndLoggedIn(service);
      String answer;
      int status;
      try (AutoCloseable otherWriter = file.writeLock()) {
        RunningRequest logout = RunningRequest.logout(service.uri(), pair.access());

        service.terminate();

        status = service.awaitExit(STOP_BOUND.plus(SLACK));
        answer = logout.answer();
      }

      assertEquals(TERMINATED, status, service.output());
      assertEquals("", answer, "the connection was closed without an answer");
      assertTrue(service.output().endsWith("Stopped.\n"), service.output());
      assertEquals(1, file.pairsOf("alice"), "nothing of the cut-off request was written");
    }
  }

  /**
   * The stop alone, timed: a request that waits for another writer's lock (for up to a minute)
   * keeps its thread past the grace, and the stop still ends after the README's four seconds of
   * waiting at most, and {@link #CLOSING}; the grace itself is given (more than two seconds
   * pass), and the request gets no answer.
   */
  @Test
  void closeTakesAtMostFourSecondsWhileARequestWaitsForTheWriteLock() throws Exception {
    Path database = folder.resolve("service.db");
    SqliteFile file = new SqliteFile(database);
    ExampleServer server = ExampleServer.start(
        TestSettings.sqlite(database).withBusyTimeout(Duration.ofSeconds(60)));
    ServiceClient client = new ServiceClient(server.uri());
    assertEquals(201, client.register("alice", PASSWORD).status());
    Pair pair = client.login("alice", PASSWORD);
    Duration took;
    String answer;
    try (AutoCloseable otherWriter = file.writeLock()) {
      RunningRequest logout = RunningRequest.logout(server.uri(), pair.access());

      long start = System.nanoTime();
      server.close();
      took = Duration.ofNanos(System.nanoTime() - start);
      answer = logout.answer();
    }

    assertTrue(took.compareTo(STOP_BOUND.plus(CLOSING)) <= 0,
        "the stop took " + took.toMillis() + " ms");
    assertTrue(took.compareTo(Duration.ofSeconds(2)) > 0,
        "the stop gave running requests their grace: " + took.toMillis() + " ms");
    assertEquals("", answer, "the cut-off request got no answer");
  }

  @Test
  void aBadFlagExitsWithStatus2OnOneLineNamingTheFlag() throws Exception {
    ServiceProcess.Exit exit = ServiceProcess.run(RUN_BOUND, "--port", "http");

    assertEquals(2, exit.status(), exit.output());
    assertEquals("stateless-auth-example: --port needs a whole number from 0 to 65535,"
        + " got 'http' (see --help)\n", exit.output());
  }

  @Test
  void helpExitsWithStatus0() throws Exception {
    ServiceProcess.Exit exit = ServiceProcess.run(RUN_BOUND, "--help");

    assertEquals(0, exit.status(), exit.output());
    assertTrue(exit.output().contains("--pbkdf2-iterations"), exit.output());
  }

  @Test
  void aPortTakenExitsWithStatus1() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", 0));

      ServiceProcess.Exit exit = ServiceProcess.run(RUN_BOUND, "--host", "127.0.0.1",
          "--port", Integer.toString(taken.getLocalPort()),
          "--db", "jdbc:sqlite:" + folder.resolve("service.db"));

      assertEquals(1, exit.status(), exit.output());
      assertTrue(lastLine(exit.output()).startsWith("stateless-auth-example: cannot start: "
          + "java.net.BindException"), exit.output());
    }
  }

  @Test
  void anUnreachableDatabaseExitsWithStatus1WithoutShowingTheUrlsQuery() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }

    ServiceProcess.Exit exit = ServiceProcess.run(RUN_BOUND, "--port", "0", "--db",
        "jdbc:postgresql://127.0.0.1:" + closedPort + "/auth?user=auth&ApplicationName=" + SECRET);

    assertEquals(1, exit.status(), exit.output());
    assertTrue(exit.output().startsWith("stateless-auth-example: cannot start: "), exit.output());
    assertFalse(exit.output().contains(SECRET), exit.output());
    assertFalse(exit.output().contains("user=auth"), exit.output());
  }

  @Test
  void anAdminNameThatIsNotRegisteredExitsWithStatus1() throws Exception {
    ServiceProcess.Exit exit = ServiceProcess.run(RUN_BOUND, "--port", "0",
        "--db", "jdbc:sqlite:" + folder.resolve("service.db"), "--admin", "nobody");

    assertEquals(1, exit.status(), exit.output());
    assertEquals("stateless-auth-example: cannot start: --admin: no registered user named"
        + " 'nobody'; nothing was changed", lastLine(exit.output()), exit.output());
  }

  @Test
  void theDemoExitsWithStatus0WhenEveryAnswerWasTheExpectedOne() throws Exception {
    ServiceProcess.Exit exit = ServiceProcess.run(RUN_BOUND, "--demo");

    assertEquals(0, exit.status(), exit.output());
    assertTrue(exit.output().contains("Demo finished: all 19 responses were as expected."),
        exit.output());
  }

  /**
   * The last line printed: a failed start may first log that it created the schema (see "The
   * schema and its migrations" in the README).
   */
  private static String lastLine(String output) {
    String[] lines = output.strip().split("\n");
    return lines[lines.length - 1];
  }

  private static Pair registeredAndLoggedIn(ServiceProcess service) {
    ServiceClient client = new ServiceClient(service.uri());
    assertEquals(201, client.register("alice", PASSWORD).status());
    return client.login("alice", PASSWORD);
  }

  /**
   * Tries to connect until the service refuses, for at most the stop's bound and its slack: it
   * stops accepting at the start of its stop, as soon as the JVM handles the signal.
   */
  private static void awaitRefused(URI service) throws IOException, InterruptedException {
    Duration bound = STOP_BOUND.plus(SLACK);
    long deadline = System.nanoTime() + bound.toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(service.getHost(), service.getPort()), 1_000);
      } catch (ConnectException refused) {
        return;
      }
      Thread.sleep(10);
    }
    fail("the service still accepted connections " + bound.toSeconds() + " s after SIGTERM");
  }

  /**
   * {@code DELETE /delete_token} over a socket of its own, sent with {@code Expect: 100-continue}:
   * the JDK's server answers {@code 100 Continue} once it has read the request and, before
   * running its handler, counted it as running, so that the test knows the request is running
   * when it sends the signal.
   */
  private static final class RunningRequest {

    private final Socket socket;
    private final BufferedReader in;

    private RunningRequest(Socket socket) throws IOException {
      this.socket = socket;
      this.in = new BufferedReader(
          new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    static RunningRequest logout(URI service, String accessToken) throws IOException {
      Socket socket = new Socket(service.getHost(), service.getPort());
      socket.setSoTimeout((int) STOP_BOUND.plus(SLACK).toMillis());
      RunningRequest request = new RunningRequest(socket);
      OutputStream out = socket.getOutputStream();
      out.write(("DELETE /delete_token HTTP/1.1\r\nHost: " + service.getAuthority()
          + "\r\nAuthorization: Bearer " + accessToken
          + "\r\nExpect: 100-continue\r\nContent-Length: 0\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertEquals("HTTP/1.1 100 Continue", request.in.readLine());
      for (String header = request.in.readLine(); !header.isEmpty(); ) {
        header = request.in.readLine();
      }
      return request;
    }

    /** The response, status line to body, or {@code ""} when the connection closed first. */
    String answer() throws IOException {
      try (socket) {
        StringBuilder answer = new StringBuilder();
        int length = 0;
        for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
          answer.append(line).append('\n');
          if (line.toLowerCase().startsWith("content-length:")) {
            length = Integer.parseInt(line.substring("content-length:".length()).trim());
          }
        }
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
          int chunk = in.read(body, read, length - read);
          if (chunk < 0) {
            break;
          }
          read += chunk;
        }
        return answer.append(body, 0, read).toString().trim();
      } catch (SocketException reset) {
        return "";
      }
    }
  }
}
