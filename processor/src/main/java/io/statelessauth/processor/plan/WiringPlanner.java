package io.statelessauth.processor.plan;

import io.statelessauth.processor.base.Diagnostics;
import io.statelessauth.processor.base.TypeFacts;
import io.statelessauth.processor.base.ValidationReport;
import io.statelessauth.processor.collect.RoundElements;
import io.statelessauth.processor.model.GeneratedNames;
import io.statelessauth.processor.model.HandlerClass;
import io.statelessauth.processor.model.LoaderBinding;
import io.statelessauth.processor.model.WiringPlan;
import io.statelessauth.processor.validation.WiringValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Turns what a round collected into the plan of what to write: has each subject validated, prints
 * the reports, builds the model from clean ones only and claims each generated name. It holds what
 * the whole compilation shares: the validated loader pair, against which every later handler class
 * is built, and the names already taken. An unexpected exception while planning an element becomes
 * one error on it.
 */
public final class WiringPlanner {
  private final Diagnostics diagnostics;
  private final WiringValidator validator;
  private final ModelFactory models;
  private final NameRegistry names = new NameRegistry();
  /** The loader pair, once validated and built. */
  private Optional<LoaderBinding> loaders = Optional.empty();

  /** A planner for the compilation of these elements and types, reporting through {@code diagnostics}. */
  public WiringPlanner(Elements elements, TypeFacts typeFacts, Diagnostics diagnostics) {
    GeneratedNames generatedNames = new GeneratedNames(elements);
    this.diagnostics = diagnostics;
    this.validator = new WiringValidator(elements, typeFacts, generatedNames);
    this.models = new ModelFactory(elements, typeFacts, generatedNames);
  }

  /** Plans the round's elements; the plan holds what is valid and ready to be written. */
  public WiringPlan plan(RoundElements round) {
    names.declare(round.declaredTypes());
    diagnostics.print(validator.validateLoaderCounts(round));
    Optional<LoaderBinding> manager = Optional.empty();
    if (round.pairReady()) {
      TypeElement tokenLoader = round.tokenLoaders().all().get(0);
      TypeElement userLoader = round.userLoaders().all().get(0);
      manager = guarded(tokenLoader, () -> planManager(tokenLoader, userLoader));
      loaders = manager;
    }
    List<HandlerClass> classes = new ArrayList<>();
    for (TypeElement type : round.handlerClasses()) {
      guarded(type, () -> planHandlerClass(type, round)).ifPresent(classes::add);
    }
    if (round.last()) {
      diagnostics.print(validator.validateEnd(round));
    }
    return new WiringPlan(manager, classes);
  }

  private Optional<LoaderBinding> planManager(TypeElement tokenLoader, TypeElement userLoader) {
    if (!diagnostics.print(validator.validatePair(tokenLoader, userLoader))) {
      return Optional.empty();
    }
    LoaderBinding binding = models.loaderBinding(tokenLoader, userLoader);
    return diagnostics.print(names.claim(binding.manager(), tokenLoader)) ? Optional.of(binding) : Optional.empty();
  }

  private Optional<HandlerClass> planHandlerClass(TypeElement type, RoundElements round) {
    if (!diagnostics.print(validator.validateHandlerClass(type, round, loaders)) || loaders.isEmpty()) {
      return Optional.empty();
    }
    HandlerClass model = models.handlerClass(type, loaders.get());
    return diagnostics.print(names.claim(model.generated(), type)) ? Optional.of(model) : Optional.empty();
  }

  /** Runs {@code work} for {@code element}; an exception it throws becomes one error on the element. */
  private <T> Optional<T> guarded(Element element, Supplier<Optional<T>> work) {
    try {
      return work.get();
    } catch (RuntimeException | LinkageError | AssertionError e) {
      diagnostics.print(ValidationReport.internalError(element, e));
      return Optional.empty();
    }
  }
}
