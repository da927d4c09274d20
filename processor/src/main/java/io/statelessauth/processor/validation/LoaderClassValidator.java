package io.statelessauth.processor.validation;

import io.statelessauth.processor.base.ElementFacts;
import io.statelessauth.processor.base.LoaderKind;
import io.statelessauth.processor.base.Messages;
import io.statelessauth.processor.base.ValidationReport;
import javax.lang.model.element.TypeElement;

/**
 * Checks that a loader is a type the generated manager can hold: a class, an abstract class or an
 * interface, not private, not inner, not generic.
 */
final class LoaderClassValidator {

  ValidationReport validate(TypeElement loader, LoaderKind kind) {
    ValidationReport.Builder report = ValidationReport.about(loader);
    String annotation = kind.annotationName();
    String name = loader.getQualifiedName().toString();
    switch (loader.getKind()) {
      case ANNOTATION_TYPE:
        return report.report(Messages.LOADER_NOT_A_CLASS, annotation, name, "an annotation type").build();
      case ENUM:
        return report.report(Messages.LOADER_NOT_A_CLASS, annotation, name, "an enum").build();
      default:
        break;
    }
    if (ElementFacts.isPrivateOrInPrivate(loader)) {
      report.report(Messages.LOADER_PRIVATE, annotation, name);
    }
    if (ElementFacts.isInner(loader)) {
      report.report(Messages.LOADER_INNER, annotation, name);
    }
    if (!loader.getTypeParameters().isEmpty()) {
      report.report(Messages.LOADER_GENERIC, annotation, name);
    }
    return report.build();
  }
}
