package io.statelessauth.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Decides what the wrapper passes to each handler parameter: the {@code HttpExchange}, the user or
 * the token model, whichever the parameter's type accepts. A parameter that accepts none, more than
 * one, or one already passed is an error (3.12), as is a type the wrapper cannot name (3.10).
 */
final class HandlerParameterValidator {
  private final Elements elements;
  private final Types types;
  private final TypeFacts typeFacts;
  private final Diagnostics diagnostics;

  HandlerParameterValidator(Elements elements, TypeFacts typeFacts, Diagnostics diagnostics) {
    this.elements = elements;
    this.types = typeFacts.types();
    this.typeFacts = typeFacts;
    this.diagnostics = diagnostics;
  }

  /** What to pass to each parameter, or empty after reporting each one that cannot be served. */
  Optional<List<HandlerArgument>> validate(
      ExecutableElement method, LoaderPair loaders, ClassName generated) {
    Map<Injection, TypeMirror> sources = new EnumMap<>(Injection.class);
    sources.put(Injection.EXCHANGE, typeFacts.typeNamed(RuntimeTypes.HTTP_EXCHANGE.canonicalName()));
    sources.put(Injection.USER, loaders.userType());
    sources.put(Injection.TOKEN, loaders.tokenType());
    String injectable = Messages.INJECTABLE.format(loaders.userType(), loaders.tokenType());
    String name = HandlerMethodValidator.describe(method);
    PackageElement pkg = elements.getPackageOf(method);

    Map<Injection, VariableElement> taken = new EnumMap<>(Injection.class);
    List<HandlerArgument> arguments = new ArrayList<>();
    boolean valid = true;
    for (VariableElement parameter : method.getParameters()) {
      TypeMirror type = parameter.asType();
      List<Injection> fits = fits(type, sources);
      String message = null;
      if (fits.isEmpty()) {
        message =
            Messages.PARAMETER_NOT_INJECTABLE.format(parameter.getSimpleName(), name, type, injectable);
      } else if (fits.size() > 1) {
        List<String> accepted =
            fits.stream().map(f -> describe(f, sources)).collect(Collectors.toCollection(ArrayList::new));
        String last = accepted.remove(accepted.size() - 1);
        message =
            Messages.PARAMETER_AMBIGUOUS.format(
                parameter.getSimpleName(),
                name,
                type,
                String.join(", ", accepted) + " and " + last,
                injectable);
      } else if (taken.containsKey(fits.get(0))) {
        message =
            Messages.PARAMETER_REPEATED.format(
                parameter.getSimpleName(),
                name,
                fits.get(0).description(),
                taken.get(fits.get(0)).getSimpleName());
      } else if (!typeFacts.isReachable(type, pkg)) {
        message =
            Messages.PARAMETER_UNREACHABLE.format(
                parameter.getSimpleName(), name, type, generated.simpleName());
      }
      if (message != null) {
        diagnostics.error(parameter, message);
        valid = false;
      } else {
        taken.put(fits.get(0), parameter);
        arguments.add(new HandlerArgument(fits.get(0), type));
      }
    }
    return valid ? Optional.of(List.copyOf(arguments)) : Optional.empty();
  }

  private List<Injection> fits(TypeMirror parameter, Map<Injection, TypeMirror> sources) {
    if (parameter.getKind() != TypeKind.DECLARED && parameter.getKind() != TypeKind.ARRAY) {
      return List.of();
    }
    return sources.entrySet().stream()
        .filter(source -> types.isAssignable(source.getValue(), parameter))
        .map(Map.Entry::getKey)
        .collect(Collectors.toList());
  }

  private static String describe(Injection injection, Map<Injection, TypeMirror> sources) {
    return injection == Injection.EXCHANGE
        ? "the HttpExchange"
        : "the " + injection.description() + " " + sources.get(injection);
  }
}
