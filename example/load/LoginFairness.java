import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Login fairness for example/load/login-fairness.sh: one account logs in
 * with its right password in a loop on LOOPERS connections, while another account logs in once
 * a second, TRIES times, from another client address (127.0.0.2: Linux answers all of 127/8 on
 * the loopback interface). Prints the second account's success rate and latencies, and what the
 * looping account got. Prints no token.
 *
 * Usage: java LoginFairness.java BASE_URI LOOP_NAME LOOP_PASSWORD NAME PASSWORD LOOPERS TRIES
 */
public class LoginFairness {
  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    InetSocketAddress server = new InetSocketAddress(base.getHost(), base.getPort());
    String loopBody = body(args[1], args[2]);
    String body = body(args[3], args[4]);
    int loopers = Integer.parseInt(args[5]);
    int tries = Integer.parseInt(args[6]);
    InetAddress looping = InetAddress.getByName("127.0.0.1");
    InetAddress other = InetAddress.getByName("127.0.0.2");

    AtomicBoolean running = new AtomicBoolean(true);
    Map<Integer, LongAdder> loopStatuses = new ConcurrentHashMap<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < loopers; i++) {
      Thread thread = new Thread(() -> {
        while (running.get()) {
          int status = post(server, looping, loopBody).status;
          loopStatuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        }
      });
      thread.start();
      threads.add(thread);
    }
    Thread.sleep(1_000);

    Map<Integer, Integer> statuses = new TreeMap<>();
    List<Double> millis = new ArrayList<>();
    List<Double> successMillis = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < tries; i++) {
      long next = started + (i + 1) * 1_000_000_000L;
      Result result = post(server, other, body);
      statuses.merge(result.status, 1, Integer::sum);
      millis.add(result.millis);
      if (result.status == 201) {
        successMillis.add(result.millis);
      }
      long sleep = (next - System.nanoTime()) / 1_000_000;
      if (sleep > 0) {
        Thread.sleep(sleep);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    running.set(false);
    for (Thread thread : threads) {
      thread.join();
    }
    Collections.sort(millis);
    Collections.sort(successMillis);
    int successes = statuses.getOrDefault(201, 0);
    System.out.printf("fairness: the account logging in once a second: %d of %d succeeded (%.0f %%);"
        + " statuses %s; latency p50 %.0f ms, max %.0f ms (successes: p50 %s, max %s)%n",
        successes, tries, 100.0 * successes / tries, statuses, millis.get(millis.size() / 2),
        millis.get(millis.size() - 1), format(successMillis, successMillis.size() / 2),
        format(successMillis, successMillis.size() - 1));
    Map<Integer, Long> loop = new TreeMap<>();
    loopStatuses.forEach((status, count) -> loop.put(status, count.sum()));
    System.out.printf("fairness: the account looping on %d connections, over %.0f s: statuses %s%n",
        loopers, seconds + 1, loop);
  }

  private static String format(List<Double> sorted, int index) {
    return sorted.isEmpty() ? "-" : String.format("%.0f ms", sorted.get(index));
  }

  private record Result(int status, double millis) {}

  /** {@code POST /create_token} on a new connection from {@code from}; status 0 when it failed. */
  private static Result post(InetSocketAddress server, InetAddress from, String body) {
    long start = System.nanoTime();
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(server, 5_000);
      socket.setSoTimeout(30_000);
      byte[] json = body.getBytes(StandardCharsets.UTF_8);
      socket.getOutputStream().write(("POST /create_token HTTP/1.1\r\nHost: localhost\r\n"
          + "Connection: close\r\nContent-Length: " + json.length + "\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().write(json);
      InputStream in = socket.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
      in.readAllBytes();
      return new Result(Integer.parseInt(status.substring(9, 12)),
          (System.nanoTime() - start) / 1e6);
    } catch (IOException | RuntimeException e) {
      return new Result(0, (System.nanoTime() - start) / 1e6);
    }
  }

  private static String body(String name, String password) {
    return "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}";
  }
}
