package io.statelessauth.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection written by hand, for the requests {@code java.net.http} refuses to send
 * (repeated fields, control characters, raw bytes): it sends a request's bytes as they are (a
 * {@code String} as ISO-8859-1, one byte per character) and reads one complete response, and the
 * connection stays open for the next request until the server closes it. Reads time out after
 * 10 s, so a server that neither answers nor closes fails the test instead of hanging it.
 */
public final class RawHttp implements AutoCloseable {
  private static final int READ_TIMEOUT_MILLIS = 10_000;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private boolean open = true;

  /** Opens a connection to the loopback address's {@code port}. */
  public RawHttp(int port) throws IOException {
    socket = connect(port);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  private static Socket connect(int port) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    socket.setTcpNoDelay(true);
    return socket;
  }

  /** Sends {@code request} on a connection of its own and reads its response. */
  public static Response exchange(int port, String request) throws IOException {
    try (RawHttp http = new RawHttp(port)) {
      return http.exchange(request);
    }
  }

  /** Sends {@code request} on a connection of its own and returns every byte the server sent until it closed it. */
  public static String everything(int port, byte[] request) throws IOException {
    try (Socket socket = connect(port)) {
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  /** A {@code GET path} request with these header lines (each without its CRLF). */
  public static String get(String path, String... headerLines) {
    return request("GET", path, "", headerLines);
  }

  /** A request with a body (sent with its {@code Content-Length}) and these header lines. */
  public static String request(String method, String path, String body, String... headerLines) {
    StringBuilder request = new StringBuilder()
        .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
        .append("Host: localhost\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    if (!body.isEmpty()) {
      request.append("Content-Length: ").append(body.getBytes(StandardCharsets.ISO_8859_1).length).append("\r\n");
    }
    return request.append("\r\n").append(body).toString();
  }

  /** Sends {@code request}, one byte per character, and reads its response. */
  public Response exchange(String request) throws IOException {
    return exchange(request.getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * Sends {@code request} and reads its response (without a body if it answers a HEAD). The
   * connection closes when the response says {@code Connection: close} and on any failure.
   *
   * @throws EOFException if the server closed the connection before the response was complete
   * @throws IllegalStateException if the connection has been closed
   */
  public Response exchange(byte[] request) throws IOException {
    if (!open) {
      throw new IllegalStateException("The connection is closed; open a new RawHttp");
    }
    try {
      out.write(request);
      out.flush();
      Response response = read(startsWith(request, "HEAD "));
      if ("close".equalsIgnoreCase(response.header("Connection"))) {
        close();
      }
      return response;
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Whether the connection is still open for the next request. */
  public boolean isOpen() {
    return open;
  }

  private static boolean startsWith(byte[] bytes, String prefix) {
    byte[] start = prefix.getBytes(StandardCharsets.ISO_8859_1);
    if (bytes.length < start.length) {
      return false;
    }
    for (int i = 0; i < start.length; i++) {
      if (bytes[i] != start[i]) {
        return false;
      }
    }
    return true;
  }

  private Response read(boolean head) throws IOException {
    String statusLine = readLine();
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].equals("HTTP/1.1")) {
      throw new IOException("Not an HTTP/1.1 status line: " + statusLine);
    }
    int status = Integer.parseInt(parts[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IOException("Not a header line: " + line);
      }
      headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(line.substring(colon + 1).trim());
    }
    byte[] body;
    List<String> length = headers.get("content-length");
    List<String> encoding = headers.get("transfer-encoding");
    if (head || status == 204 || status == 304 || status < 200) {
      body = new byte[0];
    } else if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
      body = readChunked();
    } else if (length != null) {
      body = readExactly(Integer.parseInt(length.get(0)), "Body");
    } else {
      body = in.readAllBytes();
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private byte[] readChunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      int size = Integer.parseInt(readLine().split(";", 2)[0].trim(), 16);
      if (size == 0) {
        while (!readLine().isEmpty()) {
          // trailers
        }
        return body.toByteArray();
      }
      body.write(readExactly(size, "Chunk"));
      readLine();
    }
  }

  private byte[] readExactly(int size, String what) throws IOException {
    byte[] bytes = in.readNBytes(size);
    if (bytes.length < size) {
      throw new EOFException(what + " ended after " + bytes.length + " of " + size + " bytes");
    }
    return bytes;
  }

  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      int b = in.read();
      if (b == -1) {
        throw new EOFException("Connection closed after: " + line);
      }
      if (b == '\n') {
        int last = line.length() - 1;
        if (last >= 0 && line.charAt(last) == '\r') {
          line.setLength(last);
        }
        return line.toString();
      }
      line.append((char) b);
    }
  }

  @Override
  public void close() throws IOException {
    open = false;
    socket.close();
  }

  /** A complete response: header names in lower case, the body decoded as UTF-8. */
  public record Response(int status, Map<String, List<String>> headers, String body) {

    /** The only value of header {@code name}, or {@code null}. */
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      if (values == null) {
        return null;
      }
      if (values.size() != 1) {
        throw new AssertionError("Expected one " + name + " header, got " + values);
      }
      return values.get(0);
    }
  }
}
