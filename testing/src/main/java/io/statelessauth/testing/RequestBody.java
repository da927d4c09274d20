package io.statelessauth.testing;

import java.io.IOException;
import java.io.InputStream;

/** The request body of a {@link TestExchange}: read once, unreadable once closed, as the server's is. */
final class RequestBody extends InputStream {
  private final byte[] bytes;
  private int position;
  private boolean closed;

  RequestBody(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Unread and open again. */
  void rewind() {
    position = 0;
    closed = false;
  }

  @Override
  public int read() throws IOException {
    checkOpen();
    return position < bytes.length ? bytes[position++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    checkOpen();
    if (len == 0) {
      return 0;
    }
    if (position >= bytes.length) {
      return -1;
    }
    int count = Math.min(len, bytes.length - position);
    System.arraycopy(bytes, position, b, off, count);
    position += count;
    return count;
  }

  @Override
  public int available() throws IOException {
    checkOpen();
    return bytes.length - position;
  }

  /** Closes the stream; a read afterwards throws {@code IOException}. */
  @Override
  public void close() {
    closed = true;
  }

  private void checkOpen() throws IOException {
    if (closed) {
      throw new IOException("Stream is closed");
    }
  }
}
