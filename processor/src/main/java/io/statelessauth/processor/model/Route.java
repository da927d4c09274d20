package io.statelessauth.processor.model;

import java.util.List;

/**
 * The validated values of one {@code @TokenRequired}; {@code ""} means the configured default.
 *
 * @param tokenType the token type the route accepts
 * @param authTypes the schemes the route accepts, in the annotation's order; empty for the
 *     configured default
 * @param scopes the scopes the token must grant, in the annotation's order, without repeats
 * @param roles the roles of which the user must hold one, in the annotation's order, without repeats
 * @param optional whether requests without credentials run anonymously
 */
public record Route(
    String tokenType, List<String> authTypes, List<String> scopes, List<String> roles, boolean optional) {}
