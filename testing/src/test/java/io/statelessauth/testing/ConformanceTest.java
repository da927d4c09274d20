package io.statelessauth.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kit against the JDK's {@code HttpServer}: each case sends one request to one handler through
 * {@link TestRequest#send} and through a real server on port 0 with {@code HttpClient}, and the two
 * must end alike: the same status, headers (but {@code Date}) and body, or both a dropped connection,
 * or both no response at all. Each case prints its row of the conformance table.
 */
class ConformanceTest {
  /** How long a client waits for a response that never comes. */
  private static final Duration NO_RESPONSE = Duration.ofSeconds(2);

  private static HttpClient client;

  @BeforeAll
  static void startClient() {
    // Before the first HttpServer: see DESIGN.md's trap (JDK-6968351), or each response stalls 40 ms.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  /** One request, as the kit and as the client send it. */
  private record Request(String method, String path, String body, String... headers) {
    static Request get(String path, String... headers) {
      return new Request("GET", path, "", headers);
    }

    TestRequest forKit() {
      TestRequest request = TestRequest.method(method, path);
      for (int i = 0; i < headers.length; i += 2) {
        request.header(headers[i], headers[i + 1]);
      }
      return body.isEmpty() ? request : request.body(body);
    }

    HttpRequest forClient(int port) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(NO_RESPONSE)
          .method(method, body.isEmpty()
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body));
      for (int i = 0; i < headers.length; i += 2) {
        request.header(headers[i], headers[i + 1]);
      }
      return request.build();
    }
  }

  /** A rule of the server, shown by one request to one handler (behind a filter, when there is one). */
  private record Case(String name, Request request, Filter filter, HttpHandler handler) {
    Case(String name, Request request, HttpHandler handler) {
      this(name, request, null, handler);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** How an exchange ended for a client: a response, a dropped connection, or nothing. */
  private record Outcome(String ending, int status, Map<String, List<String>> headers, String body) {
    static final Outcome DROPPED = new Outcome("connection dropped", 0, Map.of(), "");
    static final Outcome NOTHING = new Outcome("no response", 0, Map.of(), "");

    static Outcome response(int status, Map<String, List<String>> headers, String body) {
      Map<String, List<String>> compared = new TreeMap<>();
      headers.forEach((name, values) -> {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.equals("date")) {
          compared.put(lower, values);
        }
      });
      return new Outcome("response", status, compared, body);
    }

    @Override
    public String toString() {
      return ending.equals("response") ? status + " " + headers + " \"" + body + "\"" : ending;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("header names in any case", Request.get("/", "x-MiXeD", "value"), exchange -> {
          exchange.getResponseHeaders().add("content-TYPE", "text/plain");
          respond(exchange, 200, exchange.getRequestHeaders().getFirst("X-MIXED"));
        }),
        new Case("a header field sent twice stays two values",
            Request.get("/", "X-Twice", "a", "x-twice", "b"),
            exchange -> respond(exchange, 200, String.join(",", exchange.getRequestHeaders().get("X-Twice")))),
        new Case("a response header with two values", Request.get("/"), exchange -> {
          exchange.getResponseHeaders().add("X-Many", "1");
          exchange.getResponseHeaders().add("x-many", "2");
          respond(exchange, 200, "many");
        }),
        new Case("length n: exactly n bytes", Request.get("/"), exchange -> respond(exchange, 201, "hello")),
        new Case("length -1: no body, and the exchange is closed", Request.get("/"), exchange -> {
          exchange.sendResponseHeaders(202, -1);
          write(exchange.getResponseBody(), "too late");
        }),
        new Case("length 0: chunked, any length", Request.get("/"), exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 3; i++) {
              out.write(("chunk" + i + ";").getBytes(StandardCharsets.UTF_8));
            }
          }
        }),
        new Case("writing past n throws, and the stream stays open", Request.get("/"), exchange -> {
          exchange.sendResponseHeaders(200, 5);
          OutputStream out = exchange.getResponseBody();
          String outcome = write(out, "more than five") ? "wrote" : "threw";
          write(out, outcome);
          out.close();
        }),
        new Case("closing the body short of n throws and drops the connection", Request.get("/"), exchange -> {
          exchange.sendResponseHeaders(200, 5);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write('a');
          }
        }),
        new Case("closing the exchange short of n drops the connection", Request.get("/"), exchange -> {
          exchange.sendResponseHeaders(200, 5);
          exchange.getResponseBody().write('a');
          exchange.close();
        }),
        new Case("a second sendResponseHeaders throws", Request.get("/"), exchange -> {
          exchange.sendResponseHeaders(200, 0);
          String outcome;
          try {
            exchange.sendResponseHeaders(500, 0);
            outcome = "sent twice";
          } catch (IOException e) {
            outcome = "second threw";
          }
          try (OutputStream out = exchange.getResponseBody()) {
            write(out, outcome);
          }
        }),
        new Case("writing before sendResponseHeaders throws", Request.get("/"), exchange -> {
          String outcome = write(exchange.getResponseBody(), "early") ? "wrote" : "threw";
          respond(exchange, 200, outcome);
        }),
        new Case("headers changed after sending are not sent", Request.get("/"), exchange -> {
          exchange.getResponseHeaders().set("X-Before", "1");
          exchange.sendResponseHeaders(200, 0);
          exchange.getResponseHeaders().set("X-After", "1");
          try (OutputStream out = exchange.getResponseBody()) {
            write(out, exchange.getResponseHeaders().getFirst("Transfer-encoding"));
          }
        }),
        new Case("204 ignores the length", Request.get("/"), exchange -> exchange.sendResponseHeaders(204, 10)),
        new Case("returns without responding", Request.get("/"), exchange -> { }),
        new Case("sends headers, never finishes the body", Request.get("/"), exchange -> {
          exchange.sendResponseHeaders(200, 0);
          write(exchange.getResponseBody(), "partial");
        }),
        new Case("throws before responding", Request.get("/"), exchange -> {
          throw new IllegalStateException("handler bug");
        }),
        new Case("throws after sending headers", Request.get("/"), exchange -> {
          exchange.sendResponseHeaders(200, 0);
          write(exchange.getResponseBody(), "partial");
          throw new IllegalStateException("handler bug");
        }),
        new Case("throws after finishing the response", Request.get("/"), exchange -> {
          respond(exchange, 200, "done");
          throw new IllegalStateException("handler bug");
        }),
        new Case("closes the exchange without responding", Request.get("/"), HttpExchange::close),
        new Case("closing the exchange finishes the response; twice is once", Request.get("/"), exchange -> {
          exchange.sendResponseHeaders(200, 4);
          exchange.getResponseBody().write("once".getBytes(StandardCharsets.UTF_8));
          exchange.close();
          exchange.close();
        }),
        new Case("attributes of the exchange", Request.get("/"), exchange -> {
          exchange.setAttribute("set", "value");
          respond(exchange, 200, exchange.getAttribute("set") + "," + exchange.getAttribute("never set"));
        }),
        new Case("the request body is read once", new Request("POST", "/", "payload"), exchange -> {
          InputStream in = exchange.getRequestBody();
          String first = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          respond(exchange, 200, first + "," + in.read() + "," + exchange.getRequestHeaders().getFirst("Content-Length"));
        }),
        new Case("getRequestURI keeps the query", Request.get("/items/7?sort=name&q=a%20b"), exchange -> {
          URI uri = exchange.getRequestURI();
          respond(exchange, 200, uri + "|" + uri.getPath() + "|" + uri.getRawQuery() + "|" + uri.getQuery());
        }),
        new Case("the method as sent", new Request("DELETE", "/", ""),
            exchange -> respond(exchange, 200, exchange.getRequestMethod())),
        new Case("HEAD: no body, whatever the handler writes", new Request("HEAD", "/", ""), exchange -> {
          exchange.sendResponseHeaders(200, 5);
          write(exchange.getResponseBody(), "hello");
          exchange.close();
        }),
        new Case("HEAD: a length the handler sets itself", new Request("HEAD", "/", ""), exchange -> {
          exchange.getResponseHeaders().set("Content-Length", "5");
          exchange.sendResponseHeaders(200, -1);
        }),
        new Case("a filter in front of the handler", Request.get("/"), new Filter() {
          @Override
          public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
            exchange.getResponseHeaders().set("X-Filtered", "yes");
            chain.doFilter(exchange);
          }

          @Override
          public String description() {
            return "adds X-Filtered";
          }
        }, exchange -> respond(exchange, 200, "behind a filter")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theKitEndsEachExchangeAsTheServerDoes(Case rule) throws Exception {
    Outcome server = throughServer(rule);
    Outcome kit = throughKit(rule);

    System.out.printf("| %s | %s | %s |%n", rule.name, kit, server);
    assertEquals(server, kit, rule.name);
  }

  private static Outcome throughKit(Case rule) {
    TestRequest request = rule.request.forKit();
    TestResponse response = rule.filter == null
        ? request.send(rule.handler)
        : request.send(rule.filter, rule.handler);
    if (response.complete()) {
      return Outcome.response(response.status(), response.allHeaders(), response.bodyText());
    }
    return response.connectionDropped() ? Outcome.DROPPED : Outcome.NOTHING;
  }

  private static Outcome throughServer(Case rule) throws IOException, InterruptedException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    HttpContext context = server.createContext("/", rule.handler);
    if (rule.filter != null) {
      context.getFilters().add(rule.filter);
    }
    server.start();
    // The request's own timeout stops at the headers; the whole response gets the same time.
    CompletableFuture<HttpResponse<String>> sent = client.sendAsync(
        rule.request.forClient(server.getAddress().getPort()), HttpResponse.BodyHandlers.ofString());
    try {
      HttpResponse<String> response = sent.get(NO_RESPONSE.toMillis(), TimeUnit.MILLISECONDS);
      return Outcome.response(response.statusCode(), response.headers().map(), response.body());
    } catch (TimeoutException e) {
      return Outcome.NOTHING;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof HttpTimeoutException) {
        return Outcome.NOTHING;
      }
      if (e.getCause() instanceof IOException) {
        return Outcome.DROPPED;
      }
      throw new AssertionError("the client failed", e.getCause());
    } finally {
      sent.cancel(true);
      server.stop(0);
    }
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Writes {@code text}; false if the stream refused it with an {@code IOException}. */
  private static boolean write(OutputStream out, String text) {
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
