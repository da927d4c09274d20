package io.statelessauth.processor.model;

import com.palantir.javapoet.ClassName;

/** The runtime and JDK types that generated code refers to, by name (never loaded here). */
public final class RuntimeTypes {
  public static final String PACKAGE = "io.statelessauth";

  public static final ClassName ABSTRACT_MANAGER = ClassName.get(PACKAGE, "AbstractStatelessAuthManager");
  public static final ClassName CURRENT_USER = ClassName.get(PACKAGE, "CurrentStatelessUser");
  public static final ClassName MODEL_MIXINS = ClassName.get(PACKAGE, "ModelMixins");
  public static final ClassName MANAGER_BUILDER = ClassName.get(PACKAGE, "ManagerBuilder");
  public static final ClassName TOKEN_MIXIN = ClassName.get(PACKAGE, "TokenMixin");
  public static final ClassName USER_MIXIN = ClassName.get(PACKAGE, "UserMixin");

  public static final ClassName HTTP_HANDLER = ClassName.get("com.sun.net.httpserver", "HttpHandler");
  public static final ClassName HTTP_EXCHANGE = ClassName.get("com.sun.net.httpserver", "HttpExchange");

  private RuntimeTypes() {}
}
