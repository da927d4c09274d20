package io.statelessauth.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/** Checks that a loader is a concrete, static, non-generic class the manager can reach (3.4). */
final class LoaderClassValidator {
  private final Diagnostics diagnostics;

  LoaderClassValidator(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Whether {@code loader} is a usable class; reports each reason it is not. */
  boolean validate(TypeElement loader, LoaderKind kind) {
    String annotation = kind.annotationName();
    String name = loader.getQualifiedName().toString();
    String notAClass =
        switch (loader.getKind()) {
          case INTERFACE -> "an interface";
          case ANNOTATION_TYPE -> "an annotation type";
          case ENUM -> "an enum";
          default -> null;
        };
    if (notAClass != null) {
      diagnostics.error(loader, Messages.LOADER_NOT_A_CLASS.format(annotation, name, notAClass));
      return false;
    }
    boolean valid = true;
    if (loader.getModifiers().contains(Modifier.ABSTRACT)) {
      diagnostics.error(loader, Messages.LOADER_ABSTRACT.format(annotation, name));
      valid = false;
    }
    if (isPrivateOrInPrivate(loader)) {
      diagnostics.error(loader, Messages.LOADER_PRIVATE.format(annotation, name));
      valid = false;
    }
    if (loader.getNestingKind() == NestingKind.MEMBER
        && !loader.getModifiers().contains(Modifier.STATIC)) {
      diagnostics.error(loader, Messages.LOADER_INNER.format(annotation, name));
      valid = false;
    }
    if (!loader.getTypeParameters().isEmpty()) {
      diagnostics.error(loader, Messages.LOADER_GENERIC.format(annotation, name));
      valid = false;
    }
    return valid;
  }

  private static boolean isPrivateOrInPrivate(TypeElement type) {
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }
}
