package io.statelessauth.benchmarks.load;

import com.sun.net.httpserver.HttpServer;
import io.statelessauth.benchmarks.Paths;
import io.statelessauth.benchmarks.app.Accounts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's {@code HttpServer} on 127.0.0.1 with {@code GET /secret} behind one authenticated
 * path and {@code GET /public}, its unauthenticated twin that does the same work, for {@code
 * load.sh} to drive with {@code wrk}. It stops by itself after the given number of seconds.
 *
 * <p>Arguments: {@code port path [workers] [seconds]}; path as {@link Paths#named};
 * workers default to the number of processors; seconds default to 600.
 */
public final class LoadServer {

  private LoadServer() {}

  /** Serves until the time is up. */
  public static void main(String[] args) throws IOException, InterruptedException {
    // Before the first HttpServer: without it every keep-alive response waits ~40 ms (JDK-6968351).
    // Left as given when set on the command line, so that the scripts can measure the trap itself.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    int port = Integer.parseInt(args[0]);
    String path = args[1];
    int workers = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    long seconds = args.length > 3 ? Long.parseLong(args[3]) : 600;

    Paths paths = new Paths();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    server.createContext("/secret", paths.named(path));
    server.createContext("/public", paths.bare());
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    server.setExecutor(pool);
    server.start();
    System.out.println("token " + Accounts.validToken());
    System.out.println("listening on http://127.0.0.1:" + port + " with /secret behind " + path
        + ", " + workers + " workers, for " + seconds + " s");
    try {
      Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
    } finally {
      server.stop(0);
      pool.shutdown();
    }
  }
}
