/**
 * What every phase shares: the {@link io.statelessauth.processor.base.Messages} the processor can
 * print, the {@link io.statelessauth.processor.base.ValidationReport} that carries them to the
 * element at fault, {@link io.statelessauth.processor.base.Diagnostics}, the one path that prints
 * them, facts about types and elements, the annotations' names and a {@code @TokenRequired}'s
 * values read from its mirror.
 */
package io.statelessauth.processor.base;
