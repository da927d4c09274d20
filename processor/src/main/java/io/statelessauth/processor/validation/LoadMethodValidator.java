package io.statelessauth.processor.validation;

import io.statelessauth.processor.base.ElementFacts;
import io.statelessauth.processor.base.LoaderKind;
import io.statelessauth.processor.base.Messages;
import io.statelessauth.processor.base.TypeFacts;
import io.statelessauth.processor.base.ValidationReport;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Finds a loader's one instance method {@code load} and checks its own shape: not static, private
 * or generic, the token loader's three {@code String}s and the user loader's one parameter, a
 * reference return type and no checked exception.
 */
final class LoadMethodValidator {
  private final TypeFacts typeFacts;

  LoadMethodValidator(TypeFacts typeFacts) {
    this.typeFacts = typeFacts;
  }

  ValidationReport validate(TypeElement loader, LoaderKind kind) {
    ValidationReport.Builder report = ValidationReport.about(loader);
    String annotation = kind.annotationName();
    String name = loader.getQualifiedName().toString();
    List<ExecutableElement> candidates = typeFacts.loadMethods(loader);
    if (candidates.isEmpty()) {
      return report.report(Messages.LOAD_MISSING, annotation, name, kind.example()).build();
    }
    if (candidates.size() > 1) {
      String found = candidates.stream().map(Object::toString).collect(Collectors.joining(", "));
      for (ExecutableElement candidate : candidates) {
        report.reportAt(ElementFacts.reportedAt(candidate, loader),
            Messages.LOAD_SEVERAL, candidates.size(), annotation, name, found);
      }
      return report.build();
    }
    ExecutableElement load = candidates.get(0);
    Element at = ElementFacts.reportedAt(load, loader);
    if (load.getModifiers().contains(Modifier.STATIC)) {
      report.reportAt(at, Messages.LOAD_STATIC, annotation, name);
    }
    if (load.getModifiers().contains(Modifier.PRIVATE)) {
      report.reportAt(at, Messages.LOAD_PRIVATE, annotation, name);
    }
    if (!load.getTypeParameters().isEmpty()) {
      report.reportAt(at, Messages.LOAD_GENERIC, annotation, name);
    }
    TypeMirror returned = load.getReturnType();
    if (returned.getKind().isPrimitive() || returned.getKind() == TypeKind.VOID) {
      report.reportAt(at, Messages.LOAD_RETURNS_NON_REFERENCE, annotation, name, kind.returns(), returned);
    }
    for (TypeMirror thrown : load.getThrownTypes()) {
      if (typeFacts.isChecked(thrown)) {
        report.reportAt(at, Messages.LOAD_THROWS_CHECKED, annotation, name, thrown);
      }
    }
    if (kind == LoaderKind.TOKEN) {
      checkTokenParameters(report, load, loader);
    } else if (load.getParameters().size() != 1) {
      report.reportAt(at, Messages.USER_LOAD_PARAMETER_COUNT, name, describe(load.getParameters()));
    }
    return report.build();
  }

  private void checkTokenParameters(ValidationReport.Builder report, ExecutableElement load, TypeElement loader) {
    List<? extends VariableElement> parameters = load.getParameters();
    Object[] args = {loader.getQualifiedName(), describe(parameters)};
    if (parameters.size() != 3) {
      report.reportAt(ElementFacts.reportedAt(load, loader), Messages.TOKEN_LOAD_PARAMETERS, args);
      return;
    }
    TypeMirror string = typeFacts.typeNamed("java.lang.String");
    for (VariableElement parameter : parameters) {
      if (!typeFacts.types().isSameType(parameter.asType(), string)) {
        report.reportAt(ElementFacts.reportedAt(parameter, load, loader), Messages.TOKEN_LOAD_PARAMETERS, args);
      }
    }
  }

  private static String describe(List<? extends VariableElement> parameters) {
    return parameters.stream()
        .map(p -> p.asType() + " " + p.getSimpleName())
        .collect(Collectors.joining(", "));
  }
}
