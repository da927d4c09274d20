package io.statelessauth.processor.collect;

import io.statelessauth.processor.base.LoaderKind;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * What one round hands to validation: the loaders seen so far, whether the loader pair is ready to
 * be validated, the handler classes ready now, and at the end of processing what never resolved.
 *
 * @param declaredTypes the top-level classes of the round's sources, whose names generated classes
 *     must not take
 * @param tokenLoaders every {@code @TokenLoader} seen so far
 * @param userLoaders every {@code @UserLoader} seen so far
 * @param pairReady whether this round is the one in which exactly one loader of each kind is known
 *     and all their types resolve, so that the pair is validated (once)
 * @param handlerClasses the classes with {@code @TokenRequired} methods whose types resolve and
 *     whose loaders are settled (validated, broken, or known to be missing)
 * @param last whether processing is over
 * @param unresolved at the end of processing, when no error was reported, the annotated types
 *     whose types never resolved
 */
public record RoundElements(
    List<TypeElement> declaredTypes,
    Loaders tokenLoaders,
    Loaders userLoaders,
    boolean pairReady,
    List<TypeElement> handlerClasses,
    boolean last,
    List<TypeElement> unresolved) {

  /**
   * The loaders of one kind seen so far.
   *
   * @param kind which kind
   * @param all every one of them, sorted by name
   * @param added whether this round added one, so that too many of a kind is reported when it grows
   */
  public record Loaders(LoaderKind kind, List<TypeElement> all, boolean added) {}
}
