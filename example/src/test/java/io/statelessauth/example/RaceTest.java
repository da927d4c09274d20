package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.ServiceClient.Response;
import io.statelessauth.example.testsupport.SqliteFile;
import io.statelessauth.example.testsupport.TestSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many clients send the same request at once, over their own connections, to a real server on a
 * real SQLite file: a refresh token rotates once, a revocation holds for every request that starts
 * after it returns, a name is registered once. Each race runs several times.
 *
 * <p>Where the outcome depends on the order in which the requests' steps run, the order is forced,
 * never left to chance: the {@link HandlerGate} holds requests once they are authenticated and
 * before their handler runs, until the test lets them go, all at once. So "every request was
 * authenticated with the pair before any rotated it" or "these requests were in flight during the
 * revocation" is what happened in every round, not what probably happened.
 */
class RaceTest {

  private static final int CLIENTS = 32;
  /** The requests a test holds in flight while others come and go. */
  private static final int HELD = CLIENTS / 2;
  private static final int ROUNDS = 5;
  private static final String PASSWORD = "correct horse battery staple";

  @TempDir static Path folder;

  private static final HandlerGate gate = new HandlerGate();
  private static ExampleServer server;
  private static SqliteFile database;
  private static final List<ServiceClient> clients = new ArrayList<>();
  private static ExecutorService threads;

  @BeforeAll
  static void start() throws Exception {
    database = new SqliteFile(folder.resolve("race.db"));
    // A handler for every request a test has in flight at once, held ones included.
    server = ExampleServer.start(
        TestSettings.sqlite(database.path()).withWorkerThreads(CLIENTS + HELD), Clock.systemUTC(),
        gate);
    for (int i = 0; i < CLIENTS; i++) {
      clients.add(new ServiceClient(server.uri()));
    }
    threads = Executors.newFixedThreadPool(CLIENTS + HELD);
  }

  @AfterAll
  static void stop() {
    threads.shutdownNow();
    server.close();
  }

  /** Sends {@code request.apply(i)} from each client {@code i} below {@code count}; no waiting. */
  private static List<Future<Response>> send(int count, IntFunction<Response> request) {
    List<Future<Response>> responses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int client = i;
      responses.add(threads.submit(() -> request.apply(client)));
    }
    return responses;
  }

  private static List<Response> answers(List<Future<Response>> responses) throws Exception {
    List<Response> answers = new ArrayList<>();
    for (Future<Response> response : responses) {
      answers.add(response.get(60, TimeUnit.SECONDS));
    }
    return answers;
  }

  /**
   * Sends {@code request.apply(i)} from client {@code i} of every client, all released at once by
   * a barrier, and returns the answers.
   */
  private static List<Response> atOnce(IntFunction<Response> request) throws Exception {
    CyclicBarrier start = new CyclicBarrier(CLIENTS);
    return answers(send(CLIENTS, client -> {
      try {
        start.await(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("the clients did not all start", e);
      }
      return request.apply(client);
    }));
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

  private static int whoami(String accessToken) {
    return clients.get(0).bearer("GET", "/whoami", accessToken).status();
  }

  /**
   * One refresh token sent by many clients, every request held after it loaded the token until
   * all of them have: they all found the pair, and all race to rotate it. One wins; each of the
   * others finds the pair gone, which means the token was used twice, and revokes the family,
   * the pair handed out too.
   */
  @RepeatedTest(ROUNDS)
  void oneRefreshTokenSentByManyClientsAtOnceRotatesExactlyOnceAndTheReplaysRevokeTheFamily()
      throws Exception {
    String username = newUser("rotating" + System.nanoTime());
    Pair old = clients.get(0).login(username, PASSWORD);
    Pair otherLogin = clients.get(0).login(username, PASSWORD);

    HandlerGate.Gate loaded = gate.holdNext(CLIENTS);
    List<Future<Response>> racing = send(CLIENTS, i -> clients.get(i).refresh(old.refresh()));
    loaded.awaitArrivals();
    loaded.open();
    List<Response> responses = answers(racing);

    assertEquals(Map.of(201, 1, 401, CLIENTS - 1), statuses(responses));
    Pair rotated = responses.stream().filter(r -> r.status() == 201)
        .map(ServiceClient::pair).findFirst().orElseThrow();
    assertEquals(401, whoami(rotated.access()));
    assertEquals(401, whoami(old.access()));
    assertEquals(200, whoami(otherLogin.access()));
    assertEquals(1, database.pairsOf(username), "only the other login's pair is left");
  }

  /**
   * Requests that loaded a refresh token are held while another request rotates it and is
   * answered 201; when they go on, each finds the pair gone and revokes the family, so the pair
   * just handed out stops working. Replays sent afterwards find the token consumed: 401 too.
   */
  @RepeatedTest(ROUNDS)
  void requestsThatLoadedARefreshTokenBeforeItRotatedRevokeThePairItWasRotatedInto()
      throws Exception {
    String username = newUser("overtaken" + System.nanoTime());
    Pair old = clients.get(0).login(username, PASSWORD);
    Pair otherLogin = clients.get(0).login(username, PASSWORD);

    HandlerGate.Gate loaded = gate.holdNext(HELD);
    List<Future<Response>> held = send(HELD, i -> clients.get(i).refresh(old.refresh()));
    loaded.awaitArrivals();
    Response rotation = clients.get(HELD).refresh(old.refresh());
    assertEquals(201, rotation.status(), rotation.body());
    Pair rotated = ServiceClient.pair(rotation);
    assertEquals(200, whoami(rotated.access()), "the new pair works until the held requests go on");
    loaded.open();

    assertEquals(Map.of(401, HELD), statuses(answers(held)));
    assertEquals(401, whoami(rotated.access()), "the held requests revoked the family");
    List<Response> replays = atOnce(i -> clients.get(i).refresh(old.refresh()));
    assertEquals(Map.of(401, CLIENTS), statuses(replays));
    assertEquals(200, whoami(otherLogin.access()));
    assertEquals(1, database.pairsOf(username), "only the other login's pair is left");
  }

  /**
   * Requests with the pair's access token are held in flight (token loaded, not yet answered)
   * while the pair is revoked. Every request that starts after the revocation returned is
   * refused, with the access and with the refresh token, both while those requests are still in
   * flight and after they have finished: what they loaded before does not bring the pair back.
   */
  @RepeatedTest(ROUNDS)
  void aRevokedPairIsRefusedByEveryRequestThatStartsAfterTheRevocationReturns() throws Exception {
    Pair pair = clients.get(0).login(newUser("revoked" + System.nanoTime()), PASSWORD);
    IntFunction<Response> useEitherToken = i -> i % 2 == 0
        ? clients.get(i).bearer("GET", "/whoami", pair.access())
        : clients.get(i).refresh(pair.refresh());

    HandlerGate.Gate loaded = gate.holdNext(HELD);
    List<Future<Response>> inFlight =
        send(HELD, i -> clients.get(i).bearer("GET", "/secret", pair.access()));
    loaded.awaitArrivals();
    assertEquals(200, clients.get(0).bearer("DELETE", "/delete_token", pair.access()).status());
    List<Response> whileInFlight = atOnce(useEitherToken);
    loaded.open();
    for (Response response : answers(inFlight)) {
      // They started before the revocation returned: either answer is allowed.
      assertTrue(response.status() == 200 || response.status() == 401, response.body());
    }
    List<Response> afterwards = atOnce(useEitherToken);

    assertEquals(Map.of(401, CLIENTS), statuses(whileInFlight));
    assertEquals(Map.of(401, CLIENTS), statuses(afterwards));
  }

  /**
   * Registrations of one name sent at once. Which one wins is decided by a single statement
   * ({@code INSERT ... ON CONFLICT DO NOTHING}), so no order of the requests' steps can create
   * two accounts; the test shows it with every registration arriving at the same moment.
   */
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
