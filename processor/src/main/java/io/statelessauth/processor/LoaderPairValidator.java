package io.statelessauth.processor;

import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks that two individually valid loaders fit together: the user loader accepts the token model
 * (3.8), and the manager generated beside the token loader can reach both loaders, their load
 * methods and both models (3.10) under a name nobody else has (3.18). Builds the {@link LoaderPair}.
 */
final class LoaderPairValidator {
  private final Elements elements;
  private final Types types;
  private final TypeFacts typeFacts;
  private final GeneratedNames names;
  private final NameRegistry registry;
  private final Diagnostics diagnostics;

  LoaderPairValidator(
      Elements elements,
      TypeFacts typeFacts,
      GeneratedNames names,
      NameRegistry registry,
      Diagnostics diagnostics) {
    this.elements = elements;
    this.types = typeFacts.types();
    this.typeFacts = typeFacts;
    this.names = names;
    this.registry = registry;
    this.diagnostics = diagnostics;
  }

  /** The pair, or empty after reporting why the loaders do not fit together. */
  Optional<LoaderPair> validate(
      TypeElement tokenLoader,
      ExecutableElement tokenLoad,
      TypeElement userLoader,
      ExecutableElement userLoad) {
    TypeMirror tokenMixin = typeFacts.typeNamed(RuntimeTypes.TOKEN_MIXIN.canonicalName());
    TypeMirror userMixin = typeFacts.typeNamed(RuntimeTypes.USER_MIXIN.canonicalName());
    if (tokenMixin == null || userMixin == null) {
      diagnostics.error(
          tokenLoader, Messages.RUNTIME_MISSING.format(RuntimeTypes.TOKEN_MIXIN.canonicalName()));
      return Optional.empty();
    }
    ExecutableType tokenMethod = memberOf(tokenLoader, tokenLoad);
    ExecutableType userMethod = memberOf(userLoader, userLoad);
    TypeMirror token = tokenMethod.getReturnType();
    TypeMirror user = userMethod.getReturnType();
    TypeMirror accepted = userMethod.getParameterTypes().get(0);

    boolean valid = true;
    if (!types.isAssignable(token, accepted)) {
      diagnostics.error(
          LoadMethodValidator.at(userLoad.getParameters().get(0), userLoad, userLoader),
          Messages.USER_LOAD_PARAMETER_TYPE.format(
              userLoader.getQualifiedName(), accepted, token, tokenLoader.getQualifiedName(), token));
      valid = false;
    }
    PackageElement pkg = elements.getPackageOf(tokenLoader);
    valid &= reachable(userLoader, LoaderKind.USER, pkg);
    valid &= reachable(tokenLoad, tokenLoader, LoaderKind.TOKEN, pkg);
    valid &= reachable(userLoad, userLoader, LoaderKind.USER, pkg);
    valid &= reachable(token, tokenLoad, tokenLoader, LoaderKind.TOKEN, pkg);
    valid &= reachable(user, userLoad, userLoader, LoaderKind.USER, pkg);
    if (!valid || !registry.claim(names.manager(tokenLoader), tokenLoader)) {
      return Optional.empty();
    }
    return Optional.of(
        new LoaderPair(
            tokenLoader,
            userLoader,
            token,
            user,
            names.manager(tokenLoader),
            types.isAssignable(token, tokenMixin),
            types.isAssignable(user, userMixin)));
  }

  private ExecutableType memberOf(TypeElement loader, ExecutableElement load) {
    return (ExecutableType) types.asMemberOf((DeclaredType) loader.asType(), load);
  }

  private boolean reachable(TypeElement loader, LoaderKind kind, PackageElement pkg) {
    if (typeFacts.isReachable(loader, pkg)) {
      return true;
    }
    diagnostics.error(
        loader,
        Messages.LOADER_UNREACHABLE.format(
            kind.annotationName(), loader.getQualifiedName(), describe(pkg)));
    return false;
  }

  private boolean reachable(
      ExecutableElement load, TypeElement loader, LoaderKind kind, PackageElement pkg) {
    if (typeFacts.isReachable(load, pkg)) {
      return true;
    }
    diagnostics.error(
        LoadMethodValidator.at(load, loader),
        Messages.LOAD_UNREACHABLE.format(
            kind.annotationName(), loader.getQualifiedName(), describe(pkg)));
    return false;
  }

  private boolean reachable(
      TypeMirror model,
      ExecutableElement load,
      TypeElement loader,
      LoaderKind kind,
      PackageElement pkg) {
    if (typeFacts.isReachable(model, pkg)) {
      return true;
    }
    Element at = LoadMethodValidator.at(load, loader);
    diagnostics.error(
        at,
        Messages.MODEL_UNREACHABLE.format(
            kind.returns(), model, kind.annotationName(), loader.getQualifiedName(), describe(pkg)));
    return false;
  }

  static String describe(PackageElement pkg) {
    return pkg.isUnnamed() ? "(the unnamed package)" : pkg.getQualifiedName().toString();
  }
}
