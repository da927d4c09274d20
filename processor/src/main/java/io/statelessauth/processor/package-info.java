/**
 * The stateless-auth annotation processor. {@link
 * io.statelessauth.processor.StatelessAuthProcessor} sequences the phases; the rest is
 * package-private: validators (one per concern) that report on the element at fault and build the
 * model records, generators that turn the records into JavaPoet files, {@code Messages} (every
 * diagnostic) and {@code GeneratedNames} (every generated name).
 */
package io.statelessauth.processor;
