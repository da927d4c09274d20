package io.statelessauth.processor;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Finds a loader's one instance method {@code load} and checks its own shape: not static, private
 * or generic (3.5), the token loader's three {@code String}s and the user loader's one parameter
 * (3.6, 3.8), a reference return type (3.7) and no checked exception (3.9).
 */
final class LoadMethodValidator {
  static final String LOAD = "load";

  private final Elements elements;
  private final TypeFacts typeFacts;
  private final Diagnostics diagnostics;

  LoadMethodValidator(Elements elements, TypeFacts typeFacts, Diagnostics diagnostics) {
    this.elements = elements;
    this.typeFacts = typeFacts;
    this.diagnostics = diagnostics;
  }

  /** The load methods of {@code loader}, declared or inherited, in declaration order. */
  List<ExecutableElement> candidates(TypeElement loader) {
    return ElementFilter.methodsIn(elements.getAllMembers(loader)).stream()
        .filter(method -> method.getSimpleName().contentEquals(LOAD))
        .collect(Collectors.toList());
  }

  /** The loader's valid load method, or empty after reporting what is wrong with it. */
  Optional<ExecutableElement> validate(TypeElement loader, LoaderKind kind) {
    String annotation = kind.annotationName();
    String name = loader.getQualifiedName().toString();
    List<ExecutableElement> candidates = candidates(loader);
    if (candidates.isEmpty()) {
      diagnostics.error(loader, Messages.LOAD_MISSING.format(annotation, name, kind.example()));
      return Optional.empty();
    }
    if (candidates.size() > 1) {
      String found = candidates.stream().map(Object::toString).collect(Collectors.joining(", "));
      for (ExecutableElement candidate : candidates) {
        diagnostics.error(
            at(candidate, loader),
            Messages.LOAD_SEVERAL.format(candidates.size(), annotation, name, found));
      }
      return Optional.empty();
    }
    ExecutableElement load = candidates.get(0);
    Element at = at(load, loader);
    boolean valid = true;
    if (load.getModifiers().contains(Modifier.STATIC)) {
      diagnostics.error(at, Messages.LOAD_STATIC.format(annotation, name));
      valid = false;
    }
    if (load.getModifiers().contains(Modifier.PRIVATE)) {
      diagnostics.error(at, Messages.LOAD_PRIVATE.format(annotation, name));
      valid = false;
    }
    if (!load.getTypeParameters().isEmpty()) {
      diagnostics.error(at, Messages.LOAD_GENERIC.format(annotation, name));
      valid = false;
    }
    TypeMirror returned = load.getReturnType();
    if (returned.getKind().isPrimitive() || returned.getKind() == TypeKind.VOID) {
      diagnostics.error(
          at, Messages.LOAD_RETURNS_NON_REFERENCE.format(annotation, name, kind.returns(), returned));
      valid = false;
    }
    for (TypeMirror thrown : load.getThrownTypes()) {
      if (typeFacts.isChecked(thrown)) {
        diagnostics.error(at, Messages.LOAD_THROWS_CHECKED.format(annotation, name, thrown));
        valid = false;
      }
    }
    valid &= kind == LoaderKind.TOKEN ? validTokenParameters(load, loader) : validUserArity(load, loader);
    return valid ? Optional.of(load) : Optional.empty();
  }

  private boolean validTokenParameters(ExecutableElement load, TypeElement loader) {
    List<? extends VariableElement> parameters = load.getParameters();
    String message =
        Messages.TOKEN_LOAD_PARAMETERS.format(loader.getQualifiedName(), describe(parameters));
    if (parameters.size() != 3) {
      diagnostics.error(at(load, loader), message);
      return false;
    }
    TypeMirror string = typeFacts.typeNamed("java.lang.String");
    boolean valid = true;
    for (VariableElement parameter : parameters) {
      if (!typeFacts.types().isSameType(parameter.asType(), string)) {
        diagnostics.error(at(parameter, load, loader), message);
        valid = false;
      }
    }
    return valid;
  }

  private boolean validUserArity(ExecutableElement load, TypeElement loader) {
    if (load.getParameters().size() == 1) {
      return true;
    }
    diagnostics.error(
        at(load, loader),
        Messages.USER_LOAD_PARAMETER_COUNT.format(
            loader.getQualifiedName(), describe(load.getParameters())));
    return false;
  }

  private static String describe(List<? extends VariableElement> parameters) {
    return parameters.stream()
        .map(p -> p.asType() + " " + p.getSimpleName())
        .collect(Collectors.joining(", "));
  }

  /** Where to report about {@code member}: on it when the loader declares it, else on the loader. */
  static Element at(Element member, TypeElement loader) {
    return member.getEnclosingElement().equals(loader) ? member : loader;
  }

  /** Where to report about a parameter of {@code load}: on it when the loader declares load. */
  static Element at(VariableElement parameter, ExecutableElement load, TypeElement loader) {
    return load.getEnclosingElement().equals(loader) ? parameter : loader;
  }
}
