package io.statelessauth.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * The validated pair of loaders, from which {@code StatelessAuthManager} is generated.
 *
 * @param tokenLoader the {@code @TokenLoader} type
 * @param userLoader the {@code @UserLoader} type
 * @param tokenType what the token loader returns: the token model {@code T}
 * @param userType what the user loader returns: the user {@code U}
 * @param manager the generated manager's name
 * @param tokenMixin whether {@code T} implements {@code TokenMixin}
 * @param userMixin whether {@code U} implements {@code UserMixin}
 * @param userReifiable whether a cast to {@code U} is checked in full at run time, so that {@code
 *     currentUser()} needs no {@code @SuppressWarnings("unchecked")}
 * @param suppressedWarnings the warnings javac would give the generated manager for what it names
 *     ({@code rawtypes}, {@code deprecation}, {@code removal}), none when it names nothing that
 *     warns
 */
public record LoaderBinding(
    TypeElement tokenLoader,
    TypeElement userLoader,
    TypeMirror tokenType,
    TypeMirror userType,
    ClassName manager,
    boolean tokenMixin,
    boolean userMixin,
    boolean userReifiable,
    List<String> suppressedWarnings) {
  /** The warning javac gives code that names a raw type. */
  public static final String RAW_TYPES = "rawtypes";

  /** Whether {@code T} or {@code U} is, or is made of, a raw type, so that naming it draws {@code rawtypes}. */
  public boolean rawTypes() {
    return suppressedWarnings.contains(RAW_TYPES);
  }
}
