/**
 * The compile-time checks: one validator per concern, each returning a {@link
 * io.statelessauth.processor.validation.ValidationReport} on the element at fault, every message
 * in {@link io.statelessauth.processor.validation.Messages}; {@link
 * io.statelessauth.processor.validation.WiringValidator} runs them, prints their reports and
 * builds the model from what is clean.
 */
package io.statelessauth.processor.validation;
