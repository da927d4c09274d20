package io.statelessauth.example.routes;

import io.statelessauth.AuthCache;
import io.statelessauth.example.accounts.Accounts;
import io.statelessauth.example.accounts.Passwords;
import io.statelessauth.example.auth.StatelessAuthManager;
import io.statelessauth.example.auth.Tokens;
import io.statelessauth.example.cli.Settings;
import io.statelessauth.example.storage.ApiKeyStore;
import io.statelessauth.example.storage.TokenStore;
import io.statelessauth.example.storage.UserStore;
import java.time.Clock;

/**
 * The service's route table: which handler answers each method and path. The routes that take a
 * token run through the {@code Authenticated<Name>} wrappers the processor generates beside their
 * classes in this package, each authenticating with the manager.
 */
public final class Routes {

  private Routes() {}

  /**
   * The {@link Router} of every route, authenticated by {@code manager}, running at most {@code
   * settings.workerThreads()} handlers at once.
   *
   * @param cache the manager's cache, whose counters the admin routes show; {@code null} when it
   *     is off
   * @param tokenLoader the manager's token loader, whose lookups the admin routes count
   * @param clock paces the login and registration throttles
   */
  public static Router table(Settings settings, UserStore users, TokenStore tokens,
      ApiKeyStore apiKeys, StatelessAuthManager manager, AuthCache cache, Tokens tokenLoader,
      Clock clock) {
    // Logins waiting for a hash slot hold handler slots: half of them at most.
    int hashQueue = Math.max(1, settings.workerThreads() / 2);
    PublicRoutes open = new PublicRoutes(new Accounts(users, tokens,
        new Passwords(settings.passwordIterations()), settings.limits(), hashQueue, clock));
    AuthenticatedMemberRoutes members =
        new AuthenticatedMemberRoutes(new MemberRoutes(tokens, apiKeys), manager);
    AuthenticatedApiKeyRoutes keys =
        new AuthenticatedApiKeyRoutes(new ApiKeyRoutes(apiKeys), manager);
    AuthenticatedAdminRoutes admins =
        new AuthenticatedAdminRoutes(new AdminRoutes(users, cache, tokenLoader), manager);
    return new Router(settings.workerThreads())
        .route("GET", "/", members.hello())
        .route("POST", "/user", open::register)
        .route("DELETE", "/user", members.deleteUser())
        .route("POST", "/create_token", open::createToken)
        .route("DELETE", "/delete_token", members.deleteToken())
        .route("PUT", "/refresh_token", members.refreshToken())
        .route("GET", "/secret", members.secret())
        .route("GET", "/whoami", members.whoami())
        .route("POST", "/api_keys", keys.create())
        .route("GET", "/api_keys", keys.list())
        .route("DELETE", "/api_keys/" + Router.ID, keys.revoke())
        .route("GET", "/no_current_stateless_user", open::noCurrentUser)
        .route("GET", "/admin/users", admins.users())
        .route("GET", "/admin/auth-cache", admins.authCache());
  }
}
