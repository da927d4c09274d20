package io.statelessauth.processor.validation;

import com.palantir.javapoet.ClassName;
import io.statelessauth.processor.base.ElementFacts;
import io.statelessauth.processor.base.Injections;
import io.statelessauth.processor.base.Messages;
import io.statelessauth.processor.base.TypeFacts;
import io.statelessauth.processor.base.ValidationReport;
import io.statelessauth.processor.model.HandlerArgument;
import io.statelessauth.processor.model.Injection;
import io.statelessauth.processor.model.LoaderBinding;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Checks that the wrapper can pass something to each handler parameter: exactly one of the {@code
 * HttpExchange}, the user and the token model accepts it, each at most once, as an {@code
 * Optional} exactly on optional routes, and the wrapper can name its type.
 */
final class HandlerParameterValidator {
  private final Elements elements;
  private final TypeFacts typeFacts;

  HandlerParameterValidator(Elements elements, TypeFacts typeFacts) {
    this.elements = elements;
    this.typeFacts = typeFacts;
  }

  ValidationReport validate(ExecutableElement method, boolean optionalRoute, LoaderBinding loaders, ClassName generated) {
    ValidationReport.Builder report = ValidationReport.about(method);
    Injections injections = new Injections(typeFacts, loaders);
    String injectable = optionalRoute
        ? Messages.INJECTABLE_OPTIONAL.format(loaders.userType(), loaders.tokenType())
        : Messages.INJECTABLE.format(loaders.userType(), loaders.tokenType());
    String name = ElementFacts.describe(method);
    PackageElement pkg = elements.getPackageOf(method);
    Map<Injection, VariableElement> taken = new EnumMap<>(Injection.class);
    for (VariableElement parameter : method.getParameters()) {
      TypeMirror type = parameter.asType();
      Object parameterName = parameter.getSimpleName();
      List<HandlerArgument> accepted = injections.accepted(type);
      if (accepted.isEmpty()) {
        report.reportAt(parameter, Messages.PARAMETER_NOT_INJECTABLE, parameterName, name, type, injectable);
        continue;
      }
      if (accepted.size() > 1) {
        List<String> all = accepted.stream().map(injections::describe).collect(Collectors.toCollection(ArrayList::new));
        String last = all.remove(all.size() - 1);
        report.reportAt(parameter, Messages.PARAMETER_AMBIGUOUS,
            parameterName, name, type, String.join(", ", all) + " and " + last, injectable);
        continue;
      }
      HandlerArgument argument = accepted.get(0);
      Injection source = argument.source();
      if (source != Injection.EXCHANGE && optionalRoute && !argument.optional()) {
        report.reportAt(parameter, Messages.PLAIN_PARAMETER_ON_OPTIONAL_ROUTE,
            parameterName, name, source.description(), type);
      } else if (argument.optional() && !optionalRoute) {
        report.reportAt(parameter, Messages.OPTIONAL_PARAMETER_ON_REQUIRED_ROUTE,
            parameterName, name, source.description(), injections.typeOf(source));
      } else if (taken.containsKey(source)) {
        report.reportAt(parameter, Messages.PARAMETER_REPEATED,
            parameterName, name, source.description(), taken.get(source).getSimpleName());
      } else if (!typeFacts.isReachable(type, pkg)) {
        report.reportAt(parameter, Messages.PARAMETER_UNREACHABLE, parameterName, name, type, generated.simpleName());
      }
      taken.putIfAbsent(source, parameter);
    }
    return report.build();
  }
}
