package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.ServiceClient.Response;
import io.statelessauth.example.testsupport.TestSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sixteen clients with sixteen users hammer the service at once: the user bound to a worker
 * thread never leaks into another request, and is never left bound after one.
 */
class ConcurrencyTest {

  private static final int CLIENTS = 16;
  private static final int REQUESTS_PER_CLIENT = 2_000;

  @TempDir Path folder;

  @Test
  void everyRequestSeesOnlyItsOwnUserAndNoneIsLeftBound() throws Exception {
    try (ExampleServer server = ExampleServer.start(TestSettings.sqlite(folder.resolve("c.db")))) {
      ServiceClient registrar = new ServiceClient(server.uri());
      List<Pair> pairs = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        assertEquals(201, registrar.register("user" + i, "password" + i).status());
        pairs.add(registrar.login("user" + i, "password" + i));
      }
      CyclicBarrier start = new CyclicBarrier(CLIENTS);
      List<Callable<Integer>> clients = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        String username = "user" + i;
        String token = pairs.get(i).access();
        clients.add(() -> {
          ServiceClient client = new ServiceClient(server.uri());
          start.await();
          int checked = 0;
          for (int request = 0; request < REQUESTS_PER_CLIENT / 2; request++) {
            Response whoami = client.bearer("GET", "/whoami", token);
            assertEquals(200, whoami.status(), whoami.body());
            assertEquals(username, whoami.json().get("my_username").textValue());
            Response probe = client.send("GET", "/no_current_stateless_user", null, null);
            assertEquals("None", probe.json().get("current_stateless_username").textValue());
            checked += 2;
          }
          return checked;
        });
      }
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      try {
        int checked = 0;
        for (Future<Integer> client : pool.invokeAll(clients)) {
          checked += client.get();
        }
        assertEquals(CLIENTS * REQUESTS_PER_CLIENT, checked);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
