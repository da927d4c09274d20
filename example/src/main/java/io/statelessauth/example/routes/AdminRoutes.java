package io.statelessauth.example.routes;

import com.sun.net.httpserver.HttpExchange;
import io.statelessauth.AuthCache;
import io.statelessauth.annotations.TokenRequired;
import io.statelessauth.example.accounts.Names;
import io.statelessauth.example.auth.Tokens;
import io.statelessauth.example.storage.User;
import io.statelessauth.example.storage.UserStore;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routes for administrators: users who hold the role {@value User#ADMIN} (granted at start-up
 * with {@code --admin NAME}): the user names, and the authentication cache's counters. The generated {@code AuthenticatedAdminRoutes} answers 401 without a
 * valid access token and 403 {@code Role error: Insufficient role} to a user without the role.
 */
final class AdminRoutes {

  /** The most names one answer of {@code GET /admin/users} lists. */
  static final int PAGE_SIZE = 100;

  private final UserStore users;
  /** The manager's cache, or {@code null} when it is off. */
  private final AuthCache cache;
  private final Tokens tokenLoader;

  AdminRoutes(UserStore users, AuthCache cache, Tokens tokenLoader) {
    this.users = users;
    this.cache = cache;
    this.tokenLoader = tokenLoader;
  }

  /**
   * {@code GET /admin/users[?after=NAME]}: {@code {"users": [...]}}, up to {@value #PAGE_SIZE}
   * registered names in the database's order, after {@code NAME} when given; when more follow,
   * {@code "next"} holds the name to ask after. Any other query answers 400. (The answer is sent
   * here: what a handler throws, other than a {@code StatelessAuthError}, the library answers
   * 500.)
   */
  @TokenRequired(roles = User.ADMIN)
  void users(HttpExchange exchange) throws IOException {
    Optional<String> after = after(exchange.getRequestURI().getRawQuery());
    if (after.isEmpty()) {
      Json.sendError(exchange, 400, "The only query parameter is 'after', with a name");
      return;
    }
    List<String> names = users.names(after.get(), PAGE_SIZE + 1);
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("users", names.subList(0, Math.min(PAGE_SIZE, names.size())));
    if (names.size() > PAGE_SIZE) {
      page.put("next", names.get(PAGE_SIZE - 1));
    }
    Json.send(exchange, 200, page);
  }

  /**
   * {@code GET /admin/auth-cache}: the authentication cache's counters, for metrics, with how many
   * times tokens were looked up in the database: {@code {"enabled", "size", "hits", "misses",
   * "loads", "evictions", "invalidations", "token_lookups"}}; without a cache, {@code "enabled":
   * false} and the lookups.
   */
  @TokenRequired(roles = User.ADMIN)
  void authCache(HttpExchange exchange) throws IOException {
    Map<String, Object> counters = new LinkedHashMap<>();
    counters.put("enabled", cache != null);
    if (cache != null) {
      AuthCache.Stats stats = cache.stats();
      counters.put("size", stats.size());
      counters.put("hits", stats.hits());
      counters.put("misses", stats.misses());
      counters.put("loads", stats.loads());
      counters.put("evictions", stats.evictions());
      counters.put("invalidations", stats.invalidations());
    }
    counters.put("token_lookups", tokenLoader.lookups());
    Json.send(exchange, 200, counters);
  }

  /**
   * The name to list after: the value of {@code after}, or {@code ""} without a query; empty
   * when the query is anything else, or the name holds a control character (which no name has,
   * and PostgreSQL refuses a NUL) or a lone surrogate.
   */
  private static Optional<String> after(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return Optional.of("");
    }
    if (!rawQuery.startsWith("after=") || rawQuery.indexOf('&') >= 0) {
      return Optional.empty();
    }
    try {
      String after =
          URLDecoder.decode(rawQuery.substring("after=".length()), StandardCharsets.UTF_8);
      return Names.hasControlCharacters(after) ? Optional.empty() : Optional.of(after);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
