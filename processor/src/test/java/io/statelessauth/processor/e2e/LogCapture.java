package io.statelessauth.processor.e2e;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Captures every java.util.logging record, which is where {@code System.Logger} output goes when no
 * other backend is installed: the runtime's ({@code io.statelessauth.*}) and the JDK server's
 * ({@code com.sun.net.httpserver}) among them. While open, the root logger's own handlers are
 * detached, so nothing is printed, and the two named loggers log at the level asked for.
 */
final class LogCapture implements AutoCloseable {
  static final String RUNTIME = "io.statelessauth";
  static final String JDK_SERVER = "com.sun.net.httpserver";

  /** Held strongly: java.util.logging keeps loggers only weakly. */
  private final Logger root = Logger.getLogger("");
  private final Logger runtime = Logger.getLogger(RUNTIME);
  private final Logger jdkServer = Logger.getLogger(JDK_SERVER);
  private final Level runtimeLevel = runtime.getLevel();
  private final Level jdkServerLevel = jdkServer.getLevel();
  private final Handler[] detached = root.getHandlers();
  private final List<LogRecord> records = new ArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      synchronized (records) {
        records.add(record);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  /** Captures everything at INFO and above, and the two named loggers down to {@code level}. */
  LogCapture(Level level) {
    for (Handler h : detached) {
      root.removeHandler(h);
    }
    handler.setLevel(Level.ALL);
    root.addHandler(handler);
    runtime.setLevel(level);
    jdkServer.setLevel(level);
  }

  /** Every record so far. */
  List<LogRecord> records() {
    synchronized (records) {
      return List.copyOf(records);
    }
  }

  /** The records at {@code level} or above. */
  List<LogRecord> atLeast(Level level) {
    return records().stream()
        .filter(r -> r.getLevel().intValue() >= level.intValue())
        .collect(Collectors.toList());
  }

  /** The records of the runtime's and the JDK server's loggers. */
  List<LogRecord> fromServer() {
    return records().stream()
        .filter(r -> r.getLoggerName() != null
            && (r.getLoggerName().startsWith(RUNTIME) || r.getLoggerName().startsWith(JDK_SERVER)))
        .collect(Collectors.toList());
  }

  /** Forgets the records so far. */
  void clear() {
    synchronized (records) {
      records.clear();
    }
  }

  /** All a record shows when printed: logger, level, message, parameters and the cause's stack trace. */
  static String printed(LogRecord record) {
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
  static String printed(List<LogRecord> records) {
    return records.stream().map(LogCapture::printed).collect(Collectors.joining("\n"));
  }

  @Override
  public void close() {
    root.removeHandler(handler);
    for (Handler h : detached) {
      root.addHandler(h);
    }
    runtime.setLevel(runtimeLevel);
    jdkServer.setLevel(jdkServerLevel);
  }
}
