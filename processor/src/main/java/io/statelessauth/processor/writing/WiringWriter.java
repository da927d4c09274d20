package io.statelessauth.processor.writing;

import io.statelessauth.processor.base.Diagnostics;
import io.statelessauth.processor.base.ValidationReport;
import io.statelessauth.processor.model.HandlerClass;
import io.statelessauth.processor.model.LoaderBinding;
import io.statelessauth.processor.model.WiringPlan;
import java.util.function.BooleanSupplier;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * Writes a round's plan: the manager first, then each {@code Authenticated<Name>}, in the plan's
 * order. When the manager cannot be written, the handler classes of the same plan are not written
 * either, since they would refer to it. An unexpected exception while writing a file becomes one
 * error on the element it is generated from.
 */
public final class WiringWriter {
  private final Diagnostics diagnostics;
  private final ManagerWriter managers;
  private final AuthenticatedWriter authenticated;

  /** A writer that hands its files to {@code sink} and reports through {@code diagnostics}. */
  public WiringWriter(Elements elements, SourceSink sink, Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    SourceWriter sources = new SourceWriter(elements, sink, diagnostics);
    this.managers = new ManagerWriter(sources);
    this.authenticated = new AuthenticatedWriter(sources);
  }

  /** Writes every file of {@code plan}. */
  public void write(WiringPlan plan) {
    if (plan.manager().isPresent()) {
      LoaderBinding pair = plan.manager().get();
      if (!guarded(pair.tokenLoader(), () -> managers.write(pair))) {
        return;
      }
    }
    for (HandlerClass handlerClass : plan.handlerClasses()) {
      guarded(handlerClass.element(), () -> authenticated.write(handlerClass));
    }
  }

  /** Whether {@code work} wrote its file; an exception it throws becomes one error on {@code origin}. */
  private boolean guarded(Element origin, BooleanSupplier work) {
    try {
      return work.getAsBoolean();
    } catch (RuntimeException | LinkageError | AssertionError e) {
      diagnostics.print(ValidationReport.internalError(origin, e));
      return false;
    }
  }
}
