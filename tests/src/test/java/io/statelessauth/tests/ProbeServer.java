package io.statelessauth.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.statelessauth.AuthCache;
import io.statelessauth.CurrentStatelessUser;
import io.statelessauth.StatelessAuthConfig;
import io.statelessauth.testsupport.RawHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real {@link HttpServer} on a free loopback port with a pool of worker threads, serving the
 * generated handlers of {@link FaultyApi} (under {@code /faulty/}), {@link SecretApi} and {@link
 * MachineApi} (under {@code /either}, API keys read from {@value #KEY_HEADER}), built with
 * a {@link HeaderFaults} listener and error handler. Every handler is wrapped in a probe that
 * records, on the worker thread, how the generated handler ended and whether a user was still bound
 * afterwards; {@code /after} is a plain handler that only reports that.
 */
final class ProbeServer implements AutoCloseable {
  static {
    // JDK-6968351: without it every keep-alive response stalls ~40 ms (README, "Traps in the JDK's HttpServer").
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  static final String REALM = "probe";
  /** The header API keys ({@code ApiKey}) are read from. */
  static final String KEY_HEADER = "X-API-Key";
  /** The request header whose value names an exchange's {@link Outcome}. */
  static final String ID_HEADER = "X-Probe-Id";

  /** How one exchange ended on its worker thread; {@code id} is the request's {@value #ID_HEADER}. */
  record Outcome(String id, String path, Thread thread, Throwable escaped, Object userAfter, Object typedUserAfter) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
  private final BlockingQueue<Throwable> uncaught = new LinkedBlockingQueue<>();

  /**
   * A server whose handlers run on {@code threads} worker threads, or with {@code 0} on the JDK's
   * default executor, which runs them on the server's dispatcher thread.
   */
  ProbeServer(int threads) throws IOException {
    this(threads, null);
  }

  /**
   * The same, its manager answering from {@code cache} ({@code null}: none); CORS preflights are
   * answered 204 by a preflight handler, without authentication.
   */
  ProbeServer(int threads, AuthCache cache) throws IOException {
    executor = threads == 0 ? null : Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "probe-worker");
      thread.setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
      return thread;
    });
    HeaderFaults faults = new HeaderFaults();
    StatelessAuthManager.Builder builder = StatelessAuthManager.builder()
        .tokenLoader(new StoreTokens())
        .userLoader(new StoreUsers())
        .config(StatelessAuthConfig.builder().realm(REALM).credentialHeader(KEY_HEADER, "ApiKey")
            .preflightHandler(exchange -> {
              exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "https://app.example");
              exchange.sendResponseHeaders(204, -1);
              exchange.close();
            })
            .build())
        .listener(faults)
        .errorHandler(faults);
    if (cache != null) {
      builder.cache(cache);
    }
    StatelessAuthManager manager = builder.build();
    AuthenticatedFaultyApi faulty = new AuthenticatedFaultyApi(new FaultyApi(), manager);
    AuthenticatedSecretApi secret = new AuthenticatedSecretApi(new SecretApi(), manager);
    AuthenticatedMachineApi machines = new AuthenticatedMachineApi(new MachineApi(), manager);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    route("/faulty/ok", faulty.ok());
    route("/faulty/echo", faulty.echo());
    route("/faulty/echoEither", faulty.echoEither());
    route("/faulty/failBeforeResponse", faulty.failBeforeResponse());
    route("/faulty/failAfterHeaders", faulty.failAfterHeaders());
    route("/faulty/failMidChunkedBody", faulty.failMidChunkedBody());
    route("/faulty/refuse", faulty.refuse());
    route("/faulty/failWithIOException", faulty.failWithIOException());
    route("/secret", secret.secret());
    route("/admin", secret.admin());
    route("/greet", secret.greet());
    route("/staff", secret.staff());
    route("/either", machines.either());
    route("/either-optional", machines.eitherOptional());
    route("/either-admin", machines.eitherAdmin());
    route("/either-staff", machines.eitherStaff());
    route("/after", exchange -> SecretApi.send(exchange, 200,
        CurrentStatelessUser.get() + " " + StatelessAuthManager.currentUser()));
    server.createContext("/plain", exchange -> SecretApi.send(exchange, 200, "plain"));
    server.start();
  }

  /**
   * Whether this JDK's server answers a header value holding a control character (other than a
   * tab) with its own 400, before any handler: 17.0.19 and 25.0.3 pass such values through, 17.0.21
   * refuses them. Probed with a header nobody reads, on a route without authentication.
   */
  boolean refusesControlCharactersInValues() throws IOException {
    String probe = "GET /plain HTTP/1.1\r\nHost: probe\r\nConnection: close\r\nX-Probe: a\u0001b\r\n\r\n";
    String answer = RawHttp.everything(port(), probe.getBytes(StandardCharsets.ISO_8859_1));
    return answer.startsWith("HTTP/1.1 400 ");
  }

  private void route(String path, HttpHandler handler) {
    server.createContext(path, exchange -> {
      Throwable escaped = null;
      try {
        handler.handle(exchange);
      } catch (Throwable thrown) {
        escaped = thrown;
        throw thrown;
      } finally {
        outcomes.add(new Outcome(exchange.getRequestHeaders().getFirst(ID_HEADER), path, Thread.currentThread(), escaped,
            CurrentStatelessUser.get(), StatelessAuthManager.currentUser()));
      }
    });
  }

  int port() {
    return server.getAddress().getPort();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  /** How the next exchange ended; fails after 30 s, so a handler that never ends fails the test. */
  Outcome nextOutcome() throws InterruptedException {
    Outcome outcome = outcomes.poll(30, TimeUnit.SECONDS);
    assertNotNull(outcome, "no exchange ended within 30 s");
    return outcome;
  }

  /**
   * How the exchange of the request with {@value #ID_HEADER} {@code id} ended, passing over those of
   * earlier requests that ended late; fails after 30 s.
   */
  Outcome outcomeOf(String id) throws InterruptedException {
    while (true) {
      Outcome outcome = nextOutcome();
      if (id.equals(outcome.id())) {
        return outcome;
      }
    }
  }

  /**
   * The next throwable that ended a worker thread (the JDK rethrows every {@code Error} out of its
   * exchange task); fails after 30 s.
   */
  Throwable nextUncaught() throws InterruptedException {
    Throwable thrown = uncaught.poll(30, TimeUnit.SECONDS);
    assertNotNull(thrown, "no worker thread ended within 30 s");
    return thrown;
  }

  /** What ended worker threads so far and was not yet taken by {@link #nextUncaught}. */
  List<Throwable> uncaught() {
    return List.copyOf(uncaught);
  }

  @Override
  public void close() throws InterruptedException {
    server.stop(0);
    if (executor != null) {
      executor.shutdownNow();
      executor.awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
