import io.statelessauth.example.protection.Throttle;
import java.time.Clock;
import java.time.Duration;

/**
 * Heap taken by the four throttles of the service at their bound of 10 000 keys each, with names
 * of the length given (example/load/throttle-memory.sh).
 */
public class ThrottleMemory {
  public static void main(String[] args) throws Exception {
    int keys = 10_000;
    Runtime rt = Runtime.getRuntime();
    Throttle[] throttles = new Throttle[4];
    System.gc(); Thread.sleep(200); System.gc();
    long before = rt.totalMemory() - rt.freeMemory();
    String pad = "x".repeat(Integer.parseInt(args[0]));
    for (int t = 0; t < throttles.length; t++) {
      throttles[t] = new Throttle(5, Duration.ofMinutes(1), keys, Clock.systemUTC());
      for (int i = 0; i < keys * 2; i++) {
        throttles[t].record(pad + i);
      }
    }
    pad = null;
    System.gc(); Thread.sleep(200); System.gc();
    long after = rt.totalMemory() - rt.freeMemory();
    System.out.printf("4 throttles x %d keys (names of %s chars): %.2f MB, %.1f bytes per key; sizes %d%n",
        keys, args[0], (after - before) / 1e6, (after - before) / (4.0 * keys), throttles[0].size());
  }
}
