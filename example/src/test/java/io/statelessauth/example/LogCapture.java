package io.statelessauth.example;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Records everything logged through {@code java.util.logging} (where {@code System.Logger} goes)
 * at every level, from the service, the library, the JDK's server and the drivers.
 */
final class LogCapture extends Handler implements AutoCloseable {

  private final Logger root = Logger.getLogger("");
  private final Level previousLevel = root.getLevel();
  private final StringBuffer text = new StringBuffer();
  private final SimpleFormatter formatter = new SimpleFormatter();

  /** Starts recording. */
  LogCapture() {
    setLevel(Level.ALL);
    root.addHandler(this);
    root.setLevel(Level.ALL);
  }

  @Override
  public void publish(LogRecord record) {
    text.append(formatter.format(record));
  }

  /** Everything recorded so far, formatted with messages, parameters and stack traces. */
  String text() {
    return text.toString();
  }

  @Override
  public void flush() {}

  /** Stops recording. */
  @Override
  public void close() {
    root.removeHandler(this);
    root.setLevel(previousLevel);
  }
}
