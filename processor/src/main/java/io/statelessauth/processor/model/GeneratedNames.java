package io.statelessauth.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Owns every name the processor generates: classes, nested classes, methods, fields and
 * parameters. The writers take each name from here and spell none themselves.
 */
public final class GeneratedNames {
  /** The processor's name, for {@code @Generated}. */
  public static final String PROCESSOR = "io.statelessauth.processor.StatelessAuthProcessor";
  /** The manager's simple name, in the {@code @TokenLoader}'s package. */
  public static final String MANAGER = "StatelessAuthManager";
  /** The manager's nested builder. */
  public static final String BUILDER = "Builder";
  /** The prefix of the class generated beside each handler class. */
  public static final String AUTHENTICATED_PREFIX = "Authenticated";

  /** The manager's methods: its factory, the typed current user, and the two loader hooks. */
  public static final String BUILDER_METHOD = "builder";
  public static final String CURRENT_USER = "currentUser";
  public static final String LOAD_TOKEN = "loadToken";
  public static final String LOAD_USER = "loadUser";
  /** The builder's last method. */
  public static final String BUILD = "build";
  /** The method of {@code Authenticated<Name>} that makes it an {@code HttpHandler}. */
  public static final String HANDLE = "handle";

  /** The manager's fields and the builder's setters and fields. */
  public static final String TOKEN_LOADER = "tokenLoader";
  public static final String USER_LOADER = "userLoader";

  /** Parameters and lambda parameters. */
  public static final String BUILDER_PARAMETER = "builder";
  public static final String TOKEN = "token";
  public static final String TOKEN_TYPE = "tokenType";
  public static final String AUTH_TYPE = "authType";
  public static final String USER = "user";
  public static final String EXCHANGE = "exchange";
  public static final String TARGET = "target";
  public static final String MANAGER_PARAMETER = "manager";

  private final Elements elements;

  /** Names for types of this compilation. */
  public GeneratedNames(Elements elements) {
    this.elements = elements;
  }

  /** {@code StatelessAuthManager} in the package of {@code tokenLoader}. */
  public ClassName manager(TypeElement tokenLoader) {
    return ClassName.get(packageName(tokenLoader), MANAGER);
  }

  /** {@code Authenticated<Name>} beside {@code handlerClass}; nested names joined by {@code _}. */
  public ClassName authenticated(TypeElement handlerClass) {
    List<String> simpleNames = new ArrayList<>();
    for (Element e = handlerClass; e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      simpleNames.add(0, e.getSimpleName().toString());
    }
    return ClassName.get(
        packageName(handlerClass), AUTHENTICATED_PREFIX + String.join("_", simpleNames));
  }

  private String packageName(TypeElement type) {
    return elements.getPackageOf(type).getQualifiedName().toString();
  }
}
