package io.statelessauth.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the application's class that finds the user a token model belongs to.
 *
 * <p>The type is a class, an abstract class or an interface with exactly one instance method
 * {@code load(T token)}, where
 * {@code T} is the {@link TokenLoader}'s return type or a supertype of it, returning the user (any
 * reference type) or {@code null} when the user cannot be found; a token without a user is a
 * server fault and answers 500. As for {@link TokenLoader}, the generated builder takes the
 * annotated type, so an interface can be implemented by a fake or a lambda in tests.
 *
 * <pre>{@code
 * @UserLoader
 * public final class Users {
 *   private final UserStore store;
 *
 *   public Users(UserStore store) { this.store = store; }
 *
 *   public User load(Token token) {
 *     return store.findById(token.userId());
 *   }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface UserLoader {}
