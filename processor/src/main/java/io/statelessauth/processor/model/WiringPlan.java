package io.statelessauth.processor.model;

import java.util.List;
import java.util.Optional;

/**
 * What a round validated and what is to be written for it: the manager, in the round its loader
 * pair was validated, and each handler class validated in the round. In a compilation whose types
 * all exist from the start, the first round's plan is the whole wiring.
 *
 * @param manager the loader pair whose {@code StatelessAuthManager} is to be written, if any
 * @param handlerClasses the classes whose {@code Authenticated<Name>} is to be written
 */
public record WiringPlan(Optional<LoaderBinding> manager, List<HandlerClass> handlerClasses) {}
