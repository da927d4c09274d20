package io.statelessauth.example.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import io.statelessauth.example.routes.ApiError;

/**
 * The {@code {"username", "password"}} body of {@code POST /user} and {@code POST /create_token}.
 * Its {@link #toString()} never shows the password.
 *
 * @param username the account's name
 * @param password the password in clear, as sent by the client
 */
public record Credentials(String username, String password) {

  /**
   * Reads the two fields from a request body.
   *
   * @throws ApiError 400 when a field is missing or not a string
   */
  public static Credentials from(JsonNode body) {
    return new Credentials(text(body, "username"), text(body, "password"));
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual()) {
      throw ApiError.badRequest("'" + field + "' must be a string");
    }
    return value.textValue();
  }

  @Override
  public String toString() {
    return "Credentials[username=" + username + ", password=********]";
  }
}
