import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Revocation latency between two instances, for example/load/revocation-latency.sh: how long after
 * one instance answered a revocation the other one refuses the revoked token, which it held in
 * its authentication cache.
 *
 * Usage: java RevocationLatency.java BASE_ONE BASE_TWO CREDENTIALS_FILE COUNT LIMIT_MS
 *
 * CREDENTIALS_FILE holds {"username": ..., "password": ...} of a registered user (a file, so that
 * the password is not on a command line). Logs in on the first instance, then COUNT times: sends
 * GET /whoami with the access token to both instances until both answer 200 from their cache
 * (twice each), rotates the pair with PUT /refresh_token on one instance (the first and the second
 * by turns; a rotation revokes the old pair), then sends GET /whoami with the old access token to
 * the other instance back to back until it answers 401: the latency runs from the rotation's
 * response to that 401's arrival. Then it checks that the revoking instance refuses the old token
 * too (the example's tests check that it does so at once).
 * Prints p50, p99 and max; exit 0 when the maximum is at most LIMIT_MS and the revoking instance
 * never accepted a token it had revoked, 1 otherwise. Prints no token.
 */
public class RevocationLatency {
  private static final Pattern ACCESS = Pattern.compile("\"access_token\":\"([A-Za-z0-9_-]+)\"");
  private static final Pattern REFRESH = Pattern.compile("\"refresh_token\":\"([A-Za-z0-9_-]+)\"");

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  public static void main(String[] args) throws Exception {
    URI[] instances = {URI.create(args[0]), URI.create(args[1])};
    String credentials = Files.readString(Path.of(args[2])).trim();
    int count = Integer.parseInt(args[3]);
    double limitMillis = Double.parseDouble(args[4]);
    new RevocationLatency().run(instances, credentials, count, limitMillis);
  }

  private void run(URI[] instances, String credentials, int count, double limitMillis)
      throws Exception {
    HttpResponse<String> login = send(HttpRequest.newBuilder(instances[0].resolve("/create_token"))
        .POST(HttpRequest.BodyPublishers.ofString(credentials)));
    if (login.statusCode() != 201) {
      throw new IllegalStateException("login answered " + login.statusCode());
    }
    String access = find(ACCESS, login.body());
    String refresh = find(REFRESH, login.body());
    List<Double> latencies = new ArrayList<>();
    int staleOnRevoker = 0;
    long probes = 0;
    for (int i = 0; i < count; i++) {
      for (URI instance : instances) {
        for (int warm = 0; warm < 2; warm++) {
          int status = whoami(instance, access);
          if (status != 200) {
            throw new IllegalStateException("warming answered " + status);
          }
        }
      }
      URI revoker = instances[i % 2];
      URI other = instances[(i + 1) % 2];
      HttpResponse<String> rotated = send(HttpRequest.newBuilder(revoker.resolve("/refresh_token"))
          .header("Authorization", "Bearer " + refresh)
          .PUT(HttpRequest.BodyPublishers.noBody()));
      long revokedAt = System.nanoTime();
      if (rotated.statusCode() != 201) {
        throw new IllegalStateException("rotation answered " + rotated.statusCode());
      }
      long refusedAt;
      while (true) {
        int status = whoami(other, access);
        refusedAt = System.nanoTime();
        probes++;
        if (status == 401) {
          break;
        }
        if (status != 200) {
          throw new IllegalStateException("probe answered " + status);
        }
        if (refusedAt - revokedAt > 10_000_000_000L) {
          throw new IllegalStateException("still accepted 10 s after the revocation");
        }
      }
      latencies.add((refusedAt - revokedAt) / 1e6);
      if (whoami(revoker, access) != 401) {
        staleOnRevoker++;
      }
      access = find(ACCESS, rotated.body());
      refresh = find(REFRESH, rotated.body());
    }
    Collections.sort(latencies);
    double max = latencies.get(latencies.size() - 1);
    System.out.printf("revocation: %d revocations (rotations, on each instance by turns), %d probes;"
            + " from the revoking response to the first 401 on the other instance: p50 %.1f ms,"
            + " p99 %.1f ms, max %.1f ms; accepted by the revoking instance afterwards: %d%n",
        count, probes, percentile(latencies, 50), percentile(latencies, 99), max, staleOnRevoker);
    boolean passed = max <= limitMillis && staleOnRevoker == 0;
    System.out.println("revocation: " + (passed ? "PASSED" : "FAILED") + " (limit "
        + limitMillis + " ms)");
    System.exit(passed ? 0 : 1);
  }

  private int whoami(URI instance, String access) throws Exception {
    return send(HttpRequest.newBuilder(instance.resolve("/whoami"))
        .header("Authorization", "Bearer " + access).GET()).statusCode();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String find(Pattern pattern, String body) {
    Matcher matcher = pattern.matcher(body);
    if (!matcher.find()) {
      throw new IllegalStateException("no token in the answer");
    }
    return matcher.group(1);
  }

  /** The nearest-rank percentile of sorted values. */
  private static double percentile(List<Double> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
