package io.statelessauth.example.revocation;

import io.statelessauth.example.ExampleServer;
import io.statelessauth.example.cli.Settings;
import io.statelessauth.example.cli.Settings.AdminChanges;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.ServiceClient.Response;
import io.statelessauth.example.testsupport.ServiceProcess;
import io.statelessauth.example.testsupport.SqliteFile;
import io.statelessauth.example.testsupport.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Staleness under faults, for example/load/revocation-staleness.sh: how long an instance whose
 * revocation channel is broken goes on accepting a token revoked on another instance. Runs on
 * the example's test classes (the fault helpers of the fault tests: {@link ChannelFaults}, {@link
 * TcpProxy}, {@link ThrowawayPostgres}, {@link ServiceProcess}).
 *
 * Usage: java ... io.statelessauth.example.revocation.RevocationStaleness sqlite|postgres
 *   FAULT_RUNS HEALTHY_RUNS RESULTS_FILE
 *
 * A probed instance runs in this JVM, a revoking one in a process of its own, over a new SQLite
 * file or a new PostgreSQL server. Each run: a new token held in the probed instance's cache
 * (two requests in a row answered from it), the fault begins, the token is revoked on the other
 * instance, and requests with it are sent to the probed one back to back; the staleness runs from
 * the revoking response to the first 401. The fault ends, and the next run waits until the cache
 * answers again. "none" is the healthy channel: the revocation latency. Appends a line per fault
 * (p50, p99, max, the bound and how many runs exceeded it) to RESULTS_FILE and prints it. Exit 0
 * when no run exceeded the bound, 1 otherwise. Prints no token.
 */
public final class RevocationStaleness {

  private static final String OPS = "ops";
  private static final String PASSWORD = "correct horse battery staple";
  private static final Duration GIVE_UP = Duration.ofSeconds(15);
  private static final Pattern HOST_AND_PORT =
      Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?/");

  /** A fault: what begins it, returning what ends it. */
  @FunctionalInterface
  private interface Fault {
    AutoCloseable begin() throws Exception;
  }

  private ServiceClient probed;
  private ServiceClient revoker;
  private String opsToken;
  private int users;

  public static void main(String[] args) throws Exception {
    String database = args[0];
    int faultRuns = Integer.parseInt(args[1]);
    int healthyRuns = Integer.parseInt(args[2]);
    Path results = Path.of(args[3]);
    boolean passed = database.equals("sqlite")
        ? new RevocationStaleness().sqlite(faultRuns, healthyRuns, results)
        : new RevocationStaleness().postgres(faultRuns, healthyRuns, results);
    System.exit(passed ? 0 : 1);
  }

  private boolean sqlite(int faultRuns, int healthyRuns, Path results) throws Exception {
    ChannelFaults faults = ChannelFaults.install();
    Path folder = Files.createTempDirectory("revocation-staleness");
    SqliteFile file = new SqliteFile(folder.resolve("shared.db"));
    Settings settings = TestSettings.sqlite(file.path());
    try (ExampleServer first = ExampleServer.start(settings)) {
      new ServiceClient(first.uri()).register(OPS, PASSWORD);
    }
    try (ExampleServer one = ExampleServer.start(
            settings.withAdmins(new AdminChanges(Set.of(OPS), Set.of())));
        ServiceProcess two = ServiceProcess.start(file.path())) {
      serving(one, two);
      Map<String, Fault> cases = new LinkedHashMap<>();
      cases.put("error in the poller thread",
          () -> faults.failEveryCall(() -> new StackOverflowError("injected")));
      cases.put("poll query failing", () -> faults.failStatements("FROM revocation_log"));
      cases.put("file replaced", () -> {
        // The restore moves the backup into place: each run makes a new one.
        file.restore(file.backUpTo(folder.resolve("backup.db")));
        return () -> { };
      });
      return measure("sqlite", cases, faultRuns, healthyRuns, results);
    }
  }

  private boolean postgres(int faultRuns, int healthyRuns, Path results) throws Exception {
    ChannelFaults faults = ChannelFaults.install();
    try (ThrowawayPostgres server = ThrowawayPostgres.start()) {
      Matcher address = HOST_AND_PORT.matcher(server.url());
      address.find();
      try (TcpProxy proxy = new TcpProxy(address.group(1), Integer.parseInt(address.group(2)))) {
        String throughProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/";
        faults.reroute(url -> HOST_AND_PORT.matcher(url).replaceFirst(throughProxy));
        Settings settings = Settings.defaults()
            .withAddress("127.0.0.1", 0)
            .withDatabaseUrl(server.url())
            .withPasswordIterations(1_000)
            .withLimits(TestSettings.UNLIMITED);
        try (ExampleServer first = ExampleServer.start(settings)) {
          new ServiceClient(first.uri()).register(OPS, PASSWORD);
        }
        try (ExampleServer one = ExampleServer.start(
                settings.withAdmins(new AdminChanges(Set.of(OPS), Set.of())));
            ServiceProcess two = ServiceProcess.startOn(server.url())) {
          serving(one, two);
          Map<String, Fault> cases = new LinkedHashMap<>();
          cases.put("error in the listener thread",
              () -> faults.failEveryCall(() -> new OutOfMemoryError("injected")));
          cases.put("listening connection killed", () -> {
            try (Connection admin = DriverManager.getConnection(server.url());
                Statement kill = admin.createStatement()) {
              kill.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                  + " WHERE application_name = '" + PostgresRevocations.APPLICATION_NAME + "'");
            }
            return () -> { };
          });
          cases.put("listening connection black-holed", () -> {
            proxy.blackHole();
            return proxy::forward;
          });
          cases.put("server restarted", () -> {
            server.stop();
            server.startAgain();
            return () -> { };
          });
          return measure("postgres", cases, faultRuns, healthyRuns, results);
        }
      }
    }
  }

  private void serving(ExampleServer one, ServiceProcess two) {
    probed = new ServiceClient(one.uri());
    revoker = probed.at(two.uri());
    opsToken = probed.login(OPS, PASSWORD).access();
    String username = "staleness";
    probed.register(username, PASSWORD);
  }

  private boolean measure(String database, Map<String, Fault> faults, int faultRuns,
      int healthyRuns, Path results) throws Exception {
    boolean passed = report(database, "none (healthy)", runs(() -> () -> { }, healthyRuns),
        RevocationChannel.STALENESS_BOUND.dividedBy(10), results);
    for (Map.Entry<String, Fault> fault : faults.entrySet()) {
      passed &= report(database, fault.getKey(), runs(fault.getValue(), faultRuns),
          RevocationChannel.STALENESS_BOUND, results);
    }
    return passed;
  }

  private List<Double> runs(Fault fault, int count) throws Exception {
    List<Double> staleness = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Pair pair = probed.login("staleness", PASSWORD);
      awaitAnsweredFromTheCache(pair.access());
      try (AutoCloseable ending = fault.begin()) {
        staleness.add(revokeAndAwaitRefusal(pair));
      }
    }
    return staleness;
  }

  /** Milliseconds from the revoking response to the probed instance's first 401. */
  private double revokeAndAwaitRefusal(Pair pair) throws InterruptedException {
    long deadline = System.nanoTime() + GIVE_UP.toNanos();
    Response revoked = revoker.bearer("DELETE", "/delete_token", pair.access());
    while (revoked.status() == 503 && System.nanoTime() < deadline) {
      Thread.sleep(10);
      revoked = revoker.bearer("DELETE", "/delete_token", pair.access());
    }
    if (revoked.status() != 200) {
      throw new IllegalStateException("the revocation answered " + revoked.status());
    }
    long revokedAt = System.nanoTime();
    while (whoami(pair.access()) != 401) {
      if (System.nanoTime() - revokedAt > GIVE_UP.toNanos()) {
        throw new IllegalStateException("still accepted " + GIVE_UP.toSeconds() + " s later");
      }
    }
    return (System.nanoTime() - revokedAt) / 1e6;
  }

  private void awaitAnsweredFromTheCache(String access) {
    long deadline = System.nanoTime() + GIVE_UP.toNanos();
    while (true) {
      long before = hits();
      whoami(access);
      if (hits() - before == 2) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the cache does not answer again");
      }
    }
  }

  private long hits() {
    return probed.bearer("GET", "/admin/auth-cache", opsToken).json().get("hits").longValue();
  }

  private int whoami(String access) {
    return probed.bearer("GET", "/whoami", access).status();
  }

  private static boolean report(String database, String fault, List<Double> staleness,
      Duration bound, Path results) throws IOException {
    Collections.sort(staleness);
    double max = staleness.get(staleness.size() - 1);
    long over = staleness.stream().filter(millis -> millis > bound.toMillis()).count();
    String line = String.format("| %s | %s | %d | %.1f | %.1f | %.1f | %d | %d |%n", fault,
        database, staleness.size(), percentile(staleness, 50), percentile(staleness, 99), max,
        bound.toMillis(), over);
    System.out.print(line);
    Files.writeString(results, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return over == 0;
  }

  /** The nearest-rank percentile of sorted values. */
  private static double percentile(List<Double> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
