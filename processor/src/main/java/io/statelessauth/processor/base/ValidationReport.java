package io.statelessauth.processor.base;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * What one validator found about one element, its subject: messages, each on the element,
 * annotation or annotation value at fault, and the reports about the subject's parts. Every
 * validator returns one; the planner prints it through {@link Diagnostics} and builds the model only
 * when it {@link #isClean() is clean}.
 */
public final class ValidationReport {
  private final List<Item> items;
  private final List<ValidationReport> subreports;

  private ValidationReport(Builder builder) {
    this.items = List.copyOf(builder.items);
    this.subreports = List.copyOf(builder.subreports);
  }

  /**
   * The report of an unexpected exception while processing {@code element}: one error on it that
   * names it and carries the trace, instead of a javac crash.
   */
  public static ValidationReport internalError(Element element, Throwable failure) {
    return about(element).report(Messages.INTERNAL_ERROR, element, Diagnostics.trace(failure)).build();
  }

  /** Starts a report about {@code subject}. */
  public static Builder about(Element subject) {
    return new Builder(subject);
  }

  /** Whether neither this report nor any of its subreports holds an error (warnings are clean). */
  public boolean isClean() {
    for (Item item : items) {
      if (item.message().kind() == Diagnostic.Kind.ERROR) {
        return false;
      }
    }
    for (ValidationReport subreport : subreports) {
      if (!subreport.isClean()) {
        return false;
      }
    }
    return true;
  }

  /** The messages of this report and its subreports, in the order they were found. */
  public List<Item> items() {
    List<Item> all = new ArrayList<>(items);
    for (ValidationReport subreport : subreports) {
      all.addAll(subreport.items());
    }
    return all;
  }

  /**
   * One message, placed on {@code element} and, when the fault is in an annotation, on {@code
   * annotation} and its {@code value} (either may be {@code null}).
   *
   * @param message which message, and so its kind
   * @param text the message with its placeholders filled in
   * @param element where it is reported
   * @param annotation the annotation at fault, or {@code null}
   * @param value the annotation value at fault, or {@code null}
   */
  public record Item(
      Messages message, String text, Element element, AnnotationMirror annotation, AnnotationValue value) {}

  /** Collects a report's messages and subreports. */
  public static final class Builder {
    private final Element subject;
    private final List<Item> items = new ArrayList<>();
    private final List<ValidationReport> subreports = new ArrayList<>();

    private Builder(Element subject) {
      this.subject = subject;
    }

    /** Reports {@code message} on the subject. */
    public Builder report(Messages message, Object... args) {
      return reportAt(subject, message, args);
    }

    /** Reports {@code message} on {@code element}, a part of the subject. */
    public Builder reportAt(Element element, Messages message, Object... args) {
      items.add(new Item(message, message.format(args), element, null, null));
      return this;
    }

    /** Reports {@code message} on {@code value} of {@code annotation} on {@code element}. */
    public Builder reportAt(
        Element element, AnnotationMirror annotation, AnnotationValue value, Messages message, Object... args) {
      items.add(new Item(message, message.format(args), element, annotation, value));
      return this;
    }

    /** Adds what a validator of one of the subject's parts found. */
    public Builder addSubreport(ValidationReport subreport) {
      subreports.add(subreport);
      return this;
    }

    /** The report. */
    public ValidationReport build() {
      return new ValidationReport(this);
    }
  }
}
