/**
 * The compile-time checks: one validator per concern, each returning a {@link
 * io.statelessauth.processor.base.ValidationReport} on the element at fault, every message in
 * {@link io.statelessauth.processor.base.Messages}; {@link
 * io.statelessauth.processor.validation.WiringValidator} runs them for one subject at a time and
 * keeps nothing between calls.
 */
package io.statelessauth.processor.validation;
