package io.statelessauth.example;

import com.sun.net.httpserver.HttpServer;
import io.statelessauth.AuthCache;
import io.statelessauth.AuthListener;
import io.statelessauth.example.accounts.AdminGrants;
import io.statelessauth.example.auth.RetryAfterErrorHandler;
import io.statelessauth.example.auth.StatelessAuthManager;
import io.statelessauth.example.auth.Tokens;
import io.statelessauth.example.auth.Users;
import io.statelessauth.example.cli.Settings;
import io.statelessauth.example.cli.Settings.CacheSize;
import io.statelessauth.example.metrics.MetricsEndpoint;
import io.statelessauth.example.revocation.CacheInvalidator;
import io.statelessauth.example.revocation.RevocationChannel;
import io.statelessauth.example.revocation.Revocations;
import io.statelessauth.example.routes.Router;
import io.statelessauth.example.routes.Routes;
import io.statelessauth.example.storage.ApiKeyStore;
import io.statelessauth.example.storage.Database;
import io.statelessauth.example.storage.TokenStore;
import io.statelessauth.example.storage.UserStore;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The example service, running: the database, the authentication manager with its cache, the
 * listener that hears the other instances' revocations, the routes, and a JDK {@link HttpServer}.
 *
 * <p>The JDK's server reads each request's line and headers on a thread of its executor, so a
 * client that sends a byte and stalls holds that thread. The executor therefore has a thread for
 * every connection the server accepts ({@code --max-connections}), made when needed and dropped
 * after {@value #IDLE_THREAD_SECONDS} s unused, while the {@link Router} lets only {@code
 * --threads} handlers run at once; the server closes a request that takes longer than its limit
 * to arrive (see {@link ServerProperties}). Should the executor still be full, it refuses the
 * connection, which the server then closes, instead of running it on the server's only
 * dispatcher thread, which would stop it from accepting any other.
 *
 * <p>{@link #open} makes the same service without the server, for tests that run the routes in
 * memory.
 */
public final class ExampleServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ExampleServer.class.getName());
  private static final int STOP_GRACE_SECONDS = 2;
  private static final int IDLE_THREAD_SECONDS = 30;

  private final HttpServer server;
  private final ThreadPoolExecutor workers;
  private final Service service;

  private ExampleServer(HttpServer server, ThreadPoolExecutor workers, Service service) {
    this.server = server;
    this.workers = workers;
    this.service = service;
  }

  /** Opens the database and starts serving, with the system clock. */
  public static ExampleServer start(Settings settings) throws IOException, SQLException {
    return start(settings, Clock.systemUTC());
  }

  /** Opens the database and starts serving; {@code clock} decides when tokens expire. */
  public static ExampleServer start(Settings settings, Clock clock)
      throws IOException, SQLException {
    return start(settings, clock, AuthListener.NONE);
  }

  /**
   * Opens the database and starts serving; {@code clock} decides when tokens expire, and {@code
   * listener} is told of every authentication, on the request's thread, just before its handler
   * runs (tests hold requests there).
   */
  public static ExampleServer start(Settings settings, Clock clock, AuthListener listener)
      throws IOException, SQLException {
    // The JDK reads its properties once, when the first HttpServer is created.
    ServerProperties.apply(settings);
    Service service = open(settings, clock, listener);
    try {
      HttpServer server = HttpServer.create(
          new InetSocketAddress(settings.host(), settings.port()), 0);
      server.createContext("/", service.router());
      ThreadPoolExecutor workers = workers(settings.workerThreads(), settings.maxConnections());
      server.setExecutor(workers);
      server.start();
      return new ExampleServer(server, workers, service);
    } catch (IOException | RuntimeException e) {
      service.close();
      throw e;
    }
  }

  /**
   * Opens the database and makes everything {@link #start} serves, without a socket: the routes
   * answer whoever calls {@link Service#router()}, on the caller's thread (tests call it through
   * the test kit). {@code clock} and {@code listener} as for {@link #start(Settings, Clock,
   * AuthListener)}; the listening addresses and connection limits of {@code settings} are unused.
   */
  static Service open(Settings settings, Clock clock, AuthListener listener)
      throws IOException, SQLException {
    Database database = Database.open(settings.databaseUrl(), settings.databasePassword(),
        settings.workerThreads(), settings.busyTimeout(), settings.databaseTimeout(), clock);
    RevocationChannel.Listening listening = null;
    MetricsEndpoint metrics = null;
    try {
      if (settings.metrics().enabled()) {
        metrics = MetricsEndpoint.start(settings.metrics());
        metrics.bind(database.dataSource());
      }
      CacheInvalidator invalidator = new CacheInvalidator();
      Revocations revocations = new Revocations(database, invalidator);
      UserStore users = new UserStore(database, revocations);
      TokenStore tokens = new TokenStore(database, revocations, clock,
          settings.accessTokenLifetime(), settings.refreshTokenLifetime(), settings.sessionMaxAge());
      AdminGrants.apply(users, settings.admins());
      ApiKeyStore apiKeys = new ApiKeyStore(database, revocations, clock);
      Tokens tokenLoader = new Tokens(tokens, apiKeys);
      AuthCache cache = authCache(settings.authCache());
      StatelessAuthManager.Builder builder = StatelessAuthManager.builder()
          .tokenLoader(tokenLoader)
          .userLoader(new Users(users))
          .config(settings.authConfig())
          .errorHandler(new RetryAfterErrorHandler())
          .listener(metrics == null ? listener : metrics.countBeside(listener));
      if (cache != null) {
        builder.cache(cache);
      }
      if (cache != null && metrics != null) {
        metrics.bind(cache);
      }
      StatelessAuthManager manager = builder.build();
      invalidator.bind(manager::invalidateHash, manager::invalidateAll,
          cache == null ? () -> { } : cache::renewLease);
      if (cache != null) {
        listening = database.revocationChannel().listen(invalidator);
      }
      Router router =
          Routes.table(settings, users, tokens, apiKeys, manager, cache, tokenLoader, clock);
      if (metrics != null) {
        router.observedBy(metrics.requests());
      }
      return new Service(router, database, listening, metrics);
    } catch (IOException | RuntimeException e) {
      if (listening != null) {
        listening.close();
      }
      database.close();
      if (metrics != null) {
        metrics.close();
      }
      throw e;
    }
  }

  /**
   * The authentication cache {@code size} asks for, or {@code null} when it is off. It answers
   * from memory only for {@link RevocationChannel#LEASE} after the revocation channel was last
   * confirmed, which bounds how long a revocation made elsewhere can go unheard, whatever fails.
   */
  private static AuthCache authCache(CacheSize size) {
    if (!size.enabled()) {
      return null;
    }
    return AuthCache.builder()
        .maximumSize(size.maximumSize())
        .expireAfterWrite(size.timeToLive())
        .lease(RevocationChannel.LEASE)
        .build();
  }

  /**
   * {@code threads} threads kept, up to {@code maxConnections} made when needed, no queue: a
   * request is read at once on a free thread or a new one. When all are busy the executor throws
   * {@link java.util.concurrent.RejectedExecutionException} (the default policy), and the server
   * closes that connection; it never runs the request on its dispatcher thread.
   */
  private static ThreadPoolExecutor workers(int threads, int maxConnections) {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(Math.min(threads, maxConnections), maxConnections,
        IDLE_THREAD_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(),
        task -> new Thread(task, "http-worker-" + count.incrementAndGet()),
        new ThreadPoolExecutor.AbortPolicy());
  }

  /** The address the server listens on, with the port it was given. */
  InetSocketAddress address() {
    return server.getAddress();
  }

  /** The base URI of the service, such as {@code http://127.0.0.1:8080}. */
  public URI uri() {
    InetSocketAddress address = address();
    String host = address.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + address.getPort());
  }

  /** Where the meters are served, such as {@code http://127.0.0.1:9464/metrics}; empty when off. */
  Optional<URI> metricsUri() {
    return Optional.ofNullable(service.metrics).map(MetricsEndpoint::uri);
  }

  /**
   * Stops accepting connections, gives running requests up to two seconds to finish, then stops
   * the worker threads and the revocation listener, closes the database, and stops serving the
   * meters.
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
    service.close();
  }

  /**
   * The service without its socket, made by {@link #open}: the routes, and the database and the
   * revocation listener behind them, which {@link #close()} closes.
   */
  static final class Service implements AutoCloseable {
    private final Router router;
    private final Database database;
    /** What hears the other instances' revocations; {@code null} without a cache. */
    private final RevocationChannel.Listening listening;
    /** What serves the meters; {@code null} without {@code --metrics-port}. */
    private final MetricsEndpoint metrics;

    private Service(Router router, Database database, RevocationChannel.Listening listening,
        MetricsEndpoint metrics) {
      this.router = router;
      this.database = database;
      this.listening = listening;
      this.metrics = metrics;
    }

    /** The handler of every request: it matches the route and runs it on the calling thread. */
    Router router() {
      return router;
    }

    /** Stops the revocation listener, closes the database and stops serving the meters. */
    @Override
    public void close() {
      if (listening != null) {
        listening.close();
      }
      database.close();
      if (metrics != null) {
        metrics.close();
      }
    }
  }
}
