package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client of the example service for the tests, over real HTTP. It remembers every token and
 * password it handled, so that a test can check none of them reached the logs.
 */
final class ServiceClient {

  /** The client's view of a response. */
  record Response(int status, String body, HttpHeaders headers) {
    JsonNode json() {
      return Json.parse(body);
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  /** A token pair as the service sent it. */
  record Pair(String access, String refresh) {}

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final URI base;
  private final Set<String> secrets;

  ServiceClient(URI base) {
    this(base, ConcurrentHashMap.newKeySet());
  }

  private ServiceClient(URI base, Set<String> secrets) {
    this.base = base;
    this.secrets = secrets;
  }

  /** A client of the service at {@code base} that shares this one's record of secrets. */
  ServiceClient at(URI base) {
    return new ServiceClient(base, secrets);
  }

  /** Every token and password this client (and its {@link #at} siblings) handled. */
  Set<String> secrets() {
    return secrets;
  }

  /** Sends a request; {@code body} and {@code authorization} may be null. */
  Response send(String method, String path, String body, String authorization) {
    return send(method, path, body, "Authorization", authorization);
  }

  /** Sends a request with the header {@code name}; {@code body} and {@code value} may be null. */
  Response send(String method, String path, String body, String name, String value) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (value != null) {
      request.header(name, value);
    }
    try {
      var response = client.send(request.build(), BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends a request with {@code Bearer <token>}. */
  Response bearer(String method, String path, String token) {
    return send(method, path, null, "Bearer " + token);
  }

  /** Sends a request with {@code X-API-Key: <key>}. */
  Response apiKey(String method, String path, String key) {
    return send(method, path, null, ApiKeyScheme.DEFAULT_HEADER, key);
  }

  /** {@code POST /api_keys {"name"}} with the access token {@code access}, without checking the answer. */
  Response createKey(String access, String name) {
    Response response = send("POST", "/api_keys", Json.write(Map.of("name", name)), "Bearer " + access);
    if (response.status() == 201) {
      secrets.add(response.json().get("api_key").textValue());
    }
    return response;
  }

  /** {@code POST /user}. */
  Response register(String username, String password) {
    secrets.add(password);
    return send("POST", "/user", credentials(username, password), null);
  }

  /** {@code POST /create_token}, without checking the answer. */
  Response createToken(String username, String password) {
    secrets.add(password);
    Response response = send("POST", "/create_token", credentials(username, password), null);
    remember(response);
    return response;
  }

  /** Logs in and returns the new pair; fails the test unless the service answers 201. */
  Pair login(String username, String password) {
    Response response = createToken(username, password);
    assertEquals(201, response.status(), response.body());
    return pair(response);
  }

  /** {@code PUT /refresh_token} with {@code refreshToken}. */
  Response refresh(String refreshToken) {
    Response response = bearer("PUT", "/refresh_token", refreshToken);
    remember(response);
    return response;
  }

  /** The pair in a 201 answer of {@code /create_token} or {@code /refresh_token}. */
  static Pair pair(Response response) {
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
}
