package io.statelessauth.processor;

import io.statelessauth.annotations.TokenRequired;
import java.util.ArrayList;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The handler phase, across rounds: collects the classes with {@code @TokenRequired} methods by
 * name, and validates and generates each once the loader pair is settled and the class's types
 * are known.
 */
final class Handlers {
  private final SortedSet<String> pending = new TreeSet<>();
  private final Elements elements;
  private final TypeFacts typeFacts;
  private final HandlerClassValidator validator;
  private final AuthenticatedGenerator generator;
  private final Diagnostics diagnostics;

  Handlers(
      Elements elements,
      TypeFacts typeFacts,
      HandlerClassValidator validator,
      AuthenticatedGenerator generator,
      Diagnostics diagnostics) {
    this.elements = elements;
    this.typeFacts = typeFacts;
    this.validator = validator;
    this.generator = generator;
    this.diagnostics = diagnostics;
  }

  /** Adds the classes that declare the round's {@code @TokenRequired} methods. */
  void collect(RoundEnvironment round) {
    for (Element method : round.getElementsAnnotatedWith(TokenRequired.class)) {
      if (method.getEnclosingElement() instanceof TypeElement type) {
        pending.add(type.getQualifiedName().toString());
      }
    }
  }

  /** Validates and generates each waiting class whose types are known, once the pair is settled. */
  void process(Loaders loaders) {
    if (!loaders.isSettled()) {
      return;
    }
    for (String name : new ArrayList<>(pending)) {
      TypeElement type = elements.getTypeElement(name);
      if (isResolved(type)) {
        pending.remove(name);
        diagnostics.guard(
            type, () -> validator.validate(type, loaders.validPair()).ifPresent(generator::generate));
      }
    }
  }

  /**
   * At the end of processing, for the classes still waiting: checks what does not depend on the
   * loaders, and reports handlers without loaders (3.2) or types that never resolved.
   */
  void finish(Loaders loaders, boolean errorRaised) {
    for (String name : pending) {
      TypeElement type = elements.getTypeElement(name);
      diagnostics.guard(
          type,
          () -> {
            if (!isResolved(type)) {
              if (!errorRaised) {
                diagnostics.error(type, Messages.UNRESOLVED.format(type.getQualifiedName()));
              }
              return;
            }
            validator.validate(type, Optional.empty());
            if (loaders.isEmpty()) {
              for (ExecutableElement method : HandlerClassValidator.handlerMethods(type)) {
                diagnostics.error(
                    method,
                    Messages.HANDLER_WITHOUT_LOADERS.format(HandlerMethodValidator.describe(method)));
              }
            }
          });
    }
    pending.clear();
  }

  private boolean isResolved(TypeElement type) {
    return typeFacts.isResolved(type)
        && HandlerClassValidator.handlerMethods(type).stream().allMatch(typeFacts::isResolved);
  }
}
