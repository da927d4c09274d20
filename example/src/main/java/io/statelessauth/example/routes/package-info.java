/**
 * The HTTP routes: the route table ({@code Routes}); the {@code Router}, which matches each request
 * by its exact path and method, bounds the handlers running at once, answers refusals and failures
 * as JSON ({@code Json}, {@code ApiError}) and logs failures without flooding the log ({@code
 * FailureLog}); and the handlers, without a token ({@code PublicRoutes}) and with one ({@code
 * MemberRoutes}, {@code ApiKeyRoutes}, {@code AdminRoutes}), each run through the {@code
 * Authenticated<Name>} the processor generates beside it. The other packages refuse a request by
 * throwing an {@code ApiError}.
 */
package io.statelessauth.example.routes;
