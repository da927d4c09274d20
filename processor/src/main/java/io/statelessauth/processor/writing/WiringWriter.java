package io.statelessauth.processor.writing;

import io.statelessauth.processor.model.HandlerClass;
import io.statelessauth.processor.model.LoaderBinding;
import io.statelessauth.processor.model.WiringPlan;
import io.statelessauth.processor.validation.ValidationReport;
import java.util.function.BooleanSupplier;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;

/**
 * Writes a round's plan: the manager first, then each {@code Authenticated<Name>}, in the plan's
 * order. When the manager cannot be written, the handler classes of the same plan are not written
 * either, since they would refer to it. An unexpected exception while writing a file becomes one
 * error on the element it is generated from.
 */
public final class WiringWriter {
  private final Messager messager;
  private final ManagerWriter managers;
  private final AuthenticatedWriter authenticated;

  /** A writer that hands its files to {@code sink}. */
  public WiringWriter(ProcessingEnvironment environment, SourceSink sink) {
    this.messager = environment.getMessager();
    SourceWriter sources = new SourceWriter(environment.getElementUtils(), sink, messager);
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
      ValidationReport.internalError(origin, e).printMessagesTo(messager);
      return false;
    }
  }
}
