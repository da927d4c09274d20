package io.statelessauth.processor.e2e;

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
 * An HTTP/1.1 client written by hand, for requests {@code java.net.http} refuses to send (repeated
 * fields, control characters, raw bytes): it sends the request's bytes as they are and reads one
 * complete response, keeping the connection alive until the server closes it. Reads time out after
 * 10 s, so a server that neither answers nor closes fails the test instead of hanging it.
 */
final class RawConnection implements AutoCloseable {
  private static final int READ_TIMEOUT_MILLIS = 10_000;

  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  RawConnection(int port) {
    this.port = port;
  }

  /**
   * Sends {@code request} (on the open connection, or a new one) and reads its response.
   *
   * @throws EOFException if the server closed the connection before the response was complete
   */
  Response exchange(byte[] request) throws IOException {
    if (socket == null) {
      socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setSoTimeout(READ_TIMEOUT_MILLIS);
      socket.setTcpNoDelay(true);
      in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    }
    try {
      out.write(request);
      out.flush();
      Response response = read();
      if ("close".equalsIgnoreCase(response.header("connection"))) {
        close();
      }
      return response;
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Whether the connection is still open for the next request. */
  boolean isOpen() {
    return socket != null;
  }

  /** Sends {@code request} on a connection of its own and returns every byte the server sent until it closed it. */
  static String everything(int port, byte[] request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(READ_TIMEOUT_MILLIS);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private Response read() throws IOException {
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
    if (status == 204 || status == 304 || status < 200) {
      body = new byte[0];
    } else if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
      body = readChunked();
    } else if (length != null) {
      int size = Integer.parseInt(length.get(0));
      body = in.readNBytes(size);
      if (body.length < size) {
        throw new EOFException("Body ended after " + body.length + " of " + size + " bytes");
      }
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
      byte[] chunk = in.readNBytes(size);
      if (chunk.length < size) {
        throw new EOFException("Chunk ended after " + chunk.length + " of " + size + " bytes");
      }
      body.write(chunk);
      readLine();
    }
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
    if (socket != null) {
      Socket closing = socket;
      socket = null;
      closing.close();
    }
  }

  /** A complete response: header names in lower case. */
  record Response(int status, Map<String, List<String>> headers, String body) {

    /** The only value of header {@code name}, or {@code null}. */
    String header(String name) {
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
