package io.statelessauth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler method that may run only for a request carrying a valid token.
 *
 * <p>The stateless-auth processor generates, beside the enclosing class {@code Name}, a class
 * {@code AuthenticatedName} with one method per annotated method that returns the
 * {@code HttpHandler} which authenticates the request and then calls the annotated method:
 *
 * <pre>{@code
 * final class SecretApi {
 *   @TokenRequired
 *   void secret(HttpExchange exchange) throws IOException { ... }
 *
 *   @TokenRequired(tokenType = "refresh")
 *   void refresh(HttpExchange exchange, Token token, User user) throws IOException { ... }
 *
 *   @TokenRequired(scopes = {"admin"})
 *   void purge(HttpExchange exchange) throws IOException { ... }
 *
 *   @TokenRequired(authType = {"Bearer", "ApiKey"})
 *   void whoami(HttpExchange exchange, User user) throws IOException { ... }
 * }
 *
 * AuthenticatedSecretApi api = new AuthenticatedSecretApi(new SecretApi(), manager);
 * server.createContext("/secret", api.secret());
 * }</pre>
 *
 * <p>The method returns {@code void}, may declare {@code throws IOException}, and takes, in any
 * order, any of: the {@code HttpExchange}, the user (the {@link UserLoader}'s return type or a
 * supertype of it) and the token model (the {@link TokenLoader}'s return type or a supertype).
 * On an {@link #optional} route the user and the token model are {@code java.util.Optional} of
 * those types instead, empty for an anonymous request.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface TokenRequired {

  /**
   * The kind of token this route accepts, passed to the {@link TokenLoader} so that it looks in
   * the right place, for example {@code "access"} or {@code "refresh"}. {@code ""} (the default)
   * means the configured default token type, {@code access} unless configured otherwise. It must
   * not contain whitespace.
   */
  String tokenType() default "";

  /**
   * The authentication schemes the route accepts, in order of preference, each compared without
   * regard to case: for example {@code "Bearer"}, or {@code {"Bearer", "ApiKey"}} for people and
   * machines. Empty (the default) means the configured default scheme, {@code Bearer} unless
   * configured otherwise. A scheme is read from the {@code Authorization} header unless the
   * configuration binds it to a header of its own ({@code credentialHeader}). A request must
   * present exactly one of them; one without any is answered with one challenge per scheme, in
   * this order. Each must be an RFC 9110 token; a blank entry, or a scheme listed twice, is a
   * compile error. {@code authType = "Bearer"} is the one-element array.
   */
  String[] authType() default {};

  /**
   * The scopes the token must grant, every one of them (RFC 6749 scope-tokens). Empty (the
   * default) requires none. Non-empty only where the token model implements
   * {@code io.statelessauth.TokenMixin}, whose {@code scopes()} tells what a token grants; a
   * token that lacks one gets 403 {@code insufficient_scope}.
   */
  String[] scopes() default {};

  /**
   * Roles of which the user must hold at least one (any-of, like {@code @RolesAllowed}). Empty (the
   * default) lets any authenticated user in. Non-empty only where the user implements {@code
   * io.statelessauth.UserMixin}, whose {@code roles()} tells what a user holds; a user who holds
   * none gets 403 (type {@code Role}, challenge {@code insufficient_scope} without a scope). Checked
   * after the active-user check. No role may be blank.
   */
  String[] roles() default {};

  /**
   * Whether a request without credentials for any of the route's schemes (no header, a blank one,
   * or another scheme) runs the method anonymously, with empty {@code Optional} user and token and no
   * current user bound. Credentials that are presented for one of the route's schemes are checked in full
   * as on any route: a bad token is refused, never treated as anonymous. The user and token
   * parameters of an optional route are declared {@code Optional<User>} and {@code Optional<Token>}.
   */
  boolean optional() default false;
}
