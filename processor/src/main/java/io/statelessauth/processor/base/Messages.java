package io.statelessauth.processor.base;

import java.util.Locale;
import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor prints, with its kind, in one place so that the wording stays
 * consistent and the tests assert the very text a user sees. Each message says what is wrong and,
 * where there is one, how to fix it; {@link #format} fills in the {@code %s} / {@code %d}
 * placeholders. Errors are wiring mistakes that would break at run time; warnings are mistakes
 * that cannot break anything. The README's "Compile-time checks" table quotes them.
 */
public enum Messages {
  // The loaders are missing.
  TOKEN_LOADER_WITHOUT_USER_LOADER(
      "@TokenLoader class %s has no @UserLoader to pair with. Add a class annotated @UserLoader"
          + " with one method load(%s token) that returns the user"),
  USER_LOADER_WITHOUT_TOKEN_LOADER(
      "@UserLoader class %s has no @TokenLoader to pair with. Add a class annotated @TokenLoader"
          + " with one method load(String token, String tokenType, String authType) that returns"
          + " the token model"),
  HANDLER_WITHOUT_LOADERS(
      "@TokenRequired method %s needs a @TokenLoader class and a @UserLoader class in the same"
          + " compilation, but there are none. Add both (see their javadoc)"),

  // More than one loader of a kind.
  TOO_MANY_LOADERS(
      "Found %d @%s classes (%s); exactly one is allowed. Remove @%s from all but one"),

  // The loader type itself.
  LOADER_NOT_A_CLASS(
      "@%s must be on a class, an abstract class or an interface, but %s is %s. Put it on the"
          + " type that has the load method"),
  LOADER_PRIVATE(
      "@%s class %s must not be private nor nested in a private class: the generated manager"
          + " cannot reach it. Make it (and every class enclosing it) package-private or public"),
  LOADER_INNER(
      "@%s class %s must not be an inner class: it would need an instance of its enclosing"
          + " class. Make it static"),
  LOADER_GENERIC(
      "@%s class %s must not declare type parameters: the generated manager takes the class"
          + " itself. Remove them, or annotate a subclass that fixes them"),

  // Exactly one instance method load.
  LOAD_MISSING("@%s class %s has no method load. Add one: %s"),
  LOAD_SEVERAL(
      "Found %d methods named load in @%s class %s (%s); exactly one is allowed. Rename or remove"
          + " the others"),
  LOAD_STATIC("load in @%s class %s must be an instance method. Remove static"),
  LOAD_PRIVATE(
      "load in @%s class %s must not be private: the generated manager calls it. Make it"
          + " package-private or public"),
  LOAD_GENERIC(
      "load in @%s class %s must not declare type parameters. Remove them and name the types"),

  // The token loader's parameters.
  TOKEN_LOAD_PARAMETERS(
      "load in @TokenLoader class %s must take (String token, String tokenType, String authType),"
          + " but takes (%s)"),

  // What load returns.
  LOAD_RETURNS_NON_REFERENCE(
      "load in @%s class %s must return the %s (a reference type), not %s. Return null when"
          + " there is none"),

  // The user loader's parameter.
  USER_LOAD_PARAMETER_COUNT(
      "load in @UserLoader class %s must take exactly one parameter, the token model, but takes"
          + " (%s)"),
  USER_LOAD_PARAMETER_TYPE(
      "load in @UserLoader class %s takes %s, which does not accept %s, the token model returned"
          + " by @TokenLoader class %s. Declare the parameter as %s or a supertype of it"),

  // Checked exceptions from a loader.
  LOAD_THROWS_CHECKED(
      "load in @%s class %s must not declare the checked exception %s. Catch it and throw"
          + " StatelessAuthError (to answer with your own status) or an unchecked exception"
          + " (answered with 500)"),

  // What the generated code cannot reach.
  LOADER_UNREACHABLE(
      "@%s class %s cannot be reached from package %s, where StatelessAuthManager is generated"
          + " beside the @TokenLoader. Make it (and every class enclosing it) public"),
  LOAD_UNREACHABLE(
      "load in @%s class %s cannot be reached from package %s, where StatelessAuthManager is"
          + " generated beside the @TokenLoader. Make it public"),
  MODEL_UNREACHABLE(
      "The %s %s returned by load in @%s class %s cannot be reached from package %s, where"
          + " StatelessAuthManager is generated. Make it public"),
  MANAGER_IN_UNNAMED_PACKAGE(
      "%s in package %s cannot refer to StatelessAuthManager, which is generated in the unnamed"
          + " package beside @TokenLoader class %s. Move %s into a named package"),
  PARAMETER_UNREACHABLE(
      "Parameter %s of @TokenRequired method %s has type %s, which the generated %s cannot reach."
          + " Make that type package-private or public"),

  // Where a handler may be.
  HANDLER_PRIVATE(
      "@TokenRequired methods must not be private: the generated %s calls %s. Make it"
          + " package-private or public"),
  HANDLER_ABSTRACT(
      "@TokenRequired methods must not be abstract: %s has no body to call. Annotate the method"
          + " that implements it instead"),
  HANDLER_IN_PRIVATE_CLASS(
      "@TokenRequired methods must not be in a private class: the generated %s cannot reach %s."
          + " Make %s package-private or public"),
  HANDLER_IN_INNER_CLASS(
      "@TokenRequired methods must not be in an inner class: %s needs an instance of its"
          + " enclosing class. Make %s static"),
  HANDLER_IN_LOCAL_CLASS(
      "@TokenRequired methods must not be in a local or anonymous class (%s): no generated class"
          + " can reach it. Move the method to a top-level or static nested class"),
  HANDLER_GENERIC(
      "@TokenRequired method %s must not declare type parameters: the generated code calls it"
          + " with the injected values. Remove them"),

  // Handler parameters.
  PARAMETER_NOT_INJECTABLE(
      "Parameter %s of @TokenRequired method %s cannot be injected: nothing passed in is a %s. %s"),
  PARAMETER_AMBIGUOUS(
      "Parameter %s of @TokenRequired method %s is ambiguous: %s accepts %s. Declare it as exactly"
          + " one of them. %s"),
  PARAMETER_REPEATED(
      "Parameter %s of @TokenRequired method %s repeats the %s, already passed as %s. Take each at"
          + " most once"),
  INJECTABLE(
      "A @TokenRequired method takes, in any order, any of: com.sun.net.httpserver.HttpExchange,"
          + " the user %s (or a supertype), the token model %s (or a supertype)"),
  INJECTABLE_OPTIONAL(
      "A @TokenRequired(optional = true) method takes, in any order, any of:"
          + " com.sun.net.httpserver.HttpExchange, java.util.Optional<%s> (or of a supertype),"
          + " java.util.Optional<%s> (or of a supertype)"),
  PLAIN_PARAMETER_ON_OPTIONAL_ROUTE(
      "Parameter %s of @TokenRequired(optional = true) method %s is the %s, which is absent when"
          + " the request is anonymous. Declare it as java.util.Optional<%s>"),
  OPTIONAL_PARAMETER_ON_REQUIRED_ROUTE(
      "Parameter %s of @TokenRequired method %s is an Optional, but the route requires a token,"
          + " so the %s is always there. Declare it as %s, or make the route"
          + " @TokenRequired(optional = true)"),

  // What a handler returns and throws.
  HANDLER_RETURNS_VALUE(
      "@TokenRequired method %s must return void, not %s: it writes its response to the"
          + " HttpExchange"),
  HANDLER_THROWS_CHECKED(
      "@TokenRequired method %s must not declare the checked exception %s: only IOException and"
          + " its subclasses may be thrown. Catch it, or rethrow it as StatelessAuthError or an"
          + " unchecked exception"),

  // The annotation's values.
  AUTH_TYPE_NOT_TOKEN(
      "authType \"%s\" is not an RFC 9110 token: use letters, digits and !#$%%&'*+-.^_`|~ only,"
          + " such as \"Bearer\" (or leave it out for the configured default)"),
  TOKEN_TYPE_INVALID(
      "tokenType \"%s\" must be visible ASCII without whitespace: use one word, such as"
          + " \"refresh\" (or leave it out for the configured default)"),
  SCOPE_NOT_SCOPE_TOKEN(
      "scope \"%s\" is not an RFC 6749 scope-token: use printable ASCII without spaces, \" or \\,"
          + " such as \"read\""),
  SCOPE_REPEATED(Diagnostic.Kind.WARNING, "scope \"%s\" is listed more than once. Remove the repeats"),
  SCOPES_WITHOUT_TOKEN_MIXIN(
      "scopes need a token model that implements io.statelessauth.TokenMixin, whose scopes() says"
          + " what a token grants, but %s does not. Implement TokenMixin in %s, or remove scopes"),
  ROLE_BLANK("roles must not be blank: name a role, such as \"admin\", or remove the empty one"),
  ROLE_REPEATED(Diagnostic.Kind.WARNING, "role \"%s\" is listed more than once. Remove the repeats"),
  ROLES_WITHOUT_USER_MIXIN(
      "roles need a user that implements io.statelessauth.UserMixin, whose roles() says what a"
          + " user holds, but %s does not. Implement UserMixin in %s, or remove roles"),

  // Handler names.
  DUPLICATE_HANDLER_NAME(
      "Found %d @TokenRequired methods named %s in %s; %s has one method per handler, named after"
          + " it. Rename all but one"),
  HANDLER_NAME_RESERVED(
      "@TokenRequired method %s cannot keep its name: %s would need a method %s() returning"
          + " HttpHandler, which clashes with Object.%s(). Rename it"),

  // Generated names already taken.
  NAME_TAKEN(
      "Cannot generate %s for %s: a class of that name is already declared in this compilation."
          + " Rename that class"),
  NAME_GENERATED_TWICE(
      "Cannot generate %s for %s: the same name is already generated for %s. Rename one of the"
          + " two classes"),

  // Set-up and robustness.
  RUNTIME_MISSING(
      "The generated code needs stateless-auth-runtime, which is not on the class path (%s was"
          + " not found). Add the dependency io.statelessauth:stateless-auth-runtime"),
  UNRESOLVED(
      "%s refers to a type that could not be resolved. If another annotation processor"
          + " generates it, make sure that processor runs; otherwise fix the type's name or"
          + " import"),
  WRITE_FAILED("Could not write %s: %s"),
  INTERNAL_ERROR(
      "Internal error in the stateless-auth processor while processing %s. Please report it"
          + " with this trace:%n%s");

  private final Diagnostic.Kind kind;
  private final String template;

  Messages(String template) {
    this(Diagnostic.Kind.ERROR, template);
  }

  Messages(Diagnostic.Kind kind, String template) {
    this.kind = kind;
    this.template = template;
  }

  /** Whether this is an error, which fails the compilation, or a warning. */
  public Diagnostic.Kind kind() {
    return kind;
  }

  /** The message with its placeholders replaced by {@code args}, in order. */
  public String format(Object... args) {
    return String.format(Locale.ROOT, template, args);
  }
}
