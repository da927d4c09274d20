package io.statelessauth.processor.validation;

import io.statelessauth.annotations.TokenLoader;
import io.statelessauth.annotations.UserLoader;
import java.lang.annotation.Annotation;

/** The two kinds of loader, with the words the messages use for each. */
public enum LoaderKind {
  TOKEN(TokenLoader.class, "token model", "Token load(String token, String tokenType, String authType)"),
  USER(UserLoader.class, "user", "User load(Token token), Token being the token model");

  private final Class<? extends Annotation> annotation;
  private final String returns;
  private final String example;

  LoaderKind(Class<? extends Annotation> annotation, String returns, String example) {
    this.annotation = annotation;
    this.returns = returns;
    this.example = example;
  }

  /** The annotation that marks a loader of this kind. */
  public Class<? extends Annotation> annotation() {
    return annotation;
  }

  /** The annotation's simple name, as messages print it after {@code @}. */
  public String annotationName() {
    return annotation.getSimpleName();
  }

  /** What load returns: "token model" or "user". */
  public String returns() {
    return returns;
  }

  /** A load method of the right shape, for the message that asks for one. */
  public String example() {
    return example;
  }
}
