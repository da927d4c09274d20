package io.statelessauth;

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
 * (repeated fields, control characters, raw non-ASCII bytes). Every character of the request is
 * written as one byte (ISO-8859-1). Reads time out after 10 s so a broken server fails the test
 * instead of hanging it.
 */
final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawHttp(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /** Sends {@code request} and reads one response on a fresh connection. */
  static Response exchange(int port, String request) throws IOException {
    try (RawHttp http = new RawHttp(port)) {
      http.send(request);
      return http.read(request.startsWith("HEAD "));
    }
  }

  /** A {@code GET path} request with these header lines (each without its CRLF). */
  static String get(String path, String... headerLines) {
    return request("GET", path, "", headerLines);
  }

  /** A request with a body (sent with its {@code Content-Length}) and these header lines. */
  static String request(String method, String path, String body, String... headerLines) {
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

  void send(String request) throws IOException {
    out.write(request.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Reads the next response; {@code head} when it answers a HEAD request and so has no body. */
  Response read(boolean head) throws IOException {
    String statusLine = readLine();
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("Not an HTTP status line: " + statusLine);
    }
    int status = Integer.parseInt(parts[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
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
      body = in.readNBytes(Integer.parseInt(length.get(0)));
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
      body.write(in.readNBytes(size));
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
    socket.close();
  }

  /** A response: header names in lower case. */
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
