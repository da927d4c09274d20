package io.statelessauth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the application's class that finds a token model by the token a request presents.
 *
 * <p>The type is a class, an abstract class or an interface with exactly one instance method
 * {@code load(String token, String tokenType, String authType)} that returns the token model (any
 * reference type) or {@code null} when the token is unknown. It may instead throw {@code io.statelessauth.StatelessAuthError} to
 * answer with its own status and message. One {@code @TokenLoader} and one {@link UserLoader}
 * form a pair; the processor generates {@code StatelessAuthManager} for the pair in this class's
 * package.
 *
 * <pre>{@code
 * @TokenLoader
 * public final class Tokens {
 *   private final TokenStore store;
 *
 *   public Tokens(TokenStore store) { this.store = store; }
 *
 *   public Token load(String token, String tokenType, String authType) {
 *     return store.findByHash(SecretTokens.hash(token), tokenType);
 *   }
 * }
 * }</pre>
 *
 * <p>{@code tokenType} and {@code authType} are the route's, after {@code ""} was replaced by the
 * configured defaults. The token has already been checked to be an RFC 6750 {@code b64token}.
 *
 * <p>The generated builder's {@code tokenLoader(...)} takes the annotated type, so annotating an
 * interface lets tests pass a fake, or a lambda when {@code load} is its only abstract method:
 * {@code builder().tokenLoader((token, tokenType, authType) -> ...)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface TokenLoader {}
