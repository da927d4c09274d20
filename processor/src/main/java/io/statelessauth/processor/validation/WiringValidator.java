package io.statelessauth.processor.validation;

import io.statelessauth.processor.base.ElementFacts;
import io.statelessauth.processor.base.LoaderKind;
import io.statelessauth.processor.base.Messages;
import io.statelessauth.processor.base.TokenRequiredValues;
import io.statelessauth.processor.base.TypeFacts;
import io.statelessauth.processor.base.ValidationReport;
import io.statelessauth.processor.collect.RoundElements;
import io.statelessauth.processor.model.GeneratedNames;
import io.statelessauth.processor.model.LoaderBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;

/**
 * Validates what a round collected, one subject at a time: the count of loaders, the loader pair,
 * each handler class, and at the end what is missing. It runs the validator of each concern and
 * returns their reports; it keeps nothing between calls (the planner holds the validated pair and
 * passes it in).
 */
public final class WiringValidator {
  private final TypeFacts typeFacts;
  private final LoaderClassValidator loaderClasses = new LoaderClassValidator();
  private final LoadMethodValidator loadMethods;
  private final LoaderPairValidator pairs;
  private final HandlerClassValidator handlerClasses;

  /** A validator over the compilation's elements and types, naming generated classes with {@code names}. */
  public WiringValidator(Elements elements, TypeFacts typeFacts, GeneratedNames names) {
    this.typeFacts = typeFacts;
    this.loadMethods = new LoadMethodValidator(typeFacts);
    this.pairs = new LoaderPairValidator(elements, typeFacts);
    this.handlerClasses = new HandlerClassValidator(elements, typeFacts, names);
  }

  /** More than one loader of a kind, reported on each of them in the round that added one. */
  public List<ValidationReport> validateLoaderCounts(RoundElements round) {
    List<ValidationReport> reports = new ArrayList<>();
    for (RoundElements.Loaders loaders : List.of(round.tokenLoaders(), round.userLoaders())) {
      List<TypeElement> all = loaders.all();
      if (all.size() < 2 || !loaders.added()) {
        continue;
      }
      String annotation = loaders.kind().annotationName();
      String found = all.stream().map(type -> type.getQualifiedName().toString()).collect(Collectors.joining(", "));
      for (TypeElement loader : all) {
        reports.add(ValidationReport.about(loader)
            .report(Messages.TOO_MANY_LOADERS, all.size(), annotation, found, annotation).build());
      }
    }
    return reports;
  }

  /** Each loader of the pair on its own and, when both are clean, the two together. */
  public ValidationReport validatePair(TypeElement tokenLoader, TypeElement userLoader) {
    ValidationReport token = validateLoader(tokenLoader, LoaderKind.TOKEN);
    ValidationReport user = validateLoader(userLoader, LoaderKind.USER);
    ValidationReport.Builder report = ValidationReport.about(tokenLoader).addSubreport(token).addSubreport(user);
    if (token.isClean() && user.isClean()) {
      report.addSubreport(pairs.validate(tokenLoader, userLoader));
    }
    return report.build();
  }

  private ValidationReport validateLoader(TypeElement loader, LoaderKind kind) {
    ValidationReport type = loaderClasses.validate(loader, kind);
    ValidationReport.Builder report = ValidationReport.about(loader).addSubreport(type);
    if (type.items().stream().noneMatch(item -> item.message() == Messages.LOADER_NOT_A_CLASS)) {
      report.addSubreport(loadMethods.validate(loader, kind));
    }
    return report.build();
  }

  /**
   * A handler class, against {@code loaders} when a valid pair is known; each of its methods is an
   * error when the compilation has no loader at all.
   */
  public ValidationReport validateHandlerClass(
      TypeElement type, RoundElements round, Optional<LoaderBinding> loaders) {
    ValidationReport.Builder report = ValidationReport.about(type).addSubreport(handlerClasses.validate(type, loaders));
    if (round.tokenLoaders().all().isEmpty() && round.userLoaders().all().isEmpty()) {
      for (ExecutableElement method : TokenRequiredValues.methodsOf(type)) {
        report.reportAt(method, Messages.HANDLER_WITHOUT_LOADERS, ElementFacts.describe(method));
      }
    }
    return report.build();
  }

  /** At the end of processing: a loader without its partner, and the types that never resolved. */
  public List<ValidationReport> validateEnd(RoundElements round) {
    List<ValidationReport> reports = new ArrayList<>();
    if (round.userLoaders().all().isEmpty()) {
      for (TypeElement tokenLoader : round.tokenLoaders().all()) {
        reports.add(ValidationReport.about(tokenLoader)
            .report(Messages.TOKEN_LOADER_WITHOUT_USER_LOADER, tokenLoader.getQualifiedName(), modelName(tokenLoader))
            .build());
      }
    } else if (round.tokenLoaders().all().isEmpty()) {
      for (TypeElement userLoader : round.userLoaders().all()) {
        reports.add(ValidationReport.about(userLoader)
            .report(Messages.USER_LOADER_WITHOUT_TOKEN_LOADER, userLoader.getQualifiedName()).build());
      }
    }
    for (TypeElement type : round.unresolved()) {
      reports.add(ValidationReport.about(type).report(Messages.UNRESOLVED, type.getQualifiedName()).build());
    }
    return reports;
  }

  /** The token model's name for the message that asks for a user loader ({@code Token} when unknown). */
  private String modelName(TypeElement tokenLoader) {
    List<ExecutableElement> loads = typeFacts.loadMethods(tokenLoader);
    if (loads.size() != 1) {
      return "Token";
    }
    TypeKind kind = loads.get(0).getReturnType().getKind();
    return kind == TypeKind.DECLARED || kind == TypeKind.ARRAY ? loads.get(0).getReturnType().toString() : "Token";
  }
}
