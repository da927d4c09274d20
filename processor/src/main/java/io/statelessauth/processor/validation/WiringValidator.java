package io.statelessauth.processor.validation;

import io.statelessauth.processor.model.GeneratedNames;
import io.statelessauth.processor.model.HandlerClass;
import io.statelessauth.processor.model.LoaderBinding;
import io.statelessauth.processor.model.WiringPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;

/**
 * Validates what a round collected into the plan of what to write: the loader pair once, then each
 * handler class against it. Runs the validators, prints their reports, and builds the model only
 * from clean ones. An unexpected exception while validating an element becomes one error on it.
 */
public final class WiringValidator {
  private final Messager messager;
  private final Elements elements;
  private final LoaderClassValidator loaderClasses = new LoaderClassValidator();
  private final LoadMethodValidator loadMethods;
  private final LoaderPairValidator pairs;
  private final HandlerClassValidator handlerClasses;
  private final NameRegistry names = new NameRegistry();
  private final ModelFactory models;
  /** The loader pair, once validated: every later handler class is checked against it. */
  private Optional<LoaderBinding> loaders = Optional.empty();

  /** A validator for the compilation of {@code environment}. */
  public WiringValidator(ProcessingEnvironment environment) {
    this.messager = environment.getMessager();
    this.elements = environment.getElementUtils();
    TypeFacts typeFacts = new TypeFacts(elements, environment.getTypeUtils());
    GeneratedNames generatedNames = new GeneratedNames(elements);
    this.loadMethods = new LoadMethodValidator(elements, typeFacts);
    this.pairs = new LoaderPairValidator(elements, typeFacts, loadMethods);
    this.handlerClasses = new HandlerClassValidator(elements, typeFacts, generatedNames);
    this.models = new ModelFactory(elements, typeFacts, generatedNames, pairs);
  }

  /** Validates the round's elements; the plan holds what is valid and ready to be written. */
  public WiringPlan validate(RoundElements round) {
    names.declare(round.declaredTypes());
    reportTooMany(round.tokenLoaders());
    reportTooMany(round.userLoaders());
    Optional<LoaderBinding> manager = Optional.empty();
    if (round.pairReady()) {
      TypeElement tokenLoader = round.tokenLoaders().all().get(0);
      TypeElement userLoader = round.userLoaders().all().get(0);
      manager = guarded(tokenLoader, () -> validatePair(tokenLoader, userLoader));
      loaders = manager;
    }
    boolean noLoaders = round.tokenLoaders().all().isEmpty() && round.userLoaders().all().isEmpty();
    List<HandlerClass> classes = new ArrayList<>();
    for (TypeElement type : round.handlerClasses()) {
      guarded(type, () -> validateHandlerClass(type, noLoaders)).ifPresent(classes::add);
    }
    if (round.last()) {
      reportMissingPartner(round.tokenLoaders(), round.userLoaders());
      for (TypeElement type : round.unresolved()) {
        print(ValidationReport.about(type).report(Messages.UNRESOLVED, type.getQualifiedName()).build());
      }
    }
    return new WiringPlan(manager, classes);
  }

  private Optional<LoaderBinding> validatePair(TypeElement tokenLoader, TypeElement userLoader) {
    ValidationReport token = loaderReport(tokenLoader, LoaderKind.TOKEN);
    ValidationReport user = loaderReport(userLoader, LoaderKind.USER);
    boolean tokenClean = print(token);
    boolean userClean = print(user);
    if (!tokenClean || !userClean) {
      return Optional.empty();
    }
    if (!print(pairs.validate(tokenLoader, userLoader))) {
      return Optional.empty();
    }
    LoaderBinding binding = models.loaderBinding(tokenLoader, userLoader);
    return print(names.claim(binding.manager(), tokenLoader)) ? Optional.of(binding) : Optional.empty();
  }

  private ValidationReport loaderReport(TypeElement loader, LoaderKind kind) {
    ValidationReport type = loaderClasses.validate(loader, kind);
    ValidationReport.Builder report = ValidationReport.about(loader).addSubreport(type);
    if (type.items().stream().noneMatch(item -> item.message() == Messages.LOADER_NOT_A_CLASS)) {
      report.addSubreport(loadMethods.validate(loader, kind));
    }
    return report.build();
  }

  private Optional<HandlerClass> validateHandlerClass(TypeElement type, boolean noLoaders) {
    ValidationReport.Builder report = ValidationReport.about(type).addSubreport(handlerClasses.validate(type, loaders));
    if (noLoaders) {
      for (ExecutableElement method : TokenRequiredValues.methodsOf(type)) {
        report.reportAt(method, Messages.HANDLER_WITHOUT_LOADERS, ElementFacts.describe(method));
      }
    }
    if (!print(report.build()) || loaders.isEmpty()) {
      return Optional.empty();
    }
    HandlerClass model = models.handlerClass(type, loaders.get());
    return print(names.claim(model.generated(), type)) ? Optional.of(model) : Optional.empty();
  }

  private void reportTooMany(RoundElements.Loaders loaders) {
    List<TypeElement> all = loaders.all();
    if (all.size() < 2 || !loaders.added()) {
      return;
    }
    String annotation = loaders.kind().annotationName();
    String found = all.stream().map(type -> type.getQualifiedName().toString()).collect(Collectors.joining(", "));
    for (TypeElement loader : all) {
      print(ValidationReport.about(loader)
          .report(Messages.TOO_MANY_LOADERS, all.size(), annotation, found, annotation).build());
    }
  }

  private void reportMissingPartner(RoundElements.Loaders tokenLoaders, RoundElements.Loaders userLoaders) {
    if (userLoaders.all().isEmpty()) {
      for (TypeElement tokenLoader : tokenLoaders.all()) {
        print(ValidationReport.about(tokenLoader)
            .report(Messages.TOKEN_LOADER_WITHOUT_USER_LOADER, tokenLoader.getQualifiedName(), modelName(tokenLoader))
            .build());
      }
    } else if (tokenLoaders.all().isEmpty()) {
      for (TypeElement userLoader : userLoaders.all()) {
        print(ValidationReport.about(userLoader)
            .report(Messages.USER_LOADER_WITHOUT_TOKEN_LOADER, userLoader.getQualifiedName()).build());
      }
    }
  }

  /** The token model's name for the message that asks for a user loader ({@code Token} when unknown). */
  private String modelName(TypeElement tokenLoader) {
    List<ExecutableElement> loads = loadMethods.candidates(tokenLoader);
    if (loads.size() != 1) {
      return "Token";
    }
    TypeKind kind = loads.get(0).getReturnType().getKind();
    return kind == TypeKind.DECLARED || kind == TypeKind.ARRAY ? loads.get(0).getReturnType().toString() : "Token";
  }

  /** Prints {@code report}; whether it was clean. */
  private boolean print(ValidationReport report) {
    report.printMessagesTo(messager);
    return report.isClean();
  }

  /** Runs {@code work} for {@code element}; an exception it throws becomes one error on the element. */
  private <T> Optional<T> guarded(Element element, Supplier<Optional<T>> work) {
    try {
      return work.get();
    } catch (RuntimeException | LinkageError | AssertionError e) {
      print(ValidationReport.internalError(element, e));
      return Optional.empty();
    }
  }
}
