package io.statelessauth.example.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpHandler;
import io.statelessauth.example.auth.ApiKeyScheme;
import io.statelessauth.example.routes.Json;
import io.statelessauth.testing.TestRequest;
import io.statelessauth.testing.TestResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A client of the example service for the tests: over real HTTP to a server's address, or in
 * memory, through the test kit, to the service's router on the calling thread. It remembers every
 * token and password it handled, so that a test can check none of them reached the logs.
 */
public final class ServiceClient {

  /** The client's view of a response; {@code allValues} gives a header's values, empty when absent. */
  public record Response(int status, String body, Function<String, List<String>> allValues) {
    /** The body, parsed as JSON. */
    public JsonNode json() {
      return Json.parse(body);
    }

    /** The first value of header {@code name}, or null. */
    public String header(String name) {
      List<String> values = allValues.apply(name);
      return values.isEmpty() ? null : values.get(0);
    }

    /** Every value of header {@code name}, in the order sent. */
    public List<String> headers(String name) {
      return allValues.apply(name);
    }
  }

  /** A token pair as the service sent it. */
  public record Pair(String access, String refresh) {}

  /** How a request reaches the service. */
  private interface Transport {
    /** Sends a request with the header {@code name}; {@code body} and {@code value} may be null. */
    Response send(String method, String path, String body, String name, String value);
  }

  private final Transport transport;
  private final Set<String> secrets;

  /** A client over HTTP of the service at {@code base}. */
  public ServiceClient(URI base) {
    this(new OverHttp(base), ConcurrentHashMap.newKeySet());
  }

  /** A client in memory of {@code router}, the handler of every request of a service. */
  public ServiceClient(HttpHandler router) {
    this(inMemory(router), ConcurrentHashMap.newKeySet());
  }

  private ServiceClient(Transport transport, Set<String> secrets) {
    this.transport = transport;
    this.secrets = secrets;
  }

  /** A client of the service at {@code base} that shares this one's record of secrets. */
  public ServiceClient at(URI base) {
    return new ServiceClient(new OverHttp(base), secrets);
  }

  /** A client in memory of {@code router} that shares this one's record of secrets. */
  public ServiceClient at(HttpHandler router) {
    return new ServiceClient(inMemory(router), secrets);
  }

  /** Every token and password this client (and its {@link #at} siblings) handled. */
  public Set<String> secrets() {
    return secrets;
  }

  /** Sends a request; {@code body} and {@code authorization} may be null. */
  public Response send(String method, String path, String body, String authorization) {
    return send(method, path, body, "Authorization", authorization);
  }

  /** Sends a request with the header {@code name}; {@code body} and {@code value} may be null. */
  public Response send(String method, String path, String body, String name, String value) {
    return transport.send(method, path, body, name, value);
  }

  /** Sends a request with {@code Bearer <token>}. */
  public Response bearer(String method, String path, String token) {
    return send(method, path, null, "Bearer " + token);
  }

  /** Sends a request with {@code X-API-Key: <key>}. */
  public Response apiKey(String method, String path, String key) {
    return send(method, path, null, ApiKeyScheme.DEFAULT_HEADER, key);
  }

  /** {@code POST /api_keys {"name"}} with the access token {@code access}, without checking the answer. */
  public Response createKey(String access, String name) {
    Response response = send("POST", "/api_keys", Json.write(Map.of("name", name)), "Bearer " + access);
    if (response.status() == 201) {
      secrets.add(response.json().get("api_key").textValue());
    }
    return response;
  }

  /** {@code POST /user}. */
  public Response register(String username, String password) {
    secrets.add(password);
    return send("POST", "/user", credentials(username, password), null);
  }

  /** {@code POST /create_token}, without checking the answer. */
  public Response createToken(String username, String password) {
    secrets.add(password);
    Response response = send("POST", "/create_token", credentials(username, password), null);
    remember(response);
    return response;
  }

  /** Logs in and returns the new pair; fails the test unless the service answers 201. */
  public Pair login(String username, String password) {
    Response response = createToken(username, password);
    assertEquals(201, response.status(), response.body());
    return pair(response);
  }

  /** {@code PUT /refresh_token} with {@code refreshToken}. */
  public Response refresh(String refreshToken) {
    Response response = bearer("PUT", "/refresh_token", refreshToken);
    remember(response);
    return response;
  }

  /** The pair in a 201 answer of {@code /create_token} or {@code /refresh_token}. */
  public static Pair pair(Response response) {
    JsonNode json = response.json();
    return new Pair(json.get("access_token").textValue(), json.get("refresh_token").textValue());
  }

  private void remember(Response response) {
    if (response.status() == 201) {
      Pair pair = pair(response);
      secrets.add(pair.access());
      secrets.add(pair.refresh());
    }
  }

  private static String credentials(String username, String password) {
    return Json.write(Map.of("username", username, "password", password));
  }

  /**
   * Runs {@code router} on the calling thread through the test kit. A response no client would
   * receive (the connection dropped, or the handler left it unfinished) fails as the HTTP client
   * would fail, with an I/O error.
   */
  private static Transport inMemory(HttpHandler router) {
    return (method, path, body, name, value) -> {
      TestRequest request = TestRequest.method(method, path);
      if (body != null) {
        request.body(body);
      }
      if (value != null) {
        request.header(name, value);
      }
      TestResponse response = request.send(router);
      if (!response.complete()) {
        throw new UncheckedIOException(new IOException(request + " got no complete response: "
            + response.status() + (response.connectionDropped() ? ", connection dropped" : ""),
            response.failure().orElse(null)));
      }
      return new Response(response.status(), response.bodyText(), response::headers);
    };
  }

  /** Real HTTP/1.1, on connections the client keeps. */
  private static final class OverHttp implements Transport {
    private final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    private final URI base;

    OverHttp(URI base) {
      this.base = base;
    }

    @Override
    public Response send(String method, String path, String body, String name, String value) {
      HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
          .timeout(Duration.ofSeconds(30))
          .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
      if (value != null) {
        request.header(name, value);
      }
      try {
        var response = client.send(request.build(), BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response.headers()::allValues);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
