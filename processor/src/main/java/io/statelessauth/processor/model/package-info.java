/**
 * The wiring as validation found it, as immutable records: the loader pair ({@link
 * io.statelessauth.processor.model.LoaderBinding}), each handler class and method with its route
 * and arguments, and the round's {@link io.statelessauth.processor.model.WiringPlan}; with the one
 * class that owns every generated name and the runtime types generated code names.
 */
package io.statelessauth.processor.model;
