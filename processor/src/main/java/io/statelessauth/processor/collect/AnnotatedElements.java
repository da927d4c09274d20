package io.statelessauth.processor.collect;

import io.statelessauth.processor.base.AnnotationNames;
import io.statelessauth.processor.base.LoaderKind;
import io.statelessauth.processor.base.TokenRequiredValues;
import io.statelessauth.processor.base.TypeFacts;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The annotated types of the whole compilation, gathered round by round: every loader of each
 * kind, and the loaders and handler classes still waiting. The loader pair is handed to
 * validation once there is exactly one loader of each kind and their types resolve; a handler
 * class once its types resolve and the loaders are settled (the pair handed over, more than one
 * loader of a kind, or the end of processing). What never resolves is handed over at the end.
 */
public final class AnnotatedElements {
  private final Map<LoaderKind, SortedSet<String>> loaders = new EnumMap<>(LoaderKind.class);
  private final Deferral waitingLoaders;
  private final Deferral waitingHandlerClasses;
  private final Elements elements;
  private final TypeFacts typeFacts;

  /** Collects the types of a compilation whose elements and types these are. */
  public AnnotatedElements(Elements elements, TypeFacts typeFacts) {
    for (LoaderKind kind : LoaderKind.values()) {
      loaders.put(kind, new TreeSet<>());
    }
    this.waitingLoaders = new Deferral(elements);
    this.waitingHandlerClasses = new Deferral(elements);
    this.elements = elements;
    this.typeFacts = typeFacts;
  }

  /** Adds the round's annotated types and hands on those that are ready. */
  public RoundElements collect(RoundEnvironment round) {
    Map<LoaderKind, Boolean> added = new EnumMap<>(LoaderKind.class);
    for (LoaderKind kind : LoaderKind.values()) {
      boolean any = false;
      for (TypeElement loader : ElementFilter.typesIn(annotatedWith(round, kind.annotation()))) {
        any |= loaders.get(kind).add(loader.getQualifiedName().toString());
        waitingLoaders.add(loader);
      }
      added.put(kind, any);
    }
    for (Element method : annotatedWith(round, AnnotationNames.TOKEN_REQUIRED)) {
      if (method.getEnclosingElement() instanceof TypeElement type) {
        waitingHandlerClasses.add(type);
      }
    }
    List<TypeElement> tokenLoaders = loadersOf(LoaderKind.TOKEN);
    List<TypeElement> userLoaders = loadersOf(LoaderKind.USER);
    boolean onePair = tokenLoaders.size() == 1 && userLoaders.size() == 1;
    boolean pairReady = onePair && !waitingLoaders.isEmpty()
        && waitingLoaders.waiting().stream().allMatch(this::isResolvedLoader);
    if (pairReady) {
      waitingLoaders.take(loader -> true);
    }
    boolean settled = round.processingOver() || tokenLoaders.size() > 1 || userLoaders.size() > 1
        || onePair && waitingLoaders.isEmpty();
    List<TypeElement> handlerClasses = settled ? waitingHandlerClasses.take(this::isResolvedHandlerClass) : List.of();
    List<TypeElement> unresolved = round.processingOver() && !round.errorRaised()
        ? neverResolved()
        : List.of();
    return new RoundElements(
        List.copyOf(ElementFilter.typesIn(round.getRootElements())),
        new RoundElements.Loaders(LoaderKind.TOKEN, tokenLoaders, added.get(LoaderKind.TOKEN)),
        new RoundElements.Loaders(LoaderKind.USER, userLoaders, added.get(LoaderKind.USER)),
        pairReady,
        handlerClasses,
        round.processingOver(),
        unresolved);
  }

  /** The round's elements annotated with {@code annotation}, found by name; none when it is not on the class path. */
  private Set<? extends Element> annotatedWith(RoundEnvironment round, String annotation) {
    TypeElement type = elements.getTypeElement(annotation);
    return type == null ? Set.of() : round.getElementsAnnotatedWith(type);
  }

  private List<TypeElement> loadersOf(LoaderKind kind) {
    return loaders.get(kind).stream().map(elements::getTypeElement).collect(Collectors.toList());
  }

  /** At the end: the waiting types whose types never resolved. */
  private List<TypeElement> neverResolved() {
    List<TypeElement> unresolved = waitingLoaders.take(loader -> !isResolvedLoader(loader));
    unresolved.addAll(waitingHandlerClasses.take(type -> !isResolvedHandlerClass(type)));
    return unresolved;
  }

  /** Whether the loader and its load methods, inherited ones included, are resolved. */
  private boolean isResolvedLoader(TypeElement loader) {
    return typeFacts.isResolved(loader)
        && typeFacts.loadMethods(loader).stream().allMatch(typeFacts::isResolved);
  }

  private boolean isResolvedHandlerClass(TypeElement type) {
    return typeFacts.isResolved(type) && TokenRequiredValues.methodsOf(type).stream().allMatch(typeFacts::isResolved);
  }
}
