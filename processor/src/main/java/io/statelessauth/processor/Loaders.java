package io.statelessauth.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;

/**
 * The loader phase, across rounds: collects the {@code @TokenLoader} and {@code @UserLoader}
 * classes by name, pairs them once both are known and resolvable, and then generates the manager.
 * A loader whose types another processor has yet to generate waits for a later round.
 */
final class Loaders {
  private final SortedSet<String> tokenLoaders = new TreeSet<>();
  private final SortedSet<String> userLoaders = new TreeSet<>();
  private final Elements elements;
  private final TypeFacts typeFacts;
  private final LoaderClassValidator classValidator;
  private final LoadMethodValidator methodValidator;
  private final LoaderPairValidator pairValidator;
  private final ManagerGenerator generator;
  private final Diagnostics diagnostics;
  private Optional<LoaderPair> pair = Optional.empty();
  private boolean failed;

  Loaders(
      Elements elements,
      TypeFacts typeFacts,
      LoaderPairValidator pairValidator,
      ManagerGenerator generator,
      Diagnostics diagnostics) {
    this.elements = elements;
    this.typeFacts = typeFacts;
    this.classValidator = new LoaderClassValidator(diagnostics);
    this.methodValidator = new LoadMethodValidator(elements, typeFacts, diagnostics);
    this.pairValidator = pairValidator;
    this.generator = generator;
    this.diagnostics = diagnostics;
  }

  /** Adds the round's loaders; more than one of a kind is reported on each of them (3.3). */
  void collect(RoundEnvironment round) {
    collect(round, LoaderKind.TOKEN, tokenLoaders);
    collect(round, LoaderKind.USER, userLoaders);
  }

  private void collect(RoundEnvironment round, LoaderKind kind, SortedSet<String> names) {
    int before = names.size();
    for (Element element : round.getElementsAnnotatedWith(kind.annotation())) {
      names.add(((TypeElement) element).getQualifiedName().toString());
    }
    if (names.size() > 1 && names.size() > before) {
      failed = true;
      String found = String.join(", ", names);
      for (TypeElement loader : types(names)) {
        diagnostics.error(
            loader,
            Messages.TOO_MANY_LOADERS.format(
                names.size(), kind.annotationName(), found, kind.annotationName()));
      }
    }
  }

  /**
   * Validates the pair and generates the manager, as soon as there is exactly one loader of each
   * kind and all their types are known.
   */
  void pair() {
    if (isSettled() || tokenLoaders.size() != 1 || userLoaders.size() != 1) {
      return;
    }
    TypeElement tokenLoader = elements.getTypeElement(tokenLoaders.first());
    TypeElement userLoader = elements.getTypeElement(userLoaders.first());
    if (!isResolved(tokenLoader) || !isResolved(userLoader)) {
      return;
    }
    failed = true;
    diagnostics.guard(
        tokenLoader,
        () -> {
          boolean tokenValid = classValidator.validate(tokenLoader, LoaderKind.TOKEN);
          boolean userValid = classValidator.validate(userLoader, LoaderKind.USER);
          Optional<ExecutableElement> tokenLoad =
              methodValidator.validate(tokenLoader, LoaderKind.TOKEN);
          Optional<ExecutableElement> userLoad = methodValidator.validate(userLoader, LoaderKind.USER);
          if (tokenValid && userValid && tokenLoad.isPresent() && userLoad.isPresent()) {
            Optional<LoaderPair> valid =
                pairValidator.validate(tokenLoader, tokenLoad.get(), userLoader, userLoad.get());
            valid.ifPresent(generator::generate);
            pair = valid;
            failed = valid.isEmpty();
          }
        });
  }

  /** The valid pair, once known. */
  Optional<LoaderPair> validPair() {
    return pair;
  }

  /** Whether the pair is known: valid, or reported as broken. */
  boolean isSettled() {
    return pair.isPresent() || failed;
  }

  /** Whether the compilation has no loader at all. */
  boolean isEmpty() {
    return tokenLoaders.isEmpty() && userLoaders.isEmpty();
  }

  /**
   * At the end of processing: reports a loader left without its partner (3.1), or one whose types
   * never resolved when nothing else explains it.
   */
  void finish(boolean errorRaised) {
    if (userLoaders.isEmpty()) {
      for (TypeElement tokenLoader : types(tokenLoaders)) {
        diagnostics.error(
            tokenLoader,
            Messages.TOKEN_LOADER_WITHOUT_USER_LOADER.format(
                tokenLoader.getQualifiedName(), modelName(tokenLoader)));
      }
    } else if (tokenLoaders.isEmpty()) {
      for (TypeElement userLoader : types(userLoaders)) {
        diagnostics.error(
            userLoader, Messages.USER_LOADER_WITHOUT_TOKEN_LOADER.format(userLoader.getQualifiedName()));
      }
    } else if (!isSettled() && !errorRaised) {
      List<TypeElement> loaders = new ArrayList<>(types(tokenLoaders));
      loaders.addAll(types(userLoaders));
      for (TypeElement loader : loaders) {
        if (!isResolved(loader)) {
          diagnostics.error(loader, Messages.UNRESOLVED.format(loader.getQualifiedName()));
        }
      }
    }
  }

  private boolean isResolved(TypeElement loader) {
    return typeFacts.isResolved(loader)
        && methodValidator.candidates(loader).stream().allMatch(typeFacts::isResolved);
  }

  /** The token model's name for the message that asks for a user loader. */
  private String modelName(TypeElement tokenLoader) {
    List<ExecutableElement> loads = methodValidator.candidates(tokenLoader);
    if (loads.size() != 1) {
      return "Token";
    }
    TypeKind kind = loads.get(0).getReturnType().getKind();
    return kind == TypeKind.DECLARED || kind == TypeKind.ARRAY
        ? loads.get(0).getReturnType().toString()
        : "Token";
  }

  private List<TypeElement> types(SortedSet<String> names) {
    return names.stream().map(elements::getTypeElement).collect(Collectors.toList());
  }
}
