package io.statelessauth.processor.model;

/** What the generated wrapper can pass to a handler parameter. */
public enum Injection {
  EXCHANGE("HttpExchange", GeneratedNames.EXCHANGE),
  USER("user", GeneratedNames.USER),
  TOKEN("token model", GeneratedNames.TOKEN);

  private final String description;
  private final String variable;

  Injection(String description, String variable) {
    this.description = description;
    this.variable = variable;
  }

  /** How messages name it. */
  public String description() {
    return description;
  }

  /** The generated variable that holds it. */
  public String variable() {
    return variable;
  }
}
