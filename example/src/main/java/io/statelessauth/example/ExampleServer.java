package io.statelessauth.example;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The example service, running: the database, the authentication manager, the routes, and a JDK
 * {@link HttpServer} whose requests run on a bounded pool of worker threads.
 */
final class ExampleServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ExampleServer.class.getName());
  private static final int STOP_GRACE_SECONDS = 2;
  private static final int QUEUED_REQUESTS_PER_THREAD = 64;

  private final HttpServer server;
  private final ThreadPoolExecutor workers;
  private final Database database;

  private ExampleServer(HttpServer server, ThreadPoolExecutor workers, Database database) {
    this.server = server;
    this.workers = workers;
    this.database = database;
  }

  /** Opens the database and starts serving, with the system clock. */
  static ExampleServer start(Settings settings) throws IOException, SQLException {
    return start(settings, Clock.systemUTC());
  }

  /** Opens the database and starts serving; {@code clock} decides when tokens expire. */
  static ExampleServer start(Settings settings, Clock clock) throws IOException, SQLException {
    // Without this, every keep-alive response waits ~40 ms for a delayed ACK (JDK-6968351).
    // The JDK reads the property once, when the first HttpServer is created.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Database database = Database.open(
        settings.databaseUrl(), settings.workerThreads(), settings.busyTimeout(), clock);
    try {
      HttpServer server = HttpServer.create(
          new InetSocketAddress(settings.host(), settings.port()), 0);
      server.createContext("/", router(settings, database, clock));
      ThreadPoolExecutor workers = workers(settings.workerThreads());
      server.setExecutor(workers);
      server.start();
      return new ExampleServer(server, workers, database);
    } catch (IOException | RuntimeException e) {
      database.close();
      throw e;
    }
  }

  private static Router router(Settings settings, Database database, Clock clock) {
    UserStore users = new UserStore(database);
    TokenStore tokens = new TokenStore(database, clock,
        settings.accessTokenLifetime(), settings.refreshTokenLifetime());
    StatelessAuthManager manager = StatelessAuthManager.builder()
        .tokenLoader(new Tokens(tokens))
        .userLoader(new Users(users))
        .config(settings.authConfig())
        .errorHandler(new RetryAfterErrorHandler())
        .build();
    PublicRoutes open = new PublicRoutes(
        new Accounts(users, tokens, new Passwords(settings.passwordIterations())));
    AuthenticatedMemberRoutes members =
        new AuthenticatedMemberRoutes(new MemberRoutes(users, tokens), manager);
    return new Router()
        .route("GET", "/", open::hello)
        .route("POST", "/user", open::register)
        .route("DELETE", "/user", members.deleteUser())
        .route("POST", "/create_token", open::createToken)
        .route("DELETE", "/delete_token", members.deleteToken())
        .route("PUT", "/refresh_token", members.refreshToken())
        .route("GET", "/secret", members.secret())
        .route("GET", "/whoami", members.whoami())
        .route("GET", "/no_current_stateless_user", open::noCurrentUser);
  }

  /**
   * A fixed pool with a bounded queue; when the queue is full the server's dispatcher thread runs
   * the request itself, which stops it accepting more until it is done.
   */
  private static ThreadPoolExecutor workers(int threads) {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(threads * QUEUED_REQUESTS_PER_THREAD),
        task -> new Thread(task, "http-worker-" + count.incrementAndGet()),
        new ThreadPoolExecutor.CallerRunsPolicy());
  }

  /** The address the server listens on, with the port it was given. */
  InetSocketAddress address() {
    return server.getAddress();
  }

  /** The base URI of the service, such as {@code http://127.0.0.1:8080}. */
  URI uri() {
    InetSocketAddress address = address();
    String host = address.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + address.getPort());
  }

  /**
   * Stops accepting connections, gives running requests up to two seconds to finish, then stops
   * the worker threads and closes the database.
   */
  @Override
  public void close() {
    server.stop(STOP_GRACE_SECONDS);
    workers.shutdown();
    try {
      if (!workers.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
        LOG.log(Level.WARNING, "Requests still running after the grace period; interrupting them");
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    database.close();
  }
}
