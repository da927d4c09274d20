import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Slow-client measurement for example/load/slow-clients.sh: opens STALLED connections that each
 * send one byte and stall, then times PROBES real `GET /whoami` requests (each on a new
 * connection), then times how long the server takes to close every stalled connection.
 *
 * Usage: java SlowClients.java BASE_URI ACCESS_TOKEN STALLED PROBES CLOSE_LIMIT_SECONDS
 * Exit 0 when every probe got 200 within 1 s and every stalled connection was closed within the
 * limit; 1 otherwise.
 */
public class SlowClients {
  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    String token = args[1];
    int stalledCount = Integer.parseInt(args[2]);
    int probes = Integer.parseInt(args[3]);
    long closeLimitMillis = Long.parseLong(args[4]) * 1000;
    InetSocketAddress address = new InetSocketAddress(base.getHost(), base.getPort());

    List<Socket> stalled = new ArrayList<>();
    long opened = System.nanoTime();
    for (int i = 0; i < stalledCount; i++) {
      Socket socket = new Socket();
      socket.connect(address, 5_000);
      socket.getOutputStream().write('G');
      socket.getOutputStream().flush();
      stalled.add(socket);
    }
    System.out.printf("slow: %d connections opened, each sent one byte and stalls%n", stalledCount);
    Thread.sleep(500);

    List<Double> millis = new ArrayList<>();
    int failures = 0;
    for (int i = 0; i < probes; i++) {
      long start = System.nanoTime();
      String status = probe(address, token);
      double took = (System.nanoTime() - start) / 1e6;
      millis.add(took);
      if (!status.startsWith("HTTP/1.1 200") || took >= 1000) {
        failures++;
        System.out.printf("slow: probe %d: %s after %.1f ms%n", i + 1, status, took);
      }
    }
    Collections.sort(millis);
    System.out.printf("slow: %d probes of GET /whoami: median %.1f ms, max %.1f ms, %d over 1 s or not 200%n",
        probes, millis.get(millis.size() / 2), millis.get(millis.size() - 1), failures);

    long latestClose = 0;
    int open = 0;
    for (Socket socket : stalled) {
      long closedAt = awaitClose(socket, opened, closeLimitMillis);
      if (closedAt < 0) {
        open++;
      } else {
        latestClose = Math.max(latestClose, closedAt);
      }
      socket.close();
    }
    System.out.printf("slow: stalled connections closed by the server: %d of %d, the last %.1f s after they were opened%n",
        stalledCount - open, stalledCount, latestClose / 1000.0);
    boolean passed = failures == 0 && open == 0;
    System.out.println(passed ? "slow: PASSED" : "slow: FAILED");
    System.exit(passed ? 0 : 1);
  }

  /** The status line of a GET /whoami on a new connection. */
  private static String probe(InetSocketAddress address, String token) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(address, 5_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET /whoami HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      String text = response.toString(StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n");
      return end < 0 ? "no response" : text.substring(0, end);
    } catch (SocketTimeoutException e) {
      return "no response in 30 s";
    }
  }

  /** Milliseconds from `opened` until the server closed the socket, or -1 past the limit. */
  private static long awaitClose(Socket socket, long opened, long limitMillis) throws IOException {
    long deadline = opened / 1_000_000 + limitMillis;
    while (true) {
      long left = deadline - System.nanoTime() / 1_000_000;
      if (left <= 0) {
        return -1;
      }
      socket.setSoTimeout((int) left);
      try {
        if (socket.getInputStream().read() == -1) {
          return System.nanoTime() / 1_000_000 - opened / 1_000_000;
        }
      } catch (SocketTimeoutException e) {
        return -1;
      } catch (IOException reset) {
        return System.nanoTime() / 1_000_000 - opened / 1_000_000;
      }
    }
  }
}
