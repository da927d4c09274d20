/**
 * The stateless-auth annotation processor. {@link
 * io.statelessauth.processor.StatelessAuthProcessor} sequences the phases of each round:
 * {@code AnnotatedElements} collects the annotated types (deferring by name what does not resolve
 * yet), {@link io.statelessauth.processor.validation} checks them into a {@link
 * io.statelessauth.processor.model.WiringPlan}, and {@link io.statelessauth.processor.writing}
 * writes the plan with JavaPoet.
 */
package io.statelessauth.processor;
