package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.example.ServiceClient.Pair;
import io.statelessauth.example.ServiceClient.Response;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many clients send the same request at the same instant, over their own connections, to a real
 * server on a real SQLite file: a refresh token rotates once, a revocation holds for every request
 * that starts after it returns, a name is registered once. Each race runs several times.
 */
class RaceTest {

  private static final int CLIENTS = 32;
  private static final int ROUNDS = 5;
  private static final int HAMMERS = 8;
  private static final String PASSWORD = "correct horse battery staple";

  @TempDir static Path folder;

  private static ExampleServer server;
  private static SqliteFile database;
  private static final List<ServiceClient> clients = new ArrayList<>();
  private static ExecutorService threads;

  @BeforeAll
  static void start() throws Exception {
    database = new SqliteFile(folder.resolve("race.db"));
    server = ExampleServer.start(TestSettings.sqlite(database.path()));
    for (int i = 0; i < CLIENTS; i++) {
      clients.add(new ServiceClient(server.uri()));
    }
    threads = Executors.newFixedThreadPool(CLIENTS + HAMMERS);
  }

  @AfterAll
  static void stop() {
    threads.shutdownNow();
    server.close();
  }

  /** Sends {@code request.apply(i)} from client {@code i} of every client, all released at once. */
  private static List<Response> atOnce(IntFunction<Response> request) throws Exception {
    CyclicBarrier start = new CyclicBarrier(CLIENTS);
    List<Callable<Response>> senders = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      int client = i;
      senders.add(() -> {
        start.await(30, TimeUnit.SECONDS);
        return request.apply(client);
      });
    }
    List<Response> responses = new ArrayList<>();
    for (Future<Response> response : threads.invokeAll(senders)) {
      responses.add(response.get());
    }
    return responses;
  }

  private static Map<Integer, Integer> statuses(List<Response> responses) {
    Map<Integer, Integer> count = new TreeMap<>();
    for (Response response : responses) {
      count.merge(response.status(), 1, Integer::sum);
    }
    return count;
  }

  private static String newUser(String name) {
    assertEquals(201, clients.get(0).register(name, PASSWORD).status());
    return name;
  }

  /**
   * One refresh token sent by many clients at once is a refresh token presented again after it
   * was consumed: it rotates once, and the replays revoke the family, the pair handed out too.
   */
  @RepeatedTest(ROUNDS)
  void oneRefreshTokenSentByManyClientsAtOnceRotatesExactlyOnceAndTheReplaysRevokeTheFamily()
      throws Exception {
    String username = newUser("rotating" + System.nanoTime());
    Pair old = clients.get(0).login(username, PASSWORD);
    Pair otherLogin = clients.get(0).login(username, PASSWORD);

    List<Response> responses = atOnce(i -> clients.get(i).refresh(old.refresh()));

    assertEquals(Map.of(201, 1, 401, CLIENTS - 1), statuses(responses));
    Pair rotated = responses.stream().filter(r -> r.status() == 201)
        .map(ServiceClient::pair).findFirst().orElseThrow();
    assertEquals(401, clients.get(0).bearer("GET", "/whoami", rotated.access()).status());
    assertEquals(401, clients.get(0).bearer("GET", "/whoami", old.access()).status());
    assertEquals(200, clients.get(0).bearer("GET", "/whoami", otherLogin.access()).status());
    assertEquals(1, database.pairsOf(username), "only the other login's pair is left");
  }

  @RepeatedTest(ROUNDS)
  void oneRefreshTokenQueuedByManyClientsBehindAnotherWriterRotatesExactlyOnceAndRevokesTheFamily()
      throws Exception {
    String username = newUser("queued" + System.nanoTime());
    Pair old = clients.get(0).login(username, PASSWORD);

    // While another writer holds the lock, every worker loads the token, then waits for the lock
    // inside its rotation; releasing it makes all of them race for the same pair at once.
    Future<List<Response>> racing;
    AutoCloseable lock = database.writeLock();
    try {
      racing = threads.submit(() -> atOnce(i -> clients.get(i).refresh(old.refresh())));
      awaitWorkersInside("TokenStore", "rotate", Settings.defaults().workerThreads());
    } finally {
      lock.close();
    }
    List<Response> responses = racing.get();

    assertEquals(Map.of(201, 1, 401, CLIENTS - 1), statuses(responses));
    assertEquals(0, database.pairsOf(username), "the replays revoked the pair handed out");
  }

  /** Waits, at most 30 s, until {@code count} request threads are inside that method. */
  private static void awaitWorkersInside(String simpleClassName, String method, int count) {
    String className = RaceTest.class.getPackageName() + "." + simpleClassName;
    Instant deadline = Instant.now().plusSeconds(30);
    long inside = 0;
    while (inside < count) {
      assertTrue(Instant.now().isBefore(deadline), inside + " of " + count + " workers got there");
      inside = Thread.getAllStackTraces().entrySet().stream()
          .filter(thread -> thread.getKey().getName().startsWith("http-worker-"))
          .filter(thread -> Arrays.stream(thread.getValue()).anyMatch(frame ->
              frame.getClassName().equals(className) && frame.getMethodName().equals(method)))
          .count();
    }
  }

  @RepeatedTest(ROUNDS)
  void aRevokedPairIsRefusedByEveryRequestThatStartsAfterTheRevocationReturns() throws Exception {
    Pair pair = clients.get(0).login(newUser("revoked" + System.nanoTime()), PASSWORD);
    AtomicBoolean revoked = new AtomicBoolean();
    AtomicBoolean done = new AtomicBoolean();
    CountDownLatch hammering = new CountDownLatch(HAMMERS);
    ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    List<Future<?>> hammers = new ArrayList<>();
    for (int i = 0; i < HAMMERS; i++) {
      ServiceClient client = new ServiceClient(server.uri());
      hammers.add(threads.submit(() -> {
        while (!done.get()) {
          boolean after = revoked.get();
          int status = client.bearer("GET", "/secret", pair.access()).status();
          boolean allowed = after ? status == 401 : status == 200 || status == 401;
          if (!allowed) {
            wrong.add((after ? "after" : "before") + " revocation: " + status);
          }
          hammering.countDown();
        }
      }));
    }
    assertTrue(hammering.await(30, TimeUnit.SECONDS), "the requests in flight started");

    assertEquals(200, clients.get(0).bearer("DELETE", "/delete_token", pair.access()).status());
    revoked.set(true);
    List<Response> after = atOnce(i -> i % 2 == 0
        ? clients.get(i).bearer("GET", "/whoami", pair.access())
        : clients.get(i).refresh(pair.refresh()));
    done.set(true);
    for (Future<?> hammer : hammers) {
      hammer.get();
    }

    assertEquals(Map.of(401, CLIENTS), statuses(after));
    assertEquals(List.of(), List.copyOf(wrong));
  }

  @RepeatedTest(ROUNDS)
  void concurrentRegistrationsOfOneNameCreateExactlyOneAccount() throws Exception {
    String username = "contested" + System.nanoTime();

    List<Response> responses = atOnce(i -> clients.get(i).register(username, PASSWORD + i));

    assertEquals(Map.of(201, 1, 409, CLIENTS - 1), statuses(responses));
    for (int i = 0; i < CLIENTS; i++) {
      int expected = responses.get(i).status() == 201 ? 201 : 401;
      assertEquals(expected, clients.get(0).createToken(username, PASSWORD + i).status(),
          "only the winner's password logs in");
    }
  }
}
