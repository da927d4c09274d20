package io.statelessauth.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A validated class with {@code @TokenRequired} methods, from which {@code Authenticated<Name>} is
 * generated.
 *
 * @param element the handler class
 * @param generated the name of the class generated beside it
 * @param isPublic whether code in any package may use the handler class
 * @param isHttpHandler whether it is an {@code HttpHandler} whose own {@code handle} is annotated
 * @param methods its handler methods, sorted by name
 * @param loaders the loader pair the handlers are checked by
 * @param suppressedWarnings the warnings javac would give the generated class for what it names
 *     ({@code rawtypes}, {@code deprecation}, {@code removal}), none when it names nothing that
 *     warns
 */
public record HandlerClass(
    TypeElement element,
    ClassName generated,
    boolean isPublic,
    boolean isHttpHandler,
    List<HandlerMethod> methods,
    LoaderBinding loaders,
    List<String> suppressedWarnings) {}
