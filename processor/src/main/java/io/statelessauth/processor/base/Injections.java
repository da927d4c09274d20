package io.statelessauth.processor.base;

import io.statelessauth.processor.model.HandlerArgument;
import io.statelessauth.processor.model.Injection;
import io.statelessauth.processor.model.LoaderBinding;
import io.statelessauth.processor.model.RuntimeTypes;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * What the generated wrapper can pass to a parameter of a handler method of one loader pair:
 * the {@code HttpExchange}, the user and the token model as they are, or the user and the token
 * model wrapped in an {@code Optional}. The validator and the model both ask it, so that the
 * argument the model records is the one the validator checked.
 */
public final class Injections {
  private final Types types;
  private final TypeFacts typeFacts;
  private final TypeMirror exchange;
  private final LoaderBinding loaders;

  /** What handlers of {@code loaders} can be passed. */
  public Injections(TypeFacts typeFacts, LoaderBinding loaders) {
    this.types = typeFacts.types();
    this.typeFacts = typeFacts;
    this.exchange = typeFacts.typeNamed(RuntimeTypes.HTTP_EXCHANGE.canonicalName());
    this.loaders = loaders;
  }

  /** Every argument a parameter of type {@code parameter} accepts: none, one, or (ambiguous) several. */
  public List<HandlerArgument> accepted(TypeMirror parameter) {
    List<HandlerArgument> accepted = new ArrayList<>();
    if (parameter.getKind() != TypeKind.DECLARED && parameter.getKind() != TypeKind.ARRAY) {
      return accepted;
    }
    if (types.isAssignable(exchange, parameter)) {
      accepted.add(new HandlerArgument(Injection.EXCHANGE, parameter, false));
    }
    for (Injection model : List.of(Injection.USER, Injection.TOKEN)) {
      TypeMirror value = typeOf(model);
      if (types.isAssignable(value, parameter)) {
        accepted.add(new HandlerArgument(model, parameter, false));
      } else if (typeFacts.isOptional(parameter) && typeFacts.optionalAccepts(parameter, value)) {
        accepted.add(new HandlerArgument(model, parameter, true));
      }
    }
    return accepted;
  }

  /** The user's or the token model's type. */
  public TypeMirror typeOf(Injection model) {
    return model == Injection.USER ? loaders.userType() : loaders.tokenType();
  }

  /** How a message names what an argument passes: "the user test.User", "an Optional of the user test.User". */
  public String describe(HandlerArgument argument) {
    if (argument.source() == Injection.EXCHANGE) {
      return "the HttpExchange";
    }
    String model = "the " + argument.source().description() + " " + typeOf(argument.source());
    return argument.optional() ? "an Optional of " + model : model;
  }
}
