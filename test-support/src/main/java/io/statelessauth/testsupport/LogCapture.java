package io.statelessauth.testsupport;

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
import java.util.stream.Collectors;

/**
 * Captures what is logged through {@code System.Logger}, which goes to java.util.logging when no
 * other backend is installed. While open, one logger (the root logger, or a named one and those
 * under it) logs down to the level asked for into this capture and prints nothing; closing puts
 * back its level and its handlers.
 */
public final class LogCapture implements AutoCloseable {
  /** The runtime's loggers: each class logs under its qualified name, in this namespace. */
  public static final String RUNTIME = "io.statelessauth";
  /** The loggers of the JDK's HTTP server. */
  public static final String JDK_SERVER = "com.sun.net.httpserver";

  /** Held strongly: java.util.logging keeps loggers only weakly. */
  private final Logger logger;
  private final Level levelBefore;
  private final boolean usedParentHandlers;
  private final Handler[] detached;
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

  private LogCapture(String loggerName, Level level) {
    logger = Logger.getLogger(loggerName);
    levelBefore = logger.getLevel();
    usedParentHandlers = logger.getUseParentHandlers();
    detached = logger.getHandlers();
    for (Handler printing : detached) {
      logger.removeHandler(printing);
    }
    logger.setUseParentHandlers(false);
    handler.setLevel(Level.ALL);
    logger.addHandler(handler);
    logger.setLevel(level);
  }

  /** Captures what {@code loggerName} and the loggers under it log at {@code level} and above. */
  public static LogCapture of(String loggerName, Level level) {
    return new LogCapture(loggerName, level);
  }

  /** Captures what every logger logs at {@code level} and above (the level of the root logger). */
  public static LogCapture everything(Level level) {
    return new LogCapture("", level);
  }

  /** Every record so far. */
  public List<LogRecord> records() {
    synchronized (records) {
      return List.copyOf(records);
    }
  }

  /** The records at {@code level} or above. */
  public List<LogRecord> atLeast(Level level) {
    return records().stream()
        .filter(r -> r.getLevel().intValue() >= level.intValue())
        .collect(Collectors.toList());
  }

  /** The records of the loggers named {@code loggerNames} and of the loggers under them. */
  public List<LogRecord> from(String... loggerNames) {
    return records().stream()
        .filter(r -> r.getLoggerName() != null && isUnderAny(r.getLoggerName(), loggerNames))
        .collect(Collectors.toList());
  }

  private static boolean isUnderAny(String name, String[] parents) {
    for (String parent : parents) {
      if (name.equals(parent) || name.startsWith(parent + ".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Waits for the next record not yet taken by this method, for lines logged after the response
   * has gone out; fails after 10 s.
   */
  public LogRecord next() throws InterruptedException {
    LogRecord record = arrivals.poll(10, TimeUnit.SECONDS);
    if (record == null) {
      throw new AssertionError("Nothing was logged within 10 s");
    }
    return record;
  }

  /** Forgets the records so far. */
  public void clear() {
    synchronized (records) {
      records.clear();
    }
    arrivals.clear();
  }

  /** Every record so far as {@link #printed(LogRecord)} shows it, one after the other. */
  public String text() {
    return printed(records());
  }

  /**
   * All a record shows when printed, whatever the formatter: logger, level, message, every
   * parameter (used by the message or not) and the stack trace of its cause.
   */
  public static String printed(LogRecord record) {
    StringWriter text = new StringWriter();
    text.append(record.getLoggerName()).append(' ').append(record.getLevel().getName()).append(' ')
        .append(String.valueOf(record.getMessage()));
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

  /** The printed form of {@code records}, one after the other, for failure messages. */
  public static String printed(List<LogRecord> records) {
    return records.stream().map(LogCapture::printed).collect(Collectors.joining("\n"));
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    for (Handler printing : detached) {
      logger.addHandler(printing);
    }
    logger.setUseParentHandlers(usedParentHandlers);
    logger.setLevel(levelBefore);
  }
}
