package io.statelessauth.processor;

import java.io.PrintWriter;
import java.io.StringWriter;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports errors on the exact element, annotation or annotation value at fault, and keeps an
 * unexpected exception from ever reaching javac.
 */
final class Diagnostics {
  private final Messager messager;

  Diagnostics(Messager messager) {
    this.messager = messager;
  }

  void error(Element element, String message) {
    messager.printMessage(Diagnostic.Kind.ERROR, message, element);
  }

  void error(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
    messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation, value);
  }

  /**
   * Runs {@code work} for {@code element}; an exception it throws becomes one error on the element
   * that names it, instead of a javac crash.
   */
  void guard(Element element, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException | LinkageError | AssertionError e) {
      internalError(element, e);
    }
  }

  /** One error for a failure outside any element's work ({@code element} may be null). */
  void internalError(Element element, Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    String where = element == null ? "a round" : element.toString();
    String message = Messages.INTERNAL_ERROR.format(where, trace);
    if (element == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }
  }
}
