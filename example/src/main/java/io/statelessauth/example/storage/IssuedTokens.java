package io.statelessauth.example.storage;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A newly issued token pair, as sent to the client once; only their hashes are stored. Its
 * {@link #toString()} never shows the tokens.
 *
 * @param accessToken the token for the protected routes
 * @param refreshToken the token for {@code PUT /refresh_token}
 * @param expiry the access token's lifetime in seconds
 */
public record IssuedTokens(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("refresh_token") String refreshToken,
    @JsonProperty("expiry") long expiry) {

  @Override
  public String toString() {
    return "IssuedTokens[access_token=********, refresh_token=********, expiry=" + expiry + "]";
  }
}
