package io.statelessauth.testing;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a handler answered to a {@link TestRequest}: the status, the headers and the body it sent,
 * and how the exchange ended, as the JDK's {@code HttpServer} would have ended it:
 *
 * <ul>
 *   <li>{@link #complete()}: the handler sent the headers and finished the body (closed it, or the
 *       exchange); a client gets this response;
 *   <li>{@link #connectionDropped()}: the server would close the connection before the response was
 *       finished, because the handler threw an exception (see {@link #failure()}), closed the exchange
 *       without sending headers, or closed a body short of its length; a client gets an I/O error,
 *       never a status;
 *   <li>neither: the handler returned without finishing the response ({@link #status()} is -1 if it
 *       sent nothing); the server sends nothing more and a client waits until it gives up.
 * </ul>
 *
 * What an unfinished response holds (a status, headers, bytes written) is kept for the test to
 * look at, but no client would see it whole. The server's {@code Date} header is left out.
 */
public final class TestResponse {
  private final int status;
  private final Headers headers;
  private final byte[] body;
  private final boolean complete;
  private final boolean connectionDropped;
  private final Exception failure;

  /** Keeps {@code headers} and {@code body}, which the caller no longer changes. */
  TestResponse(int status, Headers headers, byte[] body, boolean complete, boolean connectionDropped,
      Exception failure) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.complete = complete;
    this.connectionDropped = connectionDropped;
    this.failure = failure;
  }

  /** The status sent with {@code sendResponseHeaders}, or -1 if none was sent. */
  public int status() {
    return status;
  }

  /** The first value of the response header {@code name} (in any case), or {@code null}. */
  public String header(String name) {
    return headers.getFirst(name);
  }

  /** Every value of the response header {@code name} (in any case), in order; empty if none. */
  public List<String> headers(String name) {
    List<String> values = headers.get(name);
    return values == null ? List.of() : Collections.unmodifiableList(values);
  }

  /** The bytes of the body written. */
  public byte[] body() {
    return body.clone();
  }

  /** The body written, decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Whether the response was finished, so that a client receives it. */
  public boolean complete() {
    return complete;
  }

  /**
   * Whether the server would have closed the connection without finishing the response: the handler
   * threw, closed the exchange before sending headers, or closed a fixed-length body short.
   */
  public boolean connectionDropped() {
    return connectionDropped;
  }

  /**
   * The exception the handler threw, which the server would only log. When the response was already
   * complete, the client got it anyway and the connection stays open.
   */
  public Optional<Exception> failure() {
    return Optional.ofNullable(failure);
  }

  /** A copy of {@code headers} that later changes to them do not reach. */
  static Headers copy(Headers headers) {
    Headers copy = new Headers();
    headers.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
    return copy;
  }

  /** Every response header by name, for a comparison; names as the server writes them. */
  Map<String, List<String>> allHeaders() {
    return new TreeMap<>(headers);
  }

  @Override
  public String toString() {
    String ending = complete ? "" : connectionDropped ? " (connection dropped)" : " (unfinished)";
    String thrown = failure == null ? "" : " after " + failure;
    return status + " " + allHeaders() + " " + bodyText() + ending + thrown;
  }
}
