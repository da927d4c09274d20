import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Sends GET /whoami once with every access token of TOKENS_FILE (one a line), on CLIENTS
 * connections at once, for example/load/cache-memory.sh: afterwards the service's cache holds
 * every one of them. Prints how many were answered 200 and how long it took; exit 1 unless all.
 *
 * Usage: java CacheFill.java BASE_URI TOKENS_FILE CLIENTS
 */
public class CacheFill {
  public static void main(String[] args) throws Exception {
    URI whoami = URI.create(args[0]).resolve("/whoami");
    List<String> tokens = Files.readAllLines(Path.of(args[1]));
    int clients = Integer.parseInt(args[2]);
    AtomicInteger next = new AtomicInteger();
    AtomicIntegerArray statuses = new AtomicIntegerArray(600);
    long start = System.nanoTime();
    Thread[] threads = new Thread[clients];
    for (int c = 0; c < clients; c++) {
      threads[c] = new Thread(() -> {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i; (i = next.getAndIncrement()) < tokens.size(); ) {
          try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(whoami)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.get(i)).build(),
                HttpResponse.BodyHandlers.discarding());
            statuses.incrementAndGet(response.statusCode());
          } catch (Exception e) {
            statuses.incrementAndGet(599);
          }
        }
      });
      threads[c].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    System.out.printf("fill: %d tokens sent in %.1f s: %d answered 200, %d otherwise%n",
        tokens.size(), (System.nanoTime() - start) / 1e9, statuses.get(200),
        tokens.size() - statuses.get(200));
    System.exit(statuses.get(200) == tokens.size() ? 0 : 1);
  }
}
