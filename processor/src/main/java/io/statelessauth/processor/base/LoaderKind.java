package io.statelessauth.processor.base;

/**
 * The two kinds of loader, with the words the messages use for each. The annotations are named,
 * never loaded, so that the processor runs without the annotations jar on its own path.
 */
public enum LoaderKind {
  TOKEN("TokenLoader", "token model", "Token load(String token, String tokenType, String authType)"),
  USER("UserLoader", "user", "User load(Token token), Token being the token model");

  /** The name of the one method each loader has. */
  public static final String LOAD = "load";

  private final String annotationName;
  private final String returns;
  private final String example;

  LoaderKind(String annotationName, String returns, String example) {
    this.annotationName = annotationName;
    this.returns = returns;
    this.example = example;
  }

  /** The qualified name of the annotation that marks a loader of this kind. */
  public String annotation() {
    return AnnotationNames.PACKAGE + "." + annotationName;
  }

  /** The annotation's simple name, as messages print it after {@code @}. */
  public String annotationName() {
    return annotationName;
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
