import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * What the JDK's own HttpServer does with many header fields and with one very long header, as
 * README.md's JDK section states it: run with each JDK (example/load/header-limits.sh does).
 * A plain server on a loopback port answers 200 to whatever reaches its handler; each probe sends
 * one raw request and prints what came back: a status line, a close without a response, or a
 * reset.
 */
public class HeaderLimitsProbe {
  public static void main(String[] args) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    int port = server.getAddress().getPort();
    System.out.println("JDK " + System.getProperty("java.runtime.version"));
    try {
      for (int fields : new int[] {150, 198, 199, 200, 300}) {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < fields; i++) {
          headers.append("X-Probe-").append(i).append(": v\r\n");
        }
        System.out.printf("  %d fields besides Host: %s%n", fields, send(port, headers.toString()));
      }
      for (int kilobytes : new int[] {100, 370, 390, 400, 1024}) {
        String header = "X-Probe: " + "a".repeat(kilobytes * 1024) + "\r\n";
        System.out.printf("  one %d kB header: %s%n", kilobytes, send(port, header));
      }
    } finally {
      server.stop(0);
    }
  }

  private static String send(int port, String headers) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(("GET / HTTP/1.1\r\nHost: localhost\r\n" + headers + "Connection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException e) {
        return "the server reset the connection while the request was sent (" + e.getMessage() + ")";
      }
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      try {
        socket.getInputStream().transferTo(response);
      } catch (SocketTimeoutException e) {
        return "no answer within 10 s";
      } catch (IOException e) {
        if (response.size() == 0) {
          return "connection reset without a response (" + e.getMessage() + ")";
        }
      }
      String text = response.toString(StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n");
      return text.isEmpty() ? "connection closed without a response"
          : end < 0 ? text : text.substring(0, end);
    }
  }
}
