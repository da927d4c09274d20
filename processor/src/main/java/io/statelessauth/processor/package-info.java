/**
 * The stateless-auth annotation processor. {@link
 * io.statelessauth.processor.StatelessAuthProcessor} runs the phases of each round, each a
 * package: {@link io.statelessauth.processor.collect} gathers the annotated types (deferring by
 * name what does not resolve yet), {@link io.statelessauth.processor.plan} has them checked by
 * {@link io.statelessauth.processor.validation} and builds a {@link
 * io.statelessauth.processor.model.WiringPlan}, and {@link io.statelessauth.processor.writing}
 * writes the plan with JavaPoet. {@link io.statelessauth.processor.base} holds what they share.
 */
package io.statelessauth.processor;
