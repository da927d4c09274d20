package io.statelessauth.processor.base;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import javax.annotation.processing.Messager;

/**
 * The one path by which the processor prints what it found: a {@link ValidationReport} on its
 * elements, a mistake only javac's syntax trees can place, and a failure of a whole round.
 */
public final class Diagnostics {
  private final Messager messager;

  /** Prints to {@code messager}. */
  public Diagnostics(Messager messager) {
    this.messager = messager;
  }

  /** Prints every message of {@code report} on its element; whether the report was clean. */
  public boolean print(ValidationReport report) {
    for (ValidationReport.Item item : report.items()) {
      if (item.annotation() == null) {
        messager.printMessage(item.message().kind(), item.text(), item.element());
      } else {
        messager.printMessage(item.message().kind(), item.text(), item.element(), item.annotation(), item.value());
      }
    }
    return report.isClean();
  }

  /** Prints every report of {@code reports}. */
  public void print(List<ValidationReport> reports) {
    reports.forEach(this::print);
  }

  /** Prints {@code message} on {@code tree} of {@code unit}, for what the element API never shows. */
  public void print(Trees trees, Tree tree, CompilationUnitTree unit, Messages message, Object... args) {
    trees.printMessage(message.kind(), message.format(args), tree, unit);
  }

  /** Prints the internal error of a round that failed as a whole, where no element is at fault. */
  public void printInternalError(Throwable failure) {
    Messages message = Messages.INTERNAL_ERROR;
    messager.printMessage(message.kind(), message.format("a round", trace(failure)));
  }

  /** The stack trace of {@code failure}, for an internal error. */
  static String trace(Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}
