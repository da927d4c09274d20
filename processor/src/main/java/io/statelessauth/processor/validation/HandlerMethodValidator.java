package io.statelessauth.processor.validation;

import com.palantir.javapoet.ClassName;
import io.statelessauth.processor.base.ElementFacts;
import io.statelessauth.processor.base.Messages;
import io.statelessauth.processor.base.TypeFacts;
import io.statelessauth.processor.base.ValidationReport;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Checks a {@code @TokenRequired} method's own declaration: callable (not private nor abstract),
 * not generic, returning void and throwing no checked exception but {@code IOException}.
 */
final class HandlerMethodValidator {
  private final TypeFacts typeFacts;

  HandlerMethodValidator(TypeFacts typeFacts) {
    this.typeFacts = typeFacts;
  }

  ValidationReport validate(ExecutableElement method, ClassName generated) {
    ValidationReport.Builder report = ValidationReport.about(method);
    String name = ElementFacts.describe(method);
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      report.report(Messages.HANDLER_PRIVATE, generated.simpleName(), name);
    }
    if (method.getModifiers().contains(Modifier.ABSTRACT)) {
      report.report(Messages.HANDLER_ABSTRACT, name);
    }
    if (!method.getTypeParameters().isEmpty()) {
      report.report(Messages.HANDLER_GENERIC, name);
    }
    if (method.getReturnType().getKind() != TypeKind.VOID) {
      report.report(Messages.HANDLER_RETURNS_VALUE, name, method.getReturnType());
    }
    TypeMirror ioException = typeFacts.typeNamed("java.io.IOException");
    for (TypeMirror thrown : method.getThrownTypes()) {
      if (typeFacts.isChecked(thrown) && !typeFacts.types().isAssignable(thrown, ioException)) {
        report.report(Messages.HANDLER_THROWS_CHECKED, name, thrown);
      }
    }
    return report.build();
  }
}
