/**
 * The second phase of a round: {@link io.statelessauth.processor.plan.WiringPlanner} has each
 * collected subject validated, prints the reports, builds the model records from clean ones only
 * and claims each generated name, giving the round's {@link
 * io.statelessauth.processor.model.WiringPlan}. It holds what the compilation shares across rounds:
 * the validated loader pair and the names already taken.
 */
package io.statelessauth.processor.plan;
