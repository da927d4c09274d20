package io.statelessauth.processor.base;

import java.util.Set;

/**
 * The names of the three annotations the processor reads. It reads them through their mirrors by
 * these names and never loads their classes, so that its jar runs alone on a processor path.
 */
public final class AnnotationNames {
  /** The package of the annotations. */
  public static final String PACKAGE = "io.statelessauth.annotations";
  /** {@code @TokenRequired}'s simple name. */
  public static final String TOKEN_REQUIRED_SIMPLE = "TokenRequired";
  /** {@code @TokenRequired}'s qualified name. */
  public static final String TOKEN_REQUIRED = PACKAGE + "." + TOKEN_REQUIRED_SIMPLE;

  private AnnotationNames() {}

  /** Every annotation the processor supports. */
  public static Set<String> all() {
    return Set.of(TOKEN_REQUIRED, LoaderKind.TOKEN.annotation(), LoaderKind.USER.annotation());
  }
}
