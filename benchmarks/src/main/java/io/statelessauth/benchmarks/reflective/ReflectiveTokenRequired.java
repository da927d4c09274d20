package io.statelessauth.benchmarks.reflective;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code @TokenRequired} as a run-time scanning library declares it: the same elements, RUNTIME
 * retention so that {@link ReflectiveAuth} can read it per request.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReflectiveTokenRequired {

  /** The token type; {@code ""} means {@code access}. */
  String tokenType() default "";

  /** The scheme; {@code ""} means {@code Bearer}. */
  String authType() default "";

  /** The scopes the token must grant. */
  String[] scopes() default {};
}
