package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that open a connection, send one byte and stall neither starve the other clients nor
 * stay forever. The service runs in a process of its own, started as users start it, because the
 * JDK's server reads its limits once per process, when the first server is created. How fast the
 * others are served with 100 such connections open is measured by
 * {@code example/load/slow-clients.sh}, not here.
 */
class SlowClientTest {

  private static final Pattern LISTENING =
      Pattern.compile("listening on (http://[^ ]+) with database");
  private static final int STALLED = 24;

  @TempDir Path folder;

  @Test
  void stalledConnectionsBeyondTheHandlerThreadsNeitherBlockOthersNorStayOpen() throws Exception {
    Process service = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "--port", "0", "--threads", "4",
        "--db", "jdbc:sqlite:" + folder.resolve("slow.db"))
        .redirectErrorStream(true)
        .start();
    List<Socket> stalled = new ArrayList<>();
    try {
      URI base = awaitListening(service);
      for (int i = 0; i < STALLED; i++) {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        OutputStream out = socket.getOutputStream();
        out.write('G');
        out.flush();
        stalled.add(socket);
      }

      HttpResponse<String> answer = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(base.resolve("/")).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());

      assertEquals(200, answer.statusCode());
      assertEquals("hello", answer.body());
      Duration limit = ServerProperties.MAX_REQUEST_TIME.plus(Duration.ofSeconds(10));
      for (Socket socket : stalled) {
        assertTrue(closedByTheServerWithin(socket, limit), "a stalled connection stayed open");
      }
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
      service.destroy();
      service.waitFor();
    }
  }

  private static URI awaitListening(Process service) throws IOException {
    BufferedReader lines = new BufferedReader(
        new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = lines.readLine()) != null; ) {
      Matcher matcher = LISTENING.matcher(line);
      if (matcher.find()) {
        return URI.create(matcher.group(1));
      }
    }
    throw new AssertionError("the service exited without listening");
  }

  /** Whether the server closes {@code socket} (end of stream or reset) within {@code limit}. */
  private static boolean closedByTheServerWithin(Socket socket, Duration limit) throws IOException {
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline)) {
      socket.setSoTimeout((int) Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
      try {
        if (socket.getInputStream().read() == -1) {
          return true;
        }
      } catch (java.net.SocketTimeoutException e) {
        return false;
      } catch (IOException reset) {
        return true;
      }
    }
    return false;
  }
}
