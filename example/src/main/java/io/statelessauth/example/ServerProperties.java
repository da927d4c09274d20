package io.statelessauth.example;

import io.statelessauth.example.cli.Settings;
import io.statelessauth.example.routes.Router;
import io.statelessauth.example.storage.Database;
import java.time.Duration;

/**
 * The JDK {@code HttpServer}'s own limits, which it reads from system properties once, when the
 * first server is created: set here before that, each only when the operator has not set it with
 * {@code -D} (except {@code nodelay}, which is always on). See "The server's limits" in the
 * example's README for what each does.
 */
final class ServerProperties {

  /** How long a client may take to send its request line, headers and body. */
  static final Duration MAX_REQUEST_TIME = Duration.ofSeconds(10);
  /**
   * How often the server looks for connections that have been idle, or sent nothing since they
   * were opened, for too long.
   */
  static final Duration CLOCK_TICK = Duration.ofSeconds(1);
  /** Time a response may take beyond what a SQLite write may wait for the lock. */
  static final Duration RESPONSE_MARGIN = Duration.ofSeconds(20);

  private ServerProperties() {}

  /** Sets the properties for a server run with {@code settings}. */
  static void apply(Settings settings) {
    // Without this, every keep-alive response waits ~40 ms for a delayed ACK (JDK-6968351).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    setIfAbsent("sun.net.httpserver.maxReqTime", MAX_REQUEST_TIME.toSeconds());
    setIfAbsent("sun.net.httpserver.maxRspTime", maxResponseTime(settings).toSeconds());
    setIfAbsent("sun.net.httpserver.clockTick", CLOCK_TICK.toMillis());
    setIfAbsent("jdk.httpserver.maxConnections", settings.maxConnections());
  }

  /**
   * How long the server waits for a response to be sent before it closes the connection: the
   * longest a handler may wait for a slot, and for SQLite's write lock or a database server's
   * answer, and a margin.
   */
  static Duration maxResponseTime(Settings settings) {
    Duration serverWait = settings.databaseTimeout().plus(Database.SOCKET_MARGIN);
    Duration databaseWait = settings.busyTimeout().compareTo(serverWait) > 0
        ? settings.busyTimeout() : serverWait;
    return Router.SLOT_WAIT.plus(databaseWait).plus(RESPONSE_MARGIN);
  }

  private static void setIfAbsent(String key, long value) {
    System.getProperties().putIfAbsent(key, Long.toString(value));
  }
}
