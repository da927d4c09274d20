package io.statelessauth;

import com.sun.net.httpserver.HttpHandler;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The settings of a manager: which header carries the credentials, the defaults for routes that
 * leave {@code tokenType} or {@code authType} empty, whether the user is also stored as an exchange
 * attribute, the {@code WWW-Authenticate} realm, the longest token accepted, and who answers CORS
 * preflights.
 *
 * <p>Built with {@link #builder()} or read from {@link Properties} with the keys of
 * flask-stateless-auth plus two of its own:
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

  private StatelessAuthConfig(Builder builder) {
    this.authHeader = builder.authHeader;
    this.defaultAuthType = builder.defaultAuthType;
    this.defaultTokenType = builder.defaultTokenType;
    this.addContextProcessor = builder.addContextProcessor;
    this.realm = builder.realm;
    this.maxTokenLength = builder.maxTokenLength;
    this.preflightHandler = builder.preflightHandler;
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
      builder.authHeader = requireToken("AUTH_HEADER", value.strip());
    }
    value = properties.getProperty("DEFAULT_AUTH_TYPE");
    if (value != null) {
      builder.defaultAuthType = requireToken("DEFAULT_AUTH_TYPE", value.strip());
    }
    value = properties.getProperty("DEFAULT_TOKEN_TYPE");
    if (value != null) {
      builder.defaultTokenType = requireTokenType("DEFAULT_TOKEN_TYPE", value.strip());
    }
    value = properties.getProperty("ADD_CONTEXT_PROCESSOR");
    if (value != null) {
      builder.addContextProcessor = parseBoolean("ADD_CONTEXT_PROCESSOR", value.strip());
    }
    value = properties.getProperty("REALM");
    if (value != null) {
      builder.realm = requireRealm("REALM", value.strip());
    }
    value = properties.getProperty("MAX_TOKEN_LENGTH");
    if (value != null) {
      builder.maxTokenLength = requireTokenLength("MAX_TOKEN_LENGTH", parseInt("MAX_TOKEN_LENGTH", value.strip()));
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

  @Override
  public String toString() {
    return "StatelessAuthConfig{authHeader=" + authHeader
        + ", defaultAuthType=" + defaultAuthType
        + ", defaultTokenType=" + defaultTokenType
        + ", addContextProcessor=" + addContextProcessor
        + ", realm=" + realm
        + ", maxTokenLength=" + maxTokenLength
        + ", preflightHandler=" + (preflightHandler == null ? "none" : preflightHandler) + "}";
  }

  static String requireToken(String name, String value) {
    if (!Syntax.isToken(value)) {
      throw new IllegalArgumentException(
          name + " must be an RFC 9110 token (letters, digits and !#$%&'*+-.^_`|~), was '" + value + "'");
    }
    return value;
  }

  static String requireTokenType(String name, String value) {
    if (!Syntax.isVisibleAscii(value)) {
      throw new IllegalArgumentException(
          name + " must be non-empty visible ASCII without white space, was '" + value + "'");
    }
    return value;
  }

  private static String requireRealm(String name, String value) {
    if (!Syntax.isChallengeText(value)) {
      throw new IllegalArgumentException(
          name + " must be printable ASCII without '\"' or '\\', was '" + value + "'");
    }
    return value;
  }

  private static int requireTokenLength(String name, int value) {
    if (value < 1 || value > MAX_TOKEN_LENGTH_LIMIT) {
      throw new IllegalArgumentException(
          name + " must be from 1 to " + MAX_TOKEN_LENGTH_LIMIT + ", was " + value);
    }
    return value;
  }

  private static boolean parseBoolean(String name, String value) {
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
  }

  private static int parseInt(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
    }
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

    private Builder() {}

    /** The request header that carries the credentials (an RFC 9110 token). */
    public Builder authHeader(String authHeader) {
      this.authHeader = requireToken("authHeader", Objects.requireNonNull(authHeader, "authHeader"));
      return this;
    }

    /** The scheme of routes whose {@code authType} is {@code ""} (an RFC 9110 token). */
    public Builder defaultAuthType(String defaultAuthType) {
      this.defaultAuthType =
          requireToken("defaultAuthType", Objects.requireNonNull(defaultAuthType, "defaultAuthType"));
      return this;
    }

    /** The token type of routes whose {@code tokenType} is {@code ""} (visible ASCII, no white space). */
    public Builder defaultTokenType(String defaultTokenType) {
      this.defaultTokenType =
          requireTokenType("defaultTokenType", Objects.requireNonNull(defaultTokenType, "defaultTokenType"));
      return this;
    }

    /** Whether the handler's exchange also answers {@code getAttribute("current_stateless_user")}. */
    public Builder addContextProcessor(boolean addContextProcessor) {
      this.addContextProcessor = addContextProcessor;
      return this;
    }

    /** The {@code WWW-Authenticate} realm (printable ASCII without {@code "} or {@code \}). */
    public Builder realm(String realm) {
      this.realm = requireRealm("realm", Objects.requireNonNull(realm, "realm"));
      return this;
    }

    /** The longest token accepted, from 1 to {@value StatelessAuthConfig#MAX_TOKEN_LENGTH_LIMIT}. */
    public Builder maxTokenLength(int maxTokenLength) {
      this.maxTokenLength = requireTokenLength("maxTokenLength", maxTokenLength);
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

    /** The settings. */
    public StatelessAuthConfig build() {
      return new StatelessAuthConfig(this);
    }
  }
}
