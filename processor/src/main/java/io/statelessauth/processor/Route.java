package io.statelessauth.processor;

import java.util.List;

/**
 * The validated values of one {@code @TokenRequired}; {@code ""} means the configured default.
 *
 * @param tokenType the token type the route accepts
 * @param authType the scheme the route requires
 * @param scopes the scopes the token must grant, in the annotation's order
 */
record Route(String tokenType, String authType, List<String> scopes) {}
