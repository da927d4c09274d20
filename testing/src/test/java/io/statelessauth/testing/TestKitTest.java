package io.statelessauth.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a test writer sees of the kit beyond the server's rules, which {@link ConformanceTest} holds. */
class TestKitTest {
  private static final HttpHandler ECHO = exchange -> {
    String seen = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
        + exchange.getRequestHeaders().getFirst("authorization") + " "
        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    respond(exchange, 200, seen);
  };

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Test
  void eachFactoryMakesItsMethodAndBearerSetsTheAuthorizationHeader() {
    assertEquals("GET /a null ", TestRequest.get("/a").send(ECHO).bodyText());
    assertEquals("POST /a Bearer t1 body", TestRequest.post("/a").bearer("t1").body("body").send(ECHO).bodyText());
    assertEquals("PUT /a null ", TestRequest.put("/a").send(ECHO).bodyText());
    assertEquals("DELETE /a null ", TestRequest.delete("/a").send(ECHO).bodyText());
    assertEquals("PATCH /a?x=1 null ", TestRequest.method("PATCH", "/a?x=1").send(ECHO).bodyText());
  }

  @Test
  void responseGivesHeadersInAnyCaseAndTheBodyAsBytesAndText() {
    TestResponse response = TestRequest.get("/").send(exchange -> {
      exchange.getResponseHeaders().add("X-Two", "1");
      exchange.getResponseHeaders().add("X-Two", "2");
      respond(exchange, 200, "héllo");
    });

    assertEquals("1", response.header("x-two"));
    assertEquals(List.of("1", "2"), response.headers("X-TWO"));
    assertNull(response.header("X-None"));
    assertEquals(List.of(), response.headers("X-None"));
    assertArrayEquals("héllo".getBytes(StandardCharsets.UTF_8), response.body());
    assertEquals("héllo", response.bodyText());
    assertTrue(response.complete());
    assertFalse(response.connectionDropped());
  }

  @Test
  void aHandlerThatSendsNothingGetsNoInventedStatus() {
    TestResponse response = TestRequest.get("/").send(exchange -> { });

    assertEquals(-1, response.status());
    assertFalse(response.complete());
    assertFalse(response.connectionDropped());
    assertEquals("-1 {}  (unfinished)", response.toString());
  }

  @Test
  void anExceptionFromTheHandlerIsKeptAndDropsTheConnection() {
    IllegalStateException bug = new IllegalStateException("bug");

    TestResponse response = TestRequest.get("/").send(exchange -> {
      throw bug;
    });

    assertTrue(response.connectionDropped());
    assertSame(bug, response.failure().orElseThrow());
    assertEquals(-1, response.status());
  }

  @Test
  void anErrorFromTheHandlerSuchAsAFailedAssertionIsThrownOn() {
    AssertionError failed = new AssertionError("inside the handler");

    assertSame(failed, assertThrows(AssertionError.class, () -> TestRequest.get("/").send(exchange -> {
      throw failed;
    })));
  }

  @Test
  void aFilterRunsInFrontOfTheHandler() {
    List<String> calls = new ArrayList<>();
    Filter filter = new Filter() {
      @Override
      public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        calls.add("filter");
        chain.doFilter(exchange);
      }

      @Override
      public String description() {
        return "records its call";
      }
    };

    HttpHandler handler = new HttpHandler() {
      @Override
      public void handle(HttpExchange exchange) throws IOException {
        calls.add("handler");
        assertEquals(List.of(filter), exchange.getHttpContext().getFilters());
        assertSame(this, exchange.getHttpContext().getHandler());
        respond(exchange, 200, "ok");
      }
    };

    TestResponse response = TestRequest.get("/").send(filter, handler);

    assertEquals(List.of("filter", "handler"), calls);
    assertEquals("ok", response.bodyText());
  }

  @Test
  void headerValuesAreTrimmedAsTheServerTrimsThemAndLineBreaksAreRefused() {
    assertEquals("GET / Bearer t ", TestRequest.get("/").header("Authorization", " \tBearer t  ").send(ECHO).bodyText());
    IllegalArgumentException lineBreak = assertThrows(IllegalArgumentException.class,
        () -> TestRequest.get("/").header("Authorization", "Bearer t\r\nX-Injected: 1"));
    assertEquals("The value of header Authorization holds a line break", lineBreak.getMessage());
  }

  @Test
  void badMethodsPathsAndHeaderNamesAreRefusedNamingThem() {
    assertEquals("A request path starts with '/': whoami",
        assertThrows(IllegalArgumentException.class, () -> TestRequest.get("whoami")).getMessage());
    assertEquals("The method is not an RFC 9110 token: GE T",
        assertThrows(IllegalArgumentException.class, () -> TestRequest.method("GE T", "/")).getMessage());
    assertEquals("The header name is not an RFC 9110 token: X:Y",
        assertThrows(IllegalArgumentException.class, () -> TestRequest.get("/").header("X:Y", "v")).getMessage());
  }

  @Test
  void requestHeadersCannotBeChangedByTheHandler() {
    TestRequest request = TestRequest.get("/").bearer("t");

    TestResponse replaced = request.send(exchange -> exchange.getRequestHeaders().set("Authorization", "Bearer forged"));
    TestResponse added = request.send(exchange -> exchange.getRequestHeaders().get("Authorization").add("Bearer forged"));

    assertTrue(replaced.failure().orElseThrow() instanceof UnsupportedOperationException);
    assertTrue(added.failure().orElseThrow() instanceof UnsupportedOperationException);
    assertEquals("GET / Bearer t ", request.send(ECHO).bodyText());
  }

  @Test
  void theRequestBodyIsClosedWithTheResponseAsTheServerClosesIt() {
    List<String> reads = new ArrayList<>();

    TestRequest.post("/").body("payload").send(exchange -> {
      respond(exchange, 200, "done");
      try {
        exchange.getRequestBody().read();
        reads.add("read");
      } catch (IOException e) {
        reads.add(e.getMessage());
      }
    });

    assertEquals(List.of("Stream is closed"), reads);
  }

  @Test
  void aRequestSentTwiceGetsTwoExchanges() {
    TestRequest request = TestRequest.post("/").body("once");

    assertEquals(request.send(ECHO).bodyText(), request.send(ECHO).bodyText());
  }

  @Test
  void aResetExchangeServesAgainAsNew() throws IOException {
    TestExchange exchange = TestRequest.post("/echo").bearer("t").body("payload").exchange();
    ECHO.handle(exchange);
    exchange.setAttribute("left", "over");
    String first = exchange.response().toString();

    exchange.reset();
    assertEquals(-1, exchange.getResponseCode());
    assertNull(exchange.getAttribute("left"));
    ECHO.handle(exchange);

    assertEquals(first, exchange.response().toString());
    assertEquals("POST /echo Bearer t payload", exchange.response().bodyText());
  }
}
