package io.statelessauth.processor.validation;

import com.palantir.javapoet.ClassName;
import io.statelessauth.processor.base.ElementFacts;
import io.statelessauth.processor.base.Messages;
import io.statelessauth.processor.base.TokenRequiredValues;
import io.statelessauth.processor.base.TypeFacts;
import io.statelessauth.processor.base.ValidationReport;
import io.statelessauth.processor.model.GeneratedNames;
import io.statelessauth.processor.model.LoaderBinding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Checks a class with {@code @TokenRequired} methods as a whole: reachable from its package,
 * handler names usable as method names, the manager importable; and, as subreports, each method's
 * declaration, annotation values and parameters. Without the loader pair (none, or a broken one),
 * checks only what does not depend on it.
 */
final class HandlerClassValidator {
  /** The no-argument methods of Object, which a generated accessor must not redeclare. */
  private static final Set<String> OBJECT_METHODS =
      Set.of("toString", "hashCode", "getClass", "notify", "notifyAll", "wait", "clone", "finalize");

  private final Elements elements;
  private final GeneratedNames names;
  private final HandlerMethodValidator methodValidator;
  private final RouteValidator routeValidator;
  private final HandlerParameterValidator parameterValidator;

  HandlerClassValidator(Elements elements, TypeFacts typeFacts, GeneratedNames names) {
    this.elements = elements;
    this.names = names;
    this.methodValidator = new HandlerMethodValidator(typeFacts);
    this.routeValidator = new RouteValidator();
    this.parameterValidator = new HandlerParameterValidator(elements, typeFacts);
  }

  ValidationReport validate(TypeElement type, Optional<LoaderBinding> loaders) {
    ValidationReport.Builder report = ValidationReport.about(type);
    ClassName generated = names.authenticated(type);
    checkPlacement(report, type, generated);
    List<ExecutableElement> methods = TokenRequiredValues.methodsOf(type);
    checkNames(report, type, methods, generated);
    for (ExecutableElement method : methods) {
      TokenRequiredValues values = TokenRequiredValues.of(method, elements).orElseThrow();
      report.addSubreport(methodValidator.validate(method, generated));
      report.addSubreport(routeValidator.validate(method, values, loaders));
      loaders.ifPresent(pair ->
          report.addSubreport(parameterValidator.validate(method, values.isOptional(), pair, generated)));
    }
    loaders.ifPresent(pair -> checkManagerImportable(report, type, pair, generated));
    return report.build();
  }

  private static void checkPlacement(ValidationReport.Builder report, TypeElement type, ClassName generated) {
    for (TypeElement level : ElementFacts.typeAndEnclosing(type)) {
      if (level.getModifiers().contains(Modifier.PRIVATE)) {
        report.reportAt(level, Messages.HANDLER_IN_PRIVATE_CLASS,
            generated.simpleName(), type.getQualifiedName(), level.getSimpleName());
      }
      if (ElementFacts.isInner(level)) {
        report.reportAt(level, Messages.HANDLER_IN_INNER_CLASS, level.getQualifiedName(), level.getSimpleName());
      }
    }
  }

  private static void checkNames(
      ValidationReport.Builder report, TypeElement type, List<ExecutableElement> methods, ClassName generated) {
    Map<String, Long> counts =
        methods.stream().collect(Collectors.groupingBy(m -> m.getSimpleName().toString(), Collectors.counting()));
    for (ExecutableElement method : methods) {
      String name = method.getSimpleName().toString();
      long count = counts.get(name);
      if (count > 1) {
        report.reportAt(method, Messages.DUPLICATE_HANDLER_NAME, count, name, type.getSimpleName(), generated.simpleName());
      } else if (OBJECT_METHODS.contains(name)) {
        report.reportAt(method, Messages.HANDLER_NAME_RESERVED,
            ElementFacts.describe(method), generated.simpleName(), name, name);
      }
    }
  }

  private void checkManagerImportable(
      ValidationReport.Builder report, TypeElement type, LoaderBinding loaders, ClassName generated) {
    PackageElement managerPackage = elements.getPackageOf(loaders.tokenLoader());
    PackageElement handlerPackage = elements.getPackageOf(type);
    if (managerPackage.isUnnamed() && !handlerPackage.isUnnamed()) {
      report.report(Messages.MANAGER_IN_UNNAMED_PACKAGE, generated.simpleName(), handlerPackage.getQualifiedName(),
          loaders.tokenLoader().getQualifiedName(), loaders.tokenLoader().getSimpleName());
    }
  }
}
