package io.statelessauth.processor;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Checks a {@code @TokenRequired} method's own declaration: callable (not private nor abstract,
 * 3.11), not generic, returning void (3.13) and throwing no checked exception but IOException
 * (3.14).
 */
final class HandlerMethodValidator {
  private final TypeFacts typeFacts;
  private final Diagnostics diagnostics;

  HandlerMethodValidator(TypeFacts typeFacts, Diagnostics diagnostics) {
    this.typeFacts = typeFacts;
    this.diagnostics = diagnostics;
  }

  /** Whether the method can be called by {@code generated}; reports each reason it cannot. */
  boolean validate(ExecutableElement method, ClassName generated) {
    String name = describe(method);
    boolean valid = true;
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      diagnostics.error(method, Messages.HANDLER_PRIVATE.format(generated.simpleName(), name));
      valid = false;
    }
    if (method.getModifiers().contains(Modifier.ABSTRACT)) {
      diagnostics.error(method, Messages.HANDLER_ABSTRACT.format(name));
      valid = false;
    }
    if (!method.getTypeParameters().isEmpty()) {
      diagnostics.error(method, Messages.HANDLER_GENERIC.format(name));
      valid = false;
    }
    if (method.getReturnType().getKind() != TypeKind.VOID) {
      diagnostics.error(
          method, Messages.HANDLER_RETURNS_VALUE.format(name, method.getReturnType()));
      valid = false;
    }
    TypeMirror ioException = typeFacts.typeNamed("java.io.IOException");
    for (TypeMirror thrown : method.getThrownTypes()) {
      if (typeFacts.isChecked(thrown) && !typeFacts.types().isAssignable(thrown, ioException)) {
        diagnostics.error(method, Messages.HANDLER_THROWS_CHECKED.format(name, thrown));
        valid = false;
      }
    }
    return valid;
  }

  /** {@code Api.secret}: how messages name a handler method. */
  static String describe(ExecutableElement method) {
    return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName();
  }
}
