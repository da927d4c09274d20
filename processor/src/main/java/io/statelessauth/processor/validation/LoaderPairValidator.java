package io.statelessauth.processor.validation;

import io.statelessauth.processor.base.ElementFacts;
import io.statelessauth.processor.base.LoaderKind;
import io.statelessauth.processor.base.Messages;
import io.statelessauth.processor.base.TypeFacts;
import io.statelessauth.processor.base.ValidationReport;
import io.statelessauth.processor.model.RuntimeTypes;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks that two individually valid loaders fit together: the user loader accepts the token
 * model, and the manager generated beside the token loader can reach both loaders, their load
 * methods and both models.
 */
final class LoaderPairValidator {
  private final Elements elements;
  private final Types types;
  private final TypeFacts typeFacts;

  LoaderPairValidator(Elements elements, TypeFacts typeFacts) {
    this.elements = elements;
    this.types = typeFacts.types();
    this.typeFacts = typeFacts;
  }

  ValidationReport validate(TypeElement tokenLoader, TypeElement userLoader) {
    ValidationReport.Builder report = ValidationReport.about(tokenLoader);
    if (typeFacts.typeNamed(RuntimeTypes.TOKEN_MIXIN.canonicalName()) == null) {
      return report.report(Messages.RUNTIME_MISSING, RuntimeTypes.TOKEN_MIXIN.canonicalName()).build();
    }
    ExecutableElement tokenLoad = typeFacts.loadMethods(tokenLoader).get(0);
    ExecutableElement userLoad = typeFacts.loadMethods(userLoader).get(0);
    TypeMirror token = typeFacts.loadType(tokenLoader).getReturnType();
    TypeMirror user = typeFacts.loadType(userLoader).getReturnType();
    TypeMirror accepted = typeFacts.loadType(userLoader).getParameterTypes().get(0);
    if (!types.isAssignable(token, accepted)) {
      report.reportAt(ElementFacts.reportedAt(userLoad.getParameters().get(0), userLoad, userLoader),
          Messages.USER_LOAD_PARAMETER_TYPE,
          userLoader.getQualifiedName(), accepted, token, tokenLoader.getQualifiedName(), token);
    }
    PackageElement pkg = elements.getPackageOf(tokenLoader);
    String where = ElementFacts.describe(pkg);
    if (!typeFacts.isReachable(userLoader, pkg)) {
      report.reportAt(userLoader, Messages.LOADER_UNREACHABLE,
          LoaderKind.USER.annotationName(), userLoader.getQualifiedName(), where);
    }
    checkReachable(report, tokenLoad, tokenLoader, LoaderKind.TOKEN, token, pkg);
    checkReachable(report, userLoad, userLoader, LoaderKind.USER, user, pkg);
    return report.build();
  }

  private void checkReachable(ValidationReport.Builder report, ExecutableElement load, TypeElement loader,
      LoaderKind kind, TypeMirror model, PackageElement pkg) {
    String where = ElementFacts.describe(pkg);
    if (!typeFacts.isReachable(load, pkg)) {
      report.reportAt(ElementFacts.reportedAt(load, loader), Messages.LOAD_UNREACHABLE,
          kind.annotationName(), loader.getQualifiedName(), where);
    }
    if (!typeFacts.isReachable(model, pkg)) {
      report.reportAt(ElementFacts.reportedAt(load, loader), Messages.MODEL_UNREACHABLE,
          kind.returns(), model, kind.annotationName(), loader.getQualifiedName(), where);
    }
  }
}
