package io.statelessauth;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what the runtime (or the JDK's server) logs. It logs through {@code System.Logger}; with no other backend
 * installed that goes to java.util.logging, under the class name. While open, the records are
 * kept here instead of printed.
 */
final class LogCapture implements AutoCloseable {
  static final String LOGGER_NAME = "io.statelessauth.AbstractStatelessAuthManager";
  /** The logger of the JDK's HTTP server. */
  static final String JDK_SERVER_LOGGER_NAME = "com.sun.net.httpserver";

  /** Held strongly: java.util.logging keeps loggers only weakly. */
  private final Logger logger;
  private final boolean usedParentHandlers;
  private final List<LogRecord> records = new ArrayList<>();
  private final BlockingQueue<LogRecord> arrivals = new LinkedBlockingQueue<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      synchronized (records) {
        records.add(record);
      }
      arrivals.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  /** Captures the runtime's log. */
  LogCapture() {
    this(LOGGER_NAME);
  }

  /** Captures what {@code loggerName} logs at its configured level (INFO and above by default). */
  LogCapture(String loggerName) {
    logger = Logger.getLogger(loggerName);
    handler.setLevel(Level.ALL);
    logger.addHandler(handler);
    usedParentHandlers = logger.getUseParentHandlers();
    logger.setUseParentHandlers(false);
  }

  /** Every record so far. */
  List<LogRecord> records() {
    synchronized (records) {
      return List.copyOf(records);
    }
  }

  /**
   * Waits for the next record not yet taken by this method, for lines logged after the response
   * has gone out; fails after 10 s.
   */
  LogRecord next() throws InterruptedException {
    LogRecord record = arrivals.poll(10, TimeUnit.SECONDS);
    if (record == null) {
      throw new AssertionError("Nothing was logged");
    }
    return record;
  }

  /** All a record shows when printed: message, parameters and the stack trace of its cause. */
  static String printed(LogRecord record) {
    StringWriter text = new StringWriter();
    text.append(record.getLevel().getName()).append(' ').append(String.valueOf(record.getMessage()));
    if (record.getParameters() != null) {
      for (Object parameter : record.getParameters()) {
        text.append(' ').append(String.valueOf(parameter));
      }
    }
    if (record.getThrown() != null) {
      text.append('\n');
      record.getThrown().printStackTrace(new PrintWriter(text));
    }
    return text.toString();
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setUseParentHandlers(usedParentHandlers);
  }
}
