package io.statelessauth;

import com.sun.net.httpserver.HttpHandler;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The settings of a manager: which header carries the credentials, which schemes are read from
 * headers of their own, the defaults for routes that leave {@code tokenType} or {@code authType}
 * empty, whether the user is also stored as an exchange attribute, the {@code WWW-Authenticate}
 * realm, the longest token accepted, and who answers CORS preflights.
 *
 * <p>Built with {@link #builder()} or read from {@link Properties} with the keys of
 * flask-stateless-auth plus three of its own:
 *
 * <table>
 *   <caption>Properties keys</caption>
 *   <tr><th>key</th><th>default</th><th>value</th></tr>
 *   <tr><td>{@code AUTH_HEADER}</td><td>{@code Authorization}</td><td>an RFC 9110 token</td></tr>
 *   <tr><td>{@code DEFAULT_AUTH_TYPE}</td><td>{@code Bearer}</td><td>an RFC 9110 token</td></tr>
 *   <tr><td>{@code DEFAULT_TOKEN_TYPE}</td><td>{@code access}</td><td>visible ASCII, no white space</td></tr>
 *   <tr><td>{@code ADD_CONTEXT_PROCESSOR}</td><td>{@code true}</td><td>{@code true} or {@code false}</td></tr>
 *   <tr><td>{@code REALM}</td><td>{@code api}</td><td>printable ASCII without {@code "} or {@code \}</td></tr>
 *   <tr><td>{@code MAX_TOKEN_LENGTH}</td><td>{@code 4096}</td><td>a whole number from 1 to 65536</td></tr>
 *   <tr><td>{@code CREDENTIAL_HEADERS}</td><td>none</td><td>{@code header=scheme} pairs separated by
 *       commas, such as {@code X-API-Key=ApiKey}: see {@link Builder#credentialHeader}</td></tr>
 * </table>
 *
 * <p>The {@link Builder#preflightHandler preflight handler} is set with the builder only. A bad
 * value is an {@link IllegalArgumentException} that names the key (or the builder method) and says
 * what is allowed. Instances are immutable.
 */
public final class StatelessAuthConfig {
  /** The upper bound of {@link #maxTokenLength()}: a header value of 64 KiB is abuse, not a token. */
  public static final int MAX_TOKEN_LENGTH_LIMIT = 65_536;

  private static final StatelessAuthConfig DEFAULTS = builder().build();

  private final String authHeader;
  private final String defaultAuthType;
  private final String defaultTokenType;
  private final boolean addContextProcessor;
  private final String realm;
  private final int maxTokenLength;
  private final HttpHandler preflightHandler;
  /** Header name to scheme, in the order bound. */
  private final Map<String, String> credentialHeaders;

  private StatelessAuthConfig(Builder builder) {
    this.authHeader = builder.authHeader;
    this.defaultAuthType = builder.defaultAuthType;
    this.defaultTokenType = builder.defaultTokenType;
    this.addContextProcessor = builder.addContextProcessor;
    this.realm = builder.realm;
    this.maxTokenLength = builder.maxTokenLength;
    this.preflightHandler = builder.preflightHandler;
    this.credentialHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(builder.credentialHeaders));
  }

  /** The default settings. */
  public static StatelessAuthConfig defaults() {
    return DEFAULTS;
  }

  /** A builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The defaults, overridden by the keys present in {@code properties}; other keys are ignored.
   *
   * @throws IllegalArgumentException naming the first key whose value is not allowed
   */
  public static StatelessAuthConfig fromProperties(Properties properties) {
    Builder builder = builder();
    String value = properties.getProperty("AUTH_HEADER");
    if (value != null) {
      builder.authHeader = Syntax.requireToken("AUTH_HEADER", value.strip());
    }
    value = properties.getProperty("DEFAULT_AUTH_TYPE");
    if (value != null) {
      builder.defaultAuthType = Syntax.requireToken("DEFAULT_AUTH_TYPE", value.strip());
    }
    value = properties.getProperty("DEFAULT_TOKEN_TYPE");
    if (value != null) {
      builder.defaultTokenType = Syntax.requireTokenType("DEFAULT_TOKEN_TYPE", value.strip());
    }
    value = properties.getProperty("ADD_CONTEXT_PROCESSOR");
    if (value != null) {
      builder.addContextProcessor = Syntax.parseBoolean("ADD_CONTEXT_PROCESSOR", value.strip());
    }
    value = properties.getProperty("REALM");
    if (value != null) {
      builder.realm = Syntax.requireRealm("REALM", value.strip());
    }
    value = properties.getProperty("MAX_TOKEN_LENGTH");
    if (value != null) {
      builder.maxTokenLength =
          Syntax.requireTokenLength("MAX_TOKEN_LENGTH", Syntax.parseInt("MAX_TOKEN_LENGTH", value.strip()));
    }
    value = properties.getProperty("CREDENTIAL_HEADERS");
    if (value != null && !value.isBlank()) {
      for (String pair : value.split(",", -1)) {
        int equals = pair.indexOf('=');
        if (equals < 0) {
          throw new IllegalArgumentException("CREDENTIAL_HEADERS must be header=scheme pairs separated by commas,"
              + " such as X-API-Key=ApiKey; was '" + value + "'");
        }
        builder.putCredentialHeader(
            "CREDENTIAL_HEADERS", pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
      }
    }
    return builder.build();
  }

  /** The request header that carries the credentials; its name is matched without regard to case. */
  public String authHeader() {
    return authHeader;
  }

  /** The scheme of routes whose {@code authType} is {@code ""}. */
  public String defaultAuthType() {
    return defaultAuthType;
  }

  /** The token type of routes whose {@code tokenType} is {@code ""}. */
  public String defaultTokenType() {
    return defaultTokenType;
  }

  /** Whether the handler's exchange also answers {@code getAttribute("current_stateless_user")} with the user. */
  public boolean addContextProcessor() {
    return addContextProcessor;
  }

  /** The {@code realm} of every {@code WWW-Authenticate} challenge. */
  public String realm() {
    return realm;
  }

  /** The longest token accepted; a longer one is refused with 400 before any loader runs. */
  public int maxTokenLength() {
    return maxTokenLength;
  }

  /**
   * Who answers CORS preflights ({@code OPTIONS} with {@code Origin} and {@code
   * Access-Control-Request-Method}) on protected routes, without authentication; empty (the
   * default) to authenticate them like any request.
   */
  public Optional<HttpHandler> preflightHandler() {
    return Optional.ofNullable(preflightHandler);
  }

  /**
   * The headers bound to schemes of their own, header name to scheme, in the order bound: such a
   * header's whole value is the token, and its scheme is read from it only. Empty by default.
   */
  public Map<String, String> credentialHeaders() {
    return credentialHeaders;
  }

  /** The header {@code scheme} is read from: its own, or {@link #authHeader()} for an unbound scheme. */
  String headerOf(String scheme) {
    for (Map.Entry<String, String> binding : credentialHeaders.entrySet()) {
      if (Syntax.equalsIgnoreAsciiCase(binding.getValue(), scheme)) {
        return binding.getKey();
      }
    }
    return authHeader;
  }

  /** Whether {@code scheme} is read from a header of its own rather than from {@link #authHeader()}. */
  boolean hasOwnHeader(String scheme) {
    return !headerOf(scheme).equals(authHeader);
  }

  @Override
  public String toString() {
    return "StatelessAuthConfig{authHeader=" + authHeader
        + ", defaultAuthType=" + defaultAuthType
        + ", defaultTokenType=" + defaultTokenType
        + ", addContextProcessor=" + addContextProcessor
        + ", realm=" + realm
        + ", maxTokenLength=" + maxTokenLength
        + ", preflightHandler=" + (preflightHandler == null ? "none" : preflightHandler)
        + ", credentialHeaders=" + credentialHeaders + "}";
  }

  /** Builds a {@link StatelessAuthConfig}; every setter checks its value at once. */
  public static final class Builder {
    private String authHeader = "Authorization";
    private String defaultAuthType = "Bearer";
    private String defaultTokenType = "access";
    private boolean addContextProcessor = true;
    private String realm = "api";
    private int maxTokenLength = 4096;
    private HttpHandler preflightHandler;
    private final Map<String, String> credentialHeaders = new LinkedHashMap<>();

    private Builder() {}

    /** The request header that carries the credentials (an RFC 9110 token). */
    public Builder authHeader(String authHeader) {
      this.authHeader = Syntax.requireToken("authHeader", Objects.requireNonNull(authHeader, "authHeader"));
      return this;
    }

    /** The scheme of routes whose {@code authType} is {@code ""} (an RFC 9110 token). */
    public Builder defaultAuthType(String defaultAuthType) {
      this.defaultAuthType =
          Syntax.requireToken("defaultAuthType", Objects.requireNonNull(defaultAuthType, "defaultAuthType"));
      return this;
    }

    /** The token type of routes whose {@code tokenType} is {@code ""} (visible ASCII, no white space). */
    public Builder defaultTokenType(String defaultTokenType) {
      this.defaultTokenType =
          Syntax.requireTokenType("defaultTokenType", Objects.requireNonNull(defaultTokenType, "defaultTokenType"));
      return this;
    }

    /** Whether the handler's exchange also answers {@code getAttribute("current_stateless_user")}. */
    public Builder addContextProcessor(boolean addContextProcessor) {
      this.addContextProcessor = addContextProcessor;
      return this;
    }

    /** The {@code WWW-Authenticate} realm (printable ASCII without {@code "} or {@code \}). */
    public Builder realm(String realm) {
      this.realm = Syntax.requireRealm("realm", Objects.requireNonNull(realm, "realm"));
      return this;
    }

    /** The longest token accepted, from 1 to {@value StatelessAuthConfig#MAX_TOKEN_LENGTH_LIMIT}. */
    public Builder maxTokenLength(int maxTokenLength) {
      this.maxTokenLength = Syntax.requireTokenLength("maxTokenLength", maxTokenLength);
      return this;
    }

    /**
     * Hands CORS preflights on protected routes to {@code preflightHandler} without authentication:
     * browsers never send credentials on a preflight. Any other request, {@code OPTIONS} included,
     * is authenticated as usual.
     */
    public Builder preflightHandler(HttpHandler preflightHandler) {
      this.preflightHandler = Objects.requireNonNull(preflightHandler, "preflightHandler");
      return this;
    }

    /**
     * Reads {@code scheme} from the header {@code headerName} instead of {@link #authHeader}: the
     * header's whole value, white space around it ignored, is the token, as in {@code
     * credentialHeader("X-API-Key", "ApiKey")} for {@code X-API-Key: <key>}. Routes that accept the
     * scheme then read it from that header only. Both are RFC 9110 tokens; a header or a scheme
     * (compared without regard to case) may be bound once, and the {@code authHeader} not at all.
     */
    public Builder credentialHeader(String headerName, String scheme) {
      putCredentialHeader("credentialHeader",
          Objects.requireNonNull(headerName, "headerName"), Objects.requireNonNull(scheme, "scheme"));
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalArgumentException if a {@link #credentialHeader} binds the {@link #authHeader}
     *     set after it
     */
    public StatelessAuthConfig build() {
      for (String headerName : credentialHeaders.keySet()) {
        requireNotAuthHeader("credentialHeader", headerName);
      }
      return new StatelessAuthConfig(this);
    }

    /** Binds {@code headerName} to {@code scheme}; errors name {@code name}, the method or key. */
    private void putCredentialHeader(String name, String headerName, String scheme) {
      Syntax.requireToken(name + " header name", headerName);
      Syntax.requireToken(name + " scheme", scheme);
      requireNotAuthHeader(name, headerName);
      for (Map.Entry<String, String> bound : credentialHeaders.entrySet()) {
        if (Syntax.equalsIgnoreAsciiCase(bound.getKey(), headerName)) {
          throw new IllegalArgumentException(name + " binds the header " + headerName + " twice");
        }
        if (Syntax.equalsIgnoreAsciiCase(bound.getValue(), scheme)) {
          throw new IllegalArgumentException(name + " binds the scheme " + scheme + " to two headers, "
              + bound.getKey() + " and " + headerName);
        }
      }
      credentialHeaders.put(headerName, scheme);
    }

    private void requireNotAuthHeader(String name, String headerName) {
      if (Syntax.equalsIgnoreAsciiCase(headerName, authHeader)) {
        throw new IllegalArgumentException(name + " cannot bind " + headerName
            + ": it is the authHeader, which carries every scheme not bound to a header of its own");
      }
    }
  }
}
