package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.example.routes.Router;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceProcess;
import io.statelessauth.testsupport.RawHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clients that send a request's headers and then stall in its body: as many
 * as the service has handler slots (16, the default), and far more, leave the public and the
 * authenticated routes answering at once, and the server closes each stalled upload when its
 * request time runs out. The service runs in a process of its own, since the JDK's server reads
 * its limits once per process.
 */
class SlowUploadTest {

  private static final String PASSWORD = "correct horse battery staple";
  /** Well under {@link Router#SLOT_WAIT}, after which a request that found no slot answers 503. */
  private static final Duration PROMPT = Duration.ofSeconds(2);

  @TempDir Path folder;

  @ParameterizedTest
  @ValueSource(ints = {16, 100})
  void stalledUploadsLeaveEveryRouteAnsweringAndAreClosedWhenTheirTimeRunsOut(int uploads)
      throws Exception {
    try (ServiceProcess service = ServiceProcess.start(folder.resolve("uploads.db"))) {
      int port = service.uri().getPort();
      ServiceClient client = new ServiceClient(service.uri());
      assertEquals(201, client.register("alice", PASSWORD).status());
      String token = client.login("alice", PASSWORD).access();
      List<Socket> stalled = new ArrayList<>();
      try {
        for (int i = 0; i < uploads; i++) {
          stalled.add(stalledUpload(port, i % 2 == 0 ? "/user" : "/create_token"));
        }
        Thread.sleep(300);

        assertPrompt(port, RawHttp.get("/no_current_stateless_user"), 200);
        assertPrompt(port, RawHttp.get("/"), 200);
        for (int i = 0; i < 4; i++) {
          assertPrompt(port, RawHttp.get("/whoami", "Authorization: Bearer " + token), 200);
        }
        // A login hashes a password, whose time depends on the machine's load: not timed.
        assertEquals(201, RawHttp.exchange(port, RawHttp.request("POST", "/create_token",
            "{\"username\": \"alice\", \"password\": \"" + PASSWORD + "\"}")).status());

        Duration limit = ServerProperties.MAX_REQUEST_TIME.plus(Duration.ofSeconds(10));
        for (Socket socket : stalled) {
          assertTrue(closedWithoutAnswerWithin(socket, limit),
              "a stalled upload was answered or stayed open");
        }
      } finally {
        for (Socket socket : stalled) {
          socket.close();
        }
      }
    }
  }

  /** A connection that declares a body of 1000 bytes, sends one, and stalls. */
  private static Socket stalledUpload(int port, String path) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    OutputStream out = socket.getOutputStream();
    out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\n{")
        .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return socket;
  }

  private static void assertPrompt(int port, String request, int status) throws IOException {
    long start = System.nanoTime();
    RawHttp.Response response = RawHttp.exchange(port, request);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(status, response.status(), request + " -> " + response.body());
    assertTrue(took.compareTo(PROMPT) < 0, request + " took " + took);
  }

  /** Whether the server closes {@code socket} (end of stream or reset) unanswered within {@code limit}. */
  private static boolean closedWithoutAnswerWithin(Socket socket, Duration limit)
      throws IOException {
    socket.setSoTimeout((int) limit.toMillis());
    try {
      return socket.getInputStream().read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }
}
