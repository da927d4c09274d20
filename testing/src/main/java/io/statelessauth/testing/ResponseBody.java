package io.statelessauth.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The response body stream of a {@link TestExchange}, keeping every byte written and the JDK
 * server's rules: nothing before the headers, exactly the announced length of a fixed-length body,
 * nothing after closing.
 */
final class ResponseBody extends OutputStream {
  private static final long CHUNKED = -1;

  private final TestExchange exchange;
  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private boolean headersSent;
  private long remaining;
  private boolean closed;
  private boolean finished;

  ResponseBody(TestExchange exchange) {
    this.exchange = exchange;
  }

  /** Ready for a body of exactly {@code length} bytes. */
  void fixed(long length) {
    headersSent = true;
    remaining = length;
  }

  /** Ready for a chunked body of any length. */
  void chunked() {
    headersSent = true;
    remaining = CHUNKED;
  }

  /** Forgets the response; keeps the buffer, so that the next one allocates nothing until it outgrows it. */
  void reset() {
    written.reset();
    headersSent = false;
    remaining = 0;
    closed = false;
    finished = false;
  }

  /** Every byte written. */
  byte[] bytes() {
    return written.toByteArray();
  }

  /** Whether the body was closed complete: the response is finished. */
  boolean finished() {
    return finished;
  }

  @Override
  public void write(int b) throws IOException {
    checkOpen();
    if (remaining == 0) {
      throw new IOException("stream closed: all bytes of the announced length were written");
    }
    written.write(b);
    if (remaining != CHUNKED) {
      remaining--;
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return;
    }
    checkOpen();
    if (remaining != CHUNKED && len > remaining) {
      throw new IOException("too many bytes to write to stream");
    }
    written.write(b, off, len);
    if (remaining != CHUNKED) {
      remaining -= len;
    }
  }

  @Override
  public void flush() throws IOException {
    checkHeadersSent();
  }

  @Override
  public void close() throws IOException {
    checkHeadersSent();
    if (closed) {
      return;
    }
    closed = true;
    if (remaining > 0) {
      exchange.close();
      throw new IOException("insufficient bytes written to stream");
    }
    finished = true;
    exchange.closeRequestBody();
  }

  private void checkHeadersSent() throws IOException {
    if (!headersSent) {
      throw new IOException("response headers not sent yet");
    }
  }

  private void checkOpen() throws IOException {
    checkHeadersSent();
    if (closed) {
      throw new IOException("stream closed");
    }
  }
}
