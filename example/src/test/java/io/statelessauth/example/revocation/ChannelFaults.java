package io.statelessauth.example.revocation;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Faults in the connections of this JVM's revocation listener or poller, injected where a driver
 * would cause them: a JDBC driver, put ahead of the real ones, that hands out the real driver's
 * connections and, on the threads whose name starts with {@value #CHANNEL_THREADS} (the
 * listener's and the poller's, which open their connections themselves), wraps them so that a
 * test can make their calls throw, or opens them at another address (a {@link TcpProxy}).
 * Connections opened on any other thread are the real driver's, untouched. A JVM under test has
 * one instance in it; the other instance, whose channel is healthy, runs in a process of its own.
 */
final class ChannelFaults implements Driver {

  static final String CHANNEL_THREADS = "revocation-";

  private static final ChannelFaults INSTANCE = new ChannelFaults();
  /** Calls that still work while every call fails, so that a broken connection can be closed. */
  private static final Set<String> ALWAYS_ANSWERED = Set.of("close", "abort", "isClosed");

  private volatile Supplier<? extends Throwable> failure;
  private volatile String failingSql;
  private volatile UnaryOperator<String> address = UnaryOperator.identity();

  private ChannelFaults() {}

  /** The driver, first in {@link DriverManager}'s list. */
  static synchronized ChannelFaults install() throws SQLException {
    List<Driver> drivers = Collections.list(DriverManager.getDrivers());
    if (!drivers.isEmpty() && drivers.get(0) == INSTANCE) {
      return INSTANCE;
    }
    for (Driver driver : drivers) {
      DriverManager.deregisterDriver(driver);
    }
    DriverManager.registerDriver(INSTANCE);
    for (Driver driver : drivers) {
      if (driver != INSTANCE) {
        DriverManager.registerDriver(driver);
      }
    }
    return INSTANCE;
  }

  /**
   * Until the returned handle is closed, the channel's connections throw what {@code failure}
   * makes at every call (and opening one throws it too), {@code close} and {@code abort} aside.
   */
  AutoCloseable failEveryCall(Supplier<? extends Throwable> failure) {
    this.failingSql = null;
    this.failure = failure;
    return this::heal;
  }

  /**
   * Until the returned handle is closed, the channel's statements whose SQL contains {@code sql}
   * fail with an {@link SQLException} as they are prepared or run; everything else works.
   */
  AutoCloseable failStatements(String sql) {
    this.failingSql = sql;
    this.failure = () -> new SQLException("injected fault in: " + sql);
    return this::heal;
  }

  /** From now on, the channel's connections are opened at the URL {@code address} makes. */
  void reroute(UnaryOperator<String> address) {
    this.address = address;
  }

  /** No more faults, and the channel's connections opened where they were asked for. */
  void heal() {
    failure = null;
    failingSql = null;
  }

  /** Also forgets any rerouting. */
  void reset() {
    heal();
    address = UnaryOperator.identity();
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!Thread.currentThread().getName().startsWith(CHANNEL_THREADS)) {
      return null;
    }
    if (failure != null && failingSql == null) {
      throw sneaky(failure.get());
    }
    String target = address.apply(url);
    Connection real = null;
    for (Driver driver : Collections.list(DriverManager.getDrivers())) {
      if (driver != this && driver.acceptsURL(target)) {
        real = driver.connect(target, info);
        break;
      }
    }
    if (real == null) {
      throw new SQLException("No driver for the channel's connection");
    }
    return (Connection) wrap(real, Connection.class, null);
  }

  private Object wrap(Object real, Class<?> type, String sql) {
    Class<?>[] types = real instanceof org.postgresql.PGConnection && type == Connection.class
        ? new Class<?>[] {Connection.class, org.postgresql.PGConnection.class}
        : new Class<?>[] {type};
    return Proxy.newProxyInstance(getClass().getClassLoader(), types, new Faulty(real, sql));
  }

  /** Calls the real object, unless a fault applies; wraps the statements it hands out. */
  private final class Faulty implements InvocationHandler {
    private final Object real;
    private final String sql;

    Faulty(Object real, String sql) {
      this.real = real;
      this.sql = sql;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String statementSql = sql;
      if (args != null && args.length > 0 && args[0] instanceof String text
          && (method.getName().startsWith("prepare") || method.getName().startsWith("execute"))) {
        statementSql = text;
      }
      Supplier<? extends Throwable> fault = failure;
      String faultySql = failingSql;
      if (fault != null && !ALWAYS_ANSWERED.contains(method.getName())
          && (faultySql == null || statementSql != null && statementSql.contains(faultySql))) {
        throw fault.get();
      }
      if (method.getName().equals("unwrap") && args[0] == org.postgresql.PGConnection.class) {
        return proxy;
      }
      Object result;
      try {
        result = method.invoke(real, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      Class<?> returned = method.getReturnType();
      if (result != null && Statement.class.isAssignableFrom(returned)) {
        return wrap(result, returned, statementSql);
      }
      return result;
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T sneaky(Throwable failure) throws T {
    throw (T) failure;
  }

  @Override
  public boolean acceptsURL(String url) {
    return Thread.currentThread().getName().startsWith(CHANNEL_THREADS);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    return new DriverPropertyInfo[0];
  }

  @Override
  public int getMajorVersion() {
    return 1;
  }

  @Override
  public int getMinorVersion() {
    return 0;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }
}
